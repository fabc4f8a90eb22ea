import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { Client, describeDb, newCompany, signedIn, testApp } from '../../../test/kit/index.ts';
import { rows } from '../db/tx.ts';

describeDb('sign-in, sessions, CSRF and API tokens', (ctx) => {
  test('the right password signs in; a wrong one is 401 and looks exactly like an unknown email (SEC-RATE-05)', async () => {
    const company = await newCompany(ctx.db);
    const app = await testApp(ctx.db);
    const ok = await new Client(app).login(company.admin.email, company.admin.password);
    assert.equal(ok.status, 200);
    assert.equal(ok.body.user.email, company.admin.email);
    assert.equal(ok.body.company.id, company.id);
    assert.ok(ok.body.permissions.includes('platform.user.read'));
    assert.match(String(ok.headers['set-cookie']), /tandem_session=.*HttpOnly.*SameSite=Lax/i);

    const wrong = await new Client(app).login(company.admin.email, 'not-the-password');
    const unknown = await new Client(app).login(`nobody.${company.code}@example.com`, 'not-the-password');
    assert.equal(wrong.status, 401);
    assert.deepEqual(wrong.body, unknown.body);
    assert.equal(unknown.status, 401);
    assert.equal(wrong.body.error.code, 'auth.invalid_credentials');
  });

  test('five failures lock the account for a while, but not on a browser that signed in before (SEC-RATE-01)', async () => {
    const company = await newCompany(ctx.db);
    const user = await company.user('sales');
    const app = await testApp(ctx.db);
    const owner = new Client(app);
    assert.equal((await owner.login(user.email, user.password)).status, 200);

    for (let i = 0; i < 5; i++) {
      const attacker = new Client(app); // a new IP every attempt: the per-account limit still counts
      assert.equal((await attacker.login(user.email, `guess-${i}`)).status, 401);
    }
    const locked = await new Client(app).login(user.email, user.password);
    assert.equal(locked.status, 429);
    assert.equal(locked.body.error.code, 'auth.throttled');
    assert.ok(Number(locked.headers['retry-after']) > 0);

    const again = await owner.login(user.email, user.password);
    assert.equal(again.status, 200, 'the known device still gets in');
  });

  test('one IP failing across many accounts is throttled, and X-Forwarded-For does not reset it (SEC-RATE-02, SEC-RATE-04)', async () => {
    const company = await newCompany(ctx.db);
    const app = await testApp(ctx.db);
    const attacker = new Client(app);
    let last = 0;
    for (let i = 0; i < 100; i++) {
      last = (await attacker.login(`victim${i}.${company.code}@example.com`, 'x')).status;
      assert.equal(last, 401);
    }
    const blocked = await attacker.request(
      'POST',
      '/api/v1/auth/login',
      { email: company.admin.email, password: company.admin.password },
      {
        headers: { 'x-forwarded-for': '203.0.113.9' },
      },
    );
    assert.equal(blocked.status, 429);
  });

  test('a cookie-authenticated write without the CSRF header is refused and changes nothing', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const res = await admin.post(
      '/api/v1/roles',
      { code: 'csrf_probe', name: { en: 'X' }, permissions: [], recordScope: 'own' },
      { csrf: false },
    );
    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, 'auth.csrf');
    const found = await rows(
      ctx.db.orm,
      sql`select 1 from platform_role where company_id = ${company.id} and code = 'csrf_probe'`,
    );
    assert.equal(found.length, 0);
    const withProof = await admin.post('/api/v1/roles', {
      code: 'csrf_probe',
      name: { en: 'X' },
      permissions: [],
      recordScope: 'own',
    });
    assert.equal(withProof.status, 201);
  });

  test('logout ends the session: the old cookie no longer works', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const cookie = admin.cookies.get('tandem_session')!;
    assert.equal((await admin.post('/api/v1/auth/logout')).status, 204);
    const replay = new Client(admin.app);
    replay.cookies.set('tandem_session', cookie);
    const res = await replay.get('/api/v1/auth/me');
    assert.equal(res.status, 401);
  });

  test('a bearer token works for every route; a revoked one fails on the very next request (SEC-AUTHZ-05)', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const created = await admin.post('/api/v1/api-tokens', {
      name: 'ERP bridge',
      scopes: ['platform.user.read'],
    });
    assert.equal(created.status, 201);
    assert.match(created.body.token, /^tdm_/);

    const api = new Client(admin.app);
    api.bearer = created.body.token;
    assert.equal((await api.get('/api/v1/users')).status, 200);
    const outOfScope = await api.get('/api/v1/roles');
    assert.equal(outOfScope.status, 403, 'a scope narrows the token below its role');

    const listed = await admin.get('/api/v1/api-tokens');
    assert.equal(listed.body.items.length, 1);
    assert.equal(listed.body.items[0].token, undefined, 'the secret is never shown again');

    assert.equal((await admin.delete(`/api/v1/api-tokens/${created.body.id}`)).status, 204);
    const after = await api.get('/api/v1/users');
    assert.equal(after.status, 401);
    assert.equal(after.body.error.code, 'auth.invalid_token');
  });

  test('disabling a user ends their session and tokens at once (SEC-AUTHZ-05, SEC-RESET-09)', async () => {
    const company = await newCompany(ctx.db);
    const user = await company.user('sales_manager');
    const admin = await signedIn(ctx.db, company.admin);
    const victim = await signedIn(ctx.db, user);
    const token = await victim.post('/api/v1/api-tokens', { name: 'mine' });
    assert.equal(token.status, 201);
    assert.equal((await victim.get('/api/v1/users')).status, 200);

    const disabled = await admin.post(`/api/v1/users/${user.id}/disable`, { reason: 'left the company' });
    assert.equal(disabled.status, 200);
    assert.equal(disabled.body.disabled, true);
    assert.equal((await victim.get('/api/v1/users')).status, 401);
    const api = new Client(admin.app);
    api.bearer = token.body.token;
    assert.equal((await api.get('/api/v1/users')).status, 401);
    assert.equal((await new Client(admin.app).login(user.email, user.password)).status, 401);
  });

  test('an admin can terminate another user’s sessions', async () => {
    const company = await newCompany(ctx.db);
    const user = await company.user('sales');
    const admin = await signedIn(ctx.db, company.admin);
    const victim = await signedIn(ctx.db, user);
    const res = await admin.post(`/api/v1/users/${user.id}/terminate-sessions`);
    assert.equal(res.status, 200);
    assert.equal(res.body.ended, 1);
    assert.equal((await victim.get('/api/v1/auth/me')).status, 401);
  });

  test('sessions expire after the idle time', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    await ctx.db.orm.execute(
      sql`update platform_session set last_seen_at = now() - interval '3 days' where user_id = ${company.admin.id}`,
    );
    const res = await admin.get('/api/v1/auth/me');
    assert.equal(res.status, 401);
    assert.equal(res.body.error.code, 'auth.session_expired');
  });

  test('a user of two companies switches between them; a company they are not in is a 404', async () => {
    const a = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, a.admin);
    const created = await admin.post('/api/v1/companies', {
      code: `B${a.code}`.slice(0, 20),
      name: 'Second company',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const me = await admin.get('/api/v1/auth/me');
    assert.equal(me.body.companies.length, 2);
    const switched = await admin.post('/api/v1/auth/switch-company', { companyId: created.body.id });
    assert.equal(switched.status, 200);
    assert.equal(switched.body.company.id, created.body.id);
    const users = await admin.get('/api/v1/users');
    assert.deepEqual(
      users.body.items.map((u: any) => u.id),
      [a.admin.id],
      'the new company has only its creator',
    );
    const stranger = await newCompany(ctx.db);
    const denied = await admin.post('/api/v1/auth/switch-company', { companyId: stranger.id });
    assert.equal(denied.status, 404);
  });

  test('an admin of one company cannot attach or rename an account of another company', async () => {
    const a = await newCompany(ctx.db);
    const b = await newCompany(ctx.db);
    const userOfA = await a.user('sales');
    const adminB = await signedIn(ctx.db, b.admin);
    const attach = await adminB.post('/api/v1/users', {
      email: userOfA.email,
      name: 'Taken over',
      roleIds: [b.roles.viewer],
    });
    assert.equal(attach.status, 409);
    assert.equal(attach.body.error.code, 'user.shared_account');
    const [row] = await rows<{ name: string; n: number }>(
      ctx.db.orm,
      sql`select u.name, (select count(*)::int from platform_membership m where m.user_id = u.id) as n
            from platform_user u where u.id = ${userOfA.id}`,
    );
    assert.deepEqual(row, { name: 'sales user', n: 1 });

    // The administrator of both companies (a group) may add the person to the second one.
    const adminA = await signedIn(ctx.db, a.admin);
    const second = await adminA.post('/api/v1/companies', {
      code: `G${a.code}`.slice(0, 20),
      name: 'Group member',
    });
    await adminA.post('/api/v1/auth/switch-company', { companyId: second.body.id });
    const roles = await adminA.get('/api/v1/roles');
    const viewer = roles.body.items.find((r: any) => r.code === 'viewer');
    const added = await adminA.post('/api/v1/users', {
      email: userOfA.email,
      name: 'Same person',
      roleIds: [viewer.id],
    });
    assert.equal(added.status, 201, JSON.stringify(added.body));
  });
});
