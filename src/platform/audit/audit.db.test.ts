import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describeDb, newCompany, signedIn, testDbUrl } from '../../../test/kit/index.ts';
import { one, rows } from '../db/tx.ts';
import { sealAuditLog, verifyAuditChain } from './seal.ts';

describeDb('audit log: every change, append-only, sealed in a hash chain', (ctx) => {
  test('every mutation through the API leaves an audit row with actor, diff and request id (INV-AUD-01)', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const created = await admin.post('/api/v1/roles', {
      code: 'auditor',
      name: { en: 'Auditor' },
      permissions: ['platform.audit.read'],
      recordScope: 'company',
    });
    const updated = await admin.patch(`/api/v1/roles/${created.body.id}`, {
      version: created.body.version,
      recordScope: 'team',
    });
    const deleted = await admin.delete(`/api/v1/roles/${created.body.id}`);
    const user = await admin.post('/api/v1/users', {
      email: `new.${company.code}@example.com`,
      name: 'New Person',
      roleIds: [company.roles.sales],
    });
    const disabled = await admin.post(`/api/v1/users/${user.body.id}/disable`, {
      reason: 'left the company',
    });
    for (const res of [created, updated, deleted, user, disabled])
      assert.ok(res.status < 300, JSON.stringify(res.body));

    const log = await admin.get(`/api/v1/audit-log?entity=platform.role&entityId=${created.body.id}`);
    assert.equal(log.status, 200);
    assert.deepEqual(
      log.body.items.map((i: any) => i.action),
      ['delete', 'update', 'create'],
    );
    const update = log.body.items[1];
    assert.equal(update.actor.userId, company.admin.id);
    assert.deepEqual(update.changes.recordScope, { before: 'company', after: 'team' });
    assert.ok(update.requestId);

    const userLog = await admin.get(`/api/v1/audit-log?entity=platform.user&entityId=${user.body.id}`);
    const disable = userLog.body.items.find((i: any) => i.action === 'disable');
    assert.equal(disable.reason, 'left the company');
    assert.deepEqual(disable.changes.disabled, { before: false, after: true });
  });

  test('a denied request leaves the business tables and the audit log unchanged (INV-AUD-02)', async () => {
    const company = await newCompany(ctx.db);
    const sales = await signedIn(ctx.db, await company.user('sales'));
    const before = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from platform_audit_log where company_id = ${company.id}`,
    );
    const res = await sales.post('/api/v1/roles', {
      code: 'sneaky',
      name: { en: 'x' },
      permissions: ['*'],
      recordScope: 'company',
    });
    assert.equal(res.status, 403);
    const after = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from platform_audit_log where company_id = ${company.id}`,
    );
    assert.equal(after?.n, before?.n);
  });

  test('the audit table refuses UPDATE and DELETE at the database level (INV-AUD-01)', async () => {
    const company = await newCompany(ctx.db);
    await signedIn(ctx.db, company.admin);
    const refused = (e: any) => /append-only/.test(String(e?.cause?.message ?? e?.message));
    await assert.rejects(
      ctx.db.orm.execute(
        sql`update platform_audit_log set action = 'forged' where company_id = ${company.id}`,
      ),
      refused,
    );
    await assert.rejects(
      ctx.db.orm.execute(sql`delete from platform_audit_log where company_id = ${company.id}`),
      refused,
    );
  });

  test('sealing chains the rows and `audit verify` finds the first altered row (INV-IMM-03)', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    for (let i = 0; i < 3; i++)
      await admin.post('/api/v1/roles', {
        code: `chain_${i}`,
        name: { en: `Chain ${i}` },
        permissions: [],
        recordScope: 'own',
      });
    await sealAuditLog(ctx.db);
    const [ok] = await verifyAuditChain(ctx.db.orm, company.id);
    assert.equal(ok.ok, true);
    assert.ok(ok.checked >= 4);
    const sealed = await admin.get('/api/v1/audit-log?entity=platform.role');
    assert.ok(sealed.body.items.every((i: any) => i.sealed));

    // Someone with database superuser rights bypasses the guard and edits history.
    const [victim] = await rows<{ id: string; chain_pos: number }>(
      ctx.db.orm,
      sql`select id, chain_pos from platform_audit_log where company_id = ${company.id} and chain_pos = 3`,
    );
    await ctx.db.orm.execute(
      sql`alter table platform_audit_log disable trigger platform_audit_log_guard_trg`,
    );
    try {
      await ctx.db.orm.execute(
        sql`update platform_audit_log set reason = 'nothing happened here' where company_id = ${company.id} and id = ${victim.id}`,
      );
    } finally {
      await ctx.db.orm.execute(
        sql`alter table platform_audit_log enable trigger platform_audit_log_guard_trg`,
      );
    }
    const [broken] = await verifyAuditChain(ctx.db.orm, company.id);
    assert.equal(broken.ok, false);
    assert.equal(broken.brokenAt?.chainPos, 3);
    assert.equal(broken.brokenAt?.id, victim.id);
  });

  test('rows of a transaction still running are not sealed until it ends, so the chain order is final', async (t) => {
    if (ctx.kind === 'pglite') {
      t.skip(
        'PGlite has one connection, so no transaction can stay open while the sealer runs; covered on PostgreSQL',
      );
      return;
    }
    const company = await newCompany(ctx.db);
    const client = new pg.Client({ connectionString: await testDbUrl() });
    await client.connect();
    try {
      await client.query('begin');
      await client.query(
        `insert into platform_audit_log (company_id, id, entity, entity_id, action) values ($1, gen_random_uuid(), 'test.open', 'x', 'create')`,
        [company.id],
      );
      await signedIn(ctx.db, company.admin); // a later, committed audit row (login)
      await sealAuditLog(ctx.db);
      const open = await one(
        ctx.db.orm,
        sql`select 1 from platform_audit_log where company_id = ${company.id} and entity = 'test.open'`,
      );
      assert.equal(open, undefined, 'not visible, not sealed');
      await client.query('commit');
      await sealAuditLog(ctx.db);
      const row = await one<{ chain_pos: number; seal: string }>(
        ctx.db.orm,
        sql`select chain_pos, seal from platform_audit_log where company_id = ${company.id} and entity = 'test.open'`,
      );
      assert.ok(row?.seal);
      const [result] = await verifyAuditChain(ctx.db.orm, company.id);
      assert.equal(result.ok, true);
    } finally {
      await client.end();
    }
  });
});
