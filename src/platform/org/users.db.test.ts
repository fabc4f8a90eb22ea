import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, newCompany, signedIn } from '../../../test/kit/index.ts';
import { rows } from '../db/tx.ts';

async function roleIdsOf(db: any, companyId: string, userId: string): Promise<string[]> {
  const list = await rows<{ role_id: string }>(
    db.orm,
    sql`select role_id from platform_user_role where company_id = ${companyId} and user_id = ${userId} order by role_id`,
  );
  return list.map((r) => r.role_id);
}

describeDb('users: company scope, field masks, no privilege escalation', (ctx) => {
  test('SEC-AUTHZ-01 a user of another company is a 404 on read, update and disable, and nothing changes', async () => {
    const a = await newCompany(ctx.db);
    const b = await newCompany(ctx.db);
    const victim = await b.user('sales');
    const adminA = await signedIn(ctx.db, a.admin);
    assert.equal((await adminA.get(`/api/v1/users/${victim.id}`)).status, 404);
    const patch = await adminA.patch(`/api/v1/users/${victim.id}`, { version: 1, name: 'Hijacked' });
    assert.equal(patch.status, 404);
    assert.equal((await adminA.post(`/api/v1/users/${victim.id}/disable`, {})).status, 404);
    assert.equal((await adminA.post(`/api/v1/users/${victim.id}/terminate-sessions`)).status, 404);
    const [row] = await rows<{ name: string; active: boolean }>(
      ctx.db.orm,
      sql`select u.name, m.active from platform_user u join platform_membership m on m.user_id = u.id
           where u.id = ${victim.id} and m.company_id = ${b.id}`,
    );
    assert.deepEqual(row, { name: 'sales user', active: true });
    const list = await adminA.get('/api/v1/users?limit=200');
    assert.ok(!list.body.items.some((u: any) => u.id === victim.id));
  });

  test('a masked field is absent for that role, and cannot be sorted or searched by (SEC-AUTHZ-03)', async () => {
    const company = await newCompany(ctx.db);
    const viewer = await signedIn(ctx.db, await company.user('viewer'));
    const list = await viewer.get('/api/v1/users');
    assert.equal(list.status, 200);
    assert.ok(list.body.items.length >= 2);
    for (const u of list.body.items) {
      assert.equal('email' in u, false, 'email is masked for viewers');
      assert.equal('lastLoginAt' in u, false);
      assert.ok(u.name);
    }
    const one = await viewer.get(`/api/v1/users/${company.admin.id}`);
    assert.equal('email' in one.body, false);
    const sorted = await viewer.get('/api/v1/users?sort=email');
    assert.equal(sorted.status, 400);
    assert.equal(sorted.body.error.code, 'field_masked');
    const probe = await viewer.get(`/api/v1/users?q=${encodeURIComponent(company.admin.email)}`);
    assert.equal(probe.body.items.length, 0, 'searching by a masked field finds nothing (no oracle)');
    const admin = await signedIn(ctx.db, company.admin);
    const full = await admin.get(`/api/v1/users/${company.admin.id}`);
    assert.equal(full.body.email, company.admin.email, 'an admin sees the field');
  });

  test('a custom role with a field mask hides it in the audit diff too', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const role = await admin.post('/api/v1/roles', {
      code: 'hr_light',
      name: { en: 'HR light' },
      permissions: ['platform.user.read', 'platform.audit.read'],
      recordScope: 'company',
      fieldMasks: { 'platform.user': ['email'] },
    });
    assert.equal(role.status, 201);
    const created = await admin.post('/api/v1/users', {
      email: `masked.${company.code}@example.com`,
      name: 'Masked',
      roleIds: [role.body.id],
    });
    assert.equal(created.status, 201);
    const masked = await signedIn(ctx.db, {
      email: `masked.${company.code}@example.com`,
      password: 'unused',
    }).catch(() => null);
    assert.equal(masked, null, 'invited users have a random password');
    const hr = await company.user('hr');
    await admin.patch(`/api/v1/users/${hr.id}`, { version: 1, roleIds: [role.body.id] });
    const client = await signedIn(ctx.db, hr);
    const log = await client.get(`/api/v1/audit-log?entity=platform.user&entityId=${created.body.id}`);
    assert.equal(log.status, 200);
    const entry = log.body.items.find((i: any) => i.action === 'create');
    assert.equal('email' in entry.changes, false);
    assert.ok('name' in entry.changes);
  });

  test('SEC-PRIV-01 the self-service profile accepts only name and language', async () => {
    const company = await newCompany(ctx.db);
    const sales = await company.user('sales');
    const client = await signedIn(ctx.db, sales);
    for (const extra of [
      { roleIds: [company.roles.admin] },
      { isAdmin: true },
      { companyId: company.id },
      { permissions: ['*'] },
      { email: 'x@y.z' },
    ]) {
      const res = await client.patch('/api/v1/me', { name: 'Me', ...extra });
      assert.equal(res.status, 400, JSON.stringify(extra));
    }
    assert.deepEqual(await roleIdsOf(ctx.db, company.id, sales.id), [company.roles.sales]);
    assert.equal((await client.patch('/api/v1/me', { name: 'New Name', locale: 'zh-CN' })).status, 204);
  });

  test('SEC-PRIV-02/04 no one grants what they do not hold: hr cannot make anyone admin, sales cannot manage users', async () => {
    const company = await newCompany(ctx.db);
    const hr = await signedIn(ctx.db, await company.user('hr'));
    const target = await company.user('sales');
    const escalate = await hr.patch(`/api/v1/users/${target.id}`, {
      version: 1,
      roleIds: [company.roles.admin],
    });
    assert.equal(escalate.status, 403);
    assert.deepEqual(await roleIdsOf(ctx.db, company.id, target.id), [company.roles.sales]);
    const create = await hr.post('/api/v1/users', {
      email: `boss.${company.code}@example.com`,
      name: 'Boss',
      roleIds: [company.roles.admin],
    });
    assert.equal(create.status, 403);
    const viewerGrant = await hr.post('/api/v1/users', {
      email: `viewer.${company.code}@example.com`,
      name: 'V',
      roleIds: [company.roles.viewer],
    });
    assert.equal(viewerGrant.status, 403, 'viewer reads the audit log, which hr may not');
    const admin = await signedIn(ctx.db, company.admin);
    const clerk = await admin.post('/api/v1/roles', {
      code: 'clerk',
      name: { en: 'Clerk' },
      permissions: ['platform.reference.read'],
      recordScope: 'own',
    });
    const allowed = await hr.post('/api/v1/users', {
      email: `clerk.${company.code}@example.com`,
      name: 'Clerk',
      roleIds: [clerk.body.id],
    });
    assert.equal(allowed.status, 201, 'hr may add users with roles it fully holds');

    const sales = await signedIn(ctx.db, target);
    for (const [method, url, body] of [
      ['POST', '/api/v1/users', { email: 'x@example.com', name: 'X', roleIds: [company.roles.sales] }],
      ['PATCH', `/api/v1/users/${target.id}`, { version: 1, roleIds: [company.roles.admin] }],
      [
        'POST',
        '/api/v1/roles',
        { code: 'mine', name: { en: 'x' }, permissions: ['*'], recordScope: 'company' },
      ],
      ['POST', `/api/v1/users/${company.admin.id}/disable`, {}],
      ['POST', '/api/v1/companies', { code: 'EVIL', name: 'Evil' }],
    ] as const) {
      const res = await sales.request(method, url, body, { headers: { 'x-http-method-override': 'GET' } });
      assert.equal(res.status, 403, `${method} ${url}`);
    }
    assert.deepEqual(await roleIdsOf(ctx.db, company.id, target.id), [company.roles.sales]);
  });

  test('an admin cannot change their own roles or disable themselves', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const own = await admin.patch(`/api/v1/users/${company.admin.id}`, {
      version: 1,
      roleIds: [company.roles.viewer],
    });
    assert.equal(own.status, 400);
    const self = await admin.post(`/api/v1/users/${company.admin.id}/disable`, {});
    assert.equal(self.status, 400);
  });

  test('the user list pages with a cursor and searches by name', async () => {
    const company = await newCompany(ctx.db);
    for (let i = 0; i < 5; i++) await company.user('viewer');
    const admin = await signedIn(ctx.db, company.admin);
    const first = await admin.get('/api/v1/users?limit=4');
    assert.equal(first.body.items.length, 4);
    assert.ok(first.body.nextCursor);
    const second = await admin.get(`/api/v1/users?limit=4&cursor=${first.body.nextCursor}`);
    assert.equal(second.body.items.length, 2);
    assert.equal(second.body.nextCursor, null);
    const ids = new Set([...first.body.items, ...second.body.items].map((u: any) => u.id));
    assert.equal(ids.size, 6);
    assert.equal((await admin.get('/api/v1/users?cursor=garbage')).status, 400);
  });
});
