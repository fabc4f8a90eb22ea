import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { Client, describeDb, newCompany, signedIn, testApp } from '../../../test/kit/index.ts';
import type { Db } from '../db/connect.ts';
import { one, rows } from '../db/tx.ts';
import { sha256 } from '../ids.ts';

// Password-reset mail belongs to no company (the request is anonymous), so these tests read
// platform_mail directly instead of through GET /mail.

const NEW_PASSWORD = 'Brand-new-Passw0rd!';
const LINK = /^https:\/\/tandem\.test\/reset-password\?token=([A-Za-z0-9_-]+)$/m;

async function resetMails(db: Db, email: string): Promise<string[]> {
  const list = await rows<{ text_body: string }>(
    db.orm,
    sql`select text_body from platform_mail where to_address = ${email} and kind = 'password_reset' order by id`,
  );
  return list.map((m) => m.text_body);
}

function tokenOf(text: string): string {
  const match = LINK.exec(text);
  assert.ok(match, `no reset link built from PUBLIC_URL in: ${text}`);
  return match[1];
}

async function requestReset(db: Db, email: unknown, headers: Record<string, string> = {}) {
  const client = new Client(await testApp(db));
  return client.post('/api/v1/auth/password-reset/request', { email }, { headers });
}

async function confirm(db: Db, body: unknown) {
  const client = new Client(await testApp(db));
  return client.post('/api/v1/auth/password-reset/confirm', body);
}

describeDb('password reset by mail (SEC-RESET)', (ctx) => {
  test('SEC-RESET-05 the link uses PUBLIC_URL whatever Host or X-Forwarded-Host say; SEC-RESET-01 the token is strong, hashed, short-lived', async () => {
    const company = await newCompany(ctx.db);
    const user = await company.user('sales');
    const res = await requestReset(ctx.db, user.email, {
      host: 'attacker.example',
      'x-forwarded-host': 'attacker.example',
      'x-forwarded-proto': 'http',
    });
    assert.equal(res.status, 202);
    const mails = await resetMails(ctx.db, user.email);
    assert.equal(mails.length, 1);
    assert.doesNotMatch(mails[0], /attacker/);
    const token = tokenOf(mails[0]);
    assert.ok(Buffer.from(token, 'base64url').length >= 16, 'at least 128 bits');
    const stored = await one<{ token_hash: string; ttl_minutes: number }>(
      ctx.db.orm,
      sql`select r.token_hash, extract(epoch from (r.expires_at - r.created_at))::int / 60 as ttl_minutes
            from platform_password_reset r where r.user_id = ${user.id}`,
    );
    assert.equal(stored!.token_hash, sha256(token), 'only the hash is stored');
    assert.ok(stored!.ttl_minutes <= 60);
    const mail = await one<{ company_id: string | null; status: string }>(
      ctx.db.orm,
      sql`select company_id, status from platform_mail where to_address = ${user.email}`,
    );
    assert.equal(mail!.company_id, null);
  });

  test('SEC-RESET-02 the token works once; SEC-RESET-08 afterwards old sessions and API tokens are dead', async () => {
    const company = await newCompany(ctx.db);
    const user = await company.user('sales_manager');
    const session = await signedIn(ctx.db, user);
    const apiToken = await session.post('/api/v1/api-tokens', { name: 'sync' });
    assert.equal(apiToken.status, 201);
    const api = new Client(session.app);
    api.bearer = apiToken.body.token;
    assert.equal((await api.get('/api/v1/users')).status, 200);

    assert.equal((await requestReset(ctx.db, user.email)).status, 202);
    const token = tokenOf((await resetMails(ctx.db, user.email))[0]);
    const first = await confirm(ctx.db, { token, newPassword: NEW_PASSWORD });
    assert.equal(first.status, 204);
    const second = await confirm(ctx.db, { token, newPassword: 'Another-passw0rd!' });
    assert.equal(second.status, 400);
    assert.equal(second.body.error.code, 'auth.reset_token_invalid');

    assert.equal((await session.get('/api/v1/auth/me')).status, 401, 'the old session ended');
    assert.equal((await api.get('/api/v1/users')).status, 401, 'the API token was revoked');
    const app = await testApp(ctx.db);
    assert.equal((await new Client(app).login(user.email, user.password)).status, 401);
    assert.equal((await new Client(app).login(user.email, NEW_PASSWORD)).status, 200);
    const audit = await one(
      ctx.db.orm,
      sql`select 1 from platform_audit_log where company_id = ${company.id} and entity_id = ${user.id}
           and action = 'password_reset'`,
    );
    assert.ok(audit);
  });

  test('SEC-RESET-03 an older token is refused once a newer one was issued', async () => {
    const company = await newCompany(ctx.db);
    const user = await company.user('sales');
    assert.equal((await requestReset(ctx.db, user.email)).status, 202);
    assert.equal((await requestReset(ctx.db, user.email)).status, 202);
    const [older, newer] = (await resetMails(ctx.db, user.email)).map(tokenOf);
    assert.notEqual(older, newer);
    const stale = await confirm(ctx.db, { token: older, newPassword: NEW_PASSWORD });
    assert.equal(stale.status, 400);
    assert.equal((await confirm(ctx.db, { token: newer, newPassword: NEW_PASSWORD })).status, 204);
  });

  test('SEC-RESET-01 an expired token is refused', async () => {
    const company = await newCompany(ctx.db);
    const user = await company.user('sales');
    assert.equal((await requestReset(ctx.db, user.email)).status, 202);
    const token = tokenOf((await resetMails(ctx.db, user.email))[0]);
    await ctx.db.orm.execute(
      sql`update platform_password_reset set expires_at = now() - interval '1 second' where user_id = ${user.id}`,
    );
    const res = await confirm(ctx.db, { token, newPassword: NEW_PASSWORD });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'auth.reset_token_invalid');
  });

  test('SEC-RESET-04 a null, empty, array, numeric or missing token is a 400 and changes nothing', async () => {
    const company = await newCompany(ctx.db);
    const user = await company.user('sales');
    assert.equal((await requestReset(ctx.db, user.email)).status, 202);
    const before = await one<{ password_hash: string }>(
      ctx.db.orm,
      sql`select password_hash from platform_user where id = ${user.id}`,
    );
    for (const token of [null, '', [], 0, true, { $ne: '' }, '*'.repeat(43), undefined]) {
      const body = token === undefined ? { newPassword: NEW_PASSWORD } : { token, newPassword: NEW_PASSWORD };
      const res = await confirm(ctx.db, body);
      assert.equal(res.status, 400, `token ${JSON.stringify(token)}`);
    }
    const after = await one<{ password_hash: string }>(
      ctx.db.orm,
      sql`select password_hash from platform_user where id = ${user.id}`,
    );
    assert.equal(after!.password_hash, before!.password_hash);
    const unused = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from platform_password_reset where user_id = ${user.id} and used_at is null`,
    );
    assert.equal(unused!.n, 1, 'the real token is still unused');
  });

  test('SEC-RESET-06 an email array or a list of addresses is a 400 and sends nothing', async () => {
    const company = await newCompany(ctx.db);
    const user = await company.user('sales');
    const attacker = `attacker.${company.code.toLowerCase()}@example.com`;
    for (const email of [
      [user.email, attacker],
      `${user.email},${attacker}`,
      `${user.email};${attacker}`,
      `${user.email}\n${attacker}`,
      `${user.email} ${attacker}`,
      { email: user.email },
    ]) {
      const res = await requestReset(ctx.db, email);
      assert.equal(res.status, 400, JSON.stringify(email));
    }
    const extra = await requestReset(ctx.db, user.email);
    assert.equal(extra.status, 202);
    const mails = await rows<{ to_address: string }>(
      ctx.db.orm,
      sql`select to_address from platform_mail where to_address like ${`%${company.code.toLowerCase()}%`}
           or to_address = ${user.email}`,
    );
    assert.deepEqual(
      mails.map((m) => m.to_address),
      [user.email],
      'one mail, to the account’s own address only',
    );
  });

  test('SEC-RESET-07 known and unknown emails get the same answer; only the known one gets mail', async () => {
    const company = await newCompany(ctx.db);
    const user = await company.user('sales');
    const unknown = `nobody.${company.code.toLowerCase()}@example.com`;
    const known = await requestReset(ctx.db, user.email);
    const missing = await requestReset(ctx.db, unknown);
    assert.equal(known.status, missing.status);
    assert.deepEqual(known.body, missing.body);
    assert.equal((await resetMails(ctx.db, user.email)).length, 1);
    assert.equal((await resetMails(ctx.db, unknown)).length, 0);
  });
});
