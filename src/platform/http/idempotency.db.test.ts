import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { Client, describeDb, newCompany, signedIn } from '../../../test/kit/index.ts';
import { one } from '../db/tx.ts';

const roleBody = (code: string) => ({
  code,
  name: { en: 'Idempotent role' },
  permissions: ['platform.user.read'],
  recordScope: 'own',
});

describeDb('Idempotency-Key and optimistic locking', (ctx) => {
  test('a replayed Idempotency-Key returns the first response and creates nothing', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const headers = { 'idempotency-key': 'create-role-001' };
    const first = await admin.post('/api/v1/roles', roleBody('idem_role'), { headers });
    assert.equal(first.status, 201);
    const replay = await admin.post('/api/v1/roles', roleBody('idem_role'), { headers });
    assert.equal(replay.status, 201);
    assert.deepEqual(replay.body, first.body);
    assert.equal(replay.headers['idempotent-replayed'], 'true');
    const count = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from platform_role where company_id = ${company.id} and code = 'idem_role'`,
    );
    assert.equal(count?.n, 1);
    const audits = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from platform_audit_log where company_id = ${company.id} and entity = 'platform.role' and action = 'create'`,
    );
    assert.equal(audits?.n, 1, 'the replay wrote no second audit row');
  });

  test('the same key with a different body is a 422 and changes nothing (INV-IDEM-01)', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const headers = { 'idempotency-key': 'k-2' };
    assert.equal((await admin.post('/api/v1/roles', roleBody('first_body'), { headers })).status, 201);
    const other = await admin.post('/api/v1/roles', roleBody('second_body'), { headers });
    assert.equal(other.status, 422);
    assert.equal(other.body.error.code, 'idempotency.key_reused');
    const found = await one(
      ctx.db.orm,
      sql`select 1 from platform_role where company_id = ${company.id} and code = 'second_body'`,
    );
    assert.equal(found, undefined);
  });

  test('five concurrent requests with one key create one record and answer alike (INV-IDEM-01)', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const headers = { 'idempotency-key': 'concurrent-1' };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => admin.post('/api/v1/roles', roleBody('race_role'), { headers })),
    );
    for (const r of results) assert.equal(r.status, 201, JSON.stringify(r.body));
    for (const r of results) assert.deepEqual(r.body, results[0].body);
    const count = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from platform_role where company_id = ${company.id} and code = 'race_role'`,
    );
    assert.equal(count?.n, 1);
  });

  test('a response holding a secret is never replayed: the replay is a 409 without the token', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const headers = { 'idempotency-key': 'token-once' };
    const first = await admin.post('/api/v1/api-tokens', { name: 'CI' }, { headers });
    assert.equal(first.status, 201);
    const replay = await admin.post('/api/v1/api-tokens', { name: 'CI' }, { headers });
    assert.equal(replay.status, 409);
    assert.equal(replay.body.error.code, 'idempotency.not_replayable');
    assert.ok(!JSON.stringify(replay.body).includes(first.body.token));
    const count = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from platform_api_token where user_id = ${company.admin.id}`,
    );
    assert.equal(count?.n, 1);
  });

  test('keys are per caller: another user with the same key gets their own result', async () => {
    const company = await newCompany(ctx.db);
    const a = await signedIn(ctx.db, company.admin);
    const other = await company.user('admin');
    const b = await signedIn(ctx.db, other);
    const headers = { 'idempotency-key': 'shared-key' };
    assert.equal((await a.post('/api/v1/roles', roleBody('by_a'), { headers })).status, 201);
    assert.equal((await b.post('/api/v1/roles', roleBody('by_b'), { headers })).status, 201);
  });

  test('a stale version is a 409 and the row keeps the newer change (INV-OCC-01)', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const created = await admin.post('/api/v1/roles', roleBody('occ_role'));
    const v1 = created.body.version;
    const first = await admin.patch(`/api/v1/roles/${created.body.id}`, { version: v1, recordScope: 'team' });
    assert.equal(first.status, 200);
    assert.equal(first.body.version, v1 + 1);
    const stale = await admin.patch(`/api/v1/roles/${created.body.id}`, {
      version: v1,
      recordScope: 'company',
    });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'stale_version');
    const row = await one<{ record_scope: string }>(
      ctx.db.orm,
      sql`select record_scope from platform_role where company_id = ${company.id} and id = ${created.body.id}`,
    );
    assert.equal(row?.record_scope, 'team');
  });

  test('an Idempotency-Key that is not visible ASCII is a 400', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const res = await admin.post('/api/v1/roles', roleBody('badkey'), {
      headers: { 'idempotency-key': 'x'.repeat(300) },
    });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'idempotency.bad_key');
    assert.ok(new Client(admin.app));
  });
});
