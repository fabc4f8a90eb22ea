import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, newCompany, signedIn } from '../../../test/kit/index.ts';
import type { Db } from '../db/connect.ts';
import { one, rows } from '../db/tx.ts';

const name = (en: string) => ({ 'zh-CN': `部门 ${en}`, en });

async function row(db: Db, id: string) {
  return one<Record<string, unknown>>(
    db.orm,
    sql`select code, name, parent_id, manager_user_id, active, version from platform_department where id = ${id}`,
  );
}

async function auditOf(db: Db, companyId: string, id: string) {
  return rows<{
    action: string;
    actor_user_id: string;
    changes: Record<string, { before: unknown; after: unknown }>;
  }>(
    db.orm,
    sql`select action, actor_user_id, changes from platform_audit_log
         where company_id = ${companyId} and entity = 'platform.department' and entity_id = ${id} order by seq`,
  );
}

describeDb('departments API', (ctx) => {
  test('create, list, get, rename, move and delete, each audited with the actor and the change', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const sales = await admin.post('/api/v1/departments', {
      code: 'SALES',
      name: name('Sales'),
      managerUserId: company.admin.id,
    });
    assert.equal(sales.status, 201, JSON.stringify(sales.body));
    assert.equal(sales.body.managerUserId, company.admin.id);
    assert.equal(sales.body.parentId, null);
    assert.equal(sales.body.version, 1);
    const east = await admin.post('/api/v1/departments', {
      code: 'SALES-EAST',
      name: name('East'),
      parentId: sales.body.id,
    });
    assert.equal(east.status, 201);
    assert.equal(east.body.parentId, sales.body.id);

    const list = await admin.get('/api/v1/departments?q=east');
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.items.map((d: any) => d.code),
      ['SALES-EAST'],
    );
    const byChinese = await admin.get(`/api/v1/departments?q=${encodeURIComponent('部门 Sales')}`);
    assert.deepEqual(
      byChinese.body.items.map((d: any) => d.code),
      ['SALES'],
    );
    assert.equal((await admin.get(`/api/v1/departments/${east.body.id}`)).body.code, 'SALES-EAST');

    const renamed = await admin.patch(`/api/v1/departments/${east.body.id}`, {
      version: 1,
      name: name('East China'),
      parentId: null,
    });
    assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
    assert.equal(renamed.body.version, 2);
    assert.equal(renamed.body.parentId, null);
    assert.equal(renamed.body.name.en, 'East China');

    assert.equal((await admin.delete(`/api/v1/departments/${east.body.id}`)).status, 204);
    assert.equal(await row(ctx.db, east.body.id), undefined);
    assert.equal((await admin.get(`/api/v1/departments/${east.body.id}`)).status, 404);

    const trail = await auditOf(ctx.db, company.id, east.body.id);
    assert.deepEqual(
      trail.map((a) => a.action),
      ['create', 'update', 'delete'],
    );
    assert.ok(trail.every((a) => a.actor_user_id === company.admin.id));
    assert.deepEqual(trail[1].changes.parentId, { before: sales.body.id, after: null });
    assert.deepEqual(trail[1].changes.name.after, name('East China'));
    assert.equal(trail[1].changes.version, undefined, 'bookkeeping fields are not part of the diff');
    const events = await rows<{ type: string }>(
      ctx.db.orm,
      sql`select type from platform_event where company_id = ${company.id} and aggregate_id = ${east.body.id} order by seq`,
    );
    assert.deepEqual(
      events.map((e) => e.type),
      ['department.created', 'department.updated', 'department.deleted'],
    );
  });

  test('a move under itself or one of its descendants is 422 department.cycle and changes nothing', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const a = await company.department();
    const b = await company.department({ parentId: a });
    const c = await company.department({ parentId: b });
    for (const parentId of [c, b, a]) {
      const res = await admin.patch(`/api/v1/departments/${a}`, { version: 1, parentId });
      assert.equal(res.status, 422, JSON.stringify(res.body));
      assert.equal(res.body.error.code, 'department.cycle');
    }
    assert.equal((await row(ctx.db, a))?.parent_id, null);
    assert.equal((await row(ctx.db, a))?.version, 1);
    const sideways = await admin.patch(`/api/v1/departments/${c}`, { version: 1, parentId: a });
    assert.equal(sideways.status, 200, 'moving a leaf higher up is fine');
  });

  test('the manager must be an active user of this company (422), else nothing is written', async () => {
    const company = await newCompany(ctx.db);
    const other = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const leaver = await company.user('sales');
    await ctx.db.orm.execute(
      sql`update platform_membership set active = false where company_id = ${company.id} and user_id = ${leaver.id}`,
    );
    for (const managerUserId of [other.admin.id, leaver.id, '01900000-0000-7000-8000-000000000000']) {
      const res = await admin.post('/api/v1/departments', { code: 'MGR', name: name('M'), managerUserId });
      assert.equal(res.status, 422, JSON.stringify(res.body));
      assert.equal(res.body.error.code, 'department.manager_not_member');
    }
    const id = await company.department();
    const res = await admin.patch(`/api/v1/departments/${id}`, { version: 1, managerUserId: other.admin.id });
    assert.equal(res.status, 422);
    assert.equal((await row(ctx.db, id))?.manager_user_id, null);
    const none = await rows(
      ctx.db.orm,
      sql`select 1 from platform_department where company_id = ${company.id} and code = 'MGR'`,
    );
    assert.equal(none.length, 0);
  });

  test('SEC-AUTHZ-01 another company’s department is 404 by URL and unusable as a parent; nothing changes', async () => {
    const mine = await newCompany(ctx.db);
    const theirs = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, mine.admin);
    const target = await theirs.department({ managerUserId: theirs.admin.id });
    const before = await row(ctx.db, target);
    assert.equal((await admin.get(`/api/v1/departments/${target}`)).status, 404);
    const patch = await admin.patch(`/api/v1/departments/${target}`, { version: 1, name: name('Taken') });
    assert.equal(patch.status, 404);
    assert.equal((await admin.delete(`/api/v1/departments/${target}`)).status, 404);
    const child = await admin.post('/api/v1/departments', {
      code: 'SPY',
      name: name('Spy'),
      parentId: target,
    });
    assert.equal(child.status, 422);
    assert.equal(child.body.error.code, 'reference_invalid');
    const mineDept = await mine.department();
    const move = await admin.patch(`/api/v1/departments/${mineDept}`, { version: 1, parentId: target });
    assert.equal(move.status, 422);
    assert.deepEqual(await row(ctx.db, target), before);
    assert.equal((await row(ctx.db, mineDept))?.parent_id, null);
    const list = await admin.get('/api/v1/departments');
    assert.ok(list.body.items.every((d: any) => d.id !== target));
  });

  test('a stale version is 409 and the newer change stays', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const id = await company.department();
    assert.equal((await admin.patch(`/api/v1/departments/${id}`, { version: 1, code: 'FIRST' })).status, 200);
    const stale = await admin.patch(`/api/v1/departments/${id}`, { version: 1, code: 'SECOND' });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'stale_version');
    assert.equal((await row(ctx.db, id))?.code, 'FIRST');
  });

  test('a sales user reads departments but every write is 403 and changes nothing', async () => {
    const company = await newCompany(ctx.db);
    const id = await company.department();
    const before = await row(ctx.db, id);
    const sales = await signedIn(ctx.db, await company.user('sales'));
    assert.equal((await sales.get('/api/v1/departments')).status, 200);
    assert.equal((await sales.post('/api/v1/departments', { code: 'X', name: name('X') })).status, 403);
    assert.equal((await sales.patch(`/api/v1/departments/${id}`, { version: 1, active: false })).status, 403);
    assert.equal((await sales.delete(`/api/v1/departments/${id}`)).status, 403);
    assert.deepEqual(await row(ctx.db, id), before);
    const created = await rows(
      ctx.db.orm,
      sql`select 1 from platform_department where company_id = ${company.id} and code = 'X'`,
    );
    assert.equal(created.length, 0);
  });

  test('SEC-MASS-01 unknown keys (companyId, id, version on create) and a missing version are 400', async () => {
    const company = await newCompany(ctx.db);
    const other = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    for (const extra of [
      { companyId: other.id },
      { id: '01900000-0000-7000-8000-000000000001' },
      { version: 7 },
    ]) {
      const res = await admin.post('/api/v1/departments', { code: 'MASS', name: name('Mass'), ...extra });
      assert.equal(res.status, 400, JSON.stringify(extra));
      assert.equal(res.body.error.code, 'validation');
    }
    const id = await company.department();
    const before = await row(ctx.db, id);
    assert.equal((await admin.patch(`/api/v1/departments/${id}`, { code: 'NOVERSION' })).status, 400);
    assert.equal(
      (await admin.patch(`/api/v1/departments/${id}`, { version: 1, companyId: other.id })).status,
      400,
    );
    assert.equal(
      (await admin.post('/api/v1/departments', { code: 'bad code!', name: name('B') })).status,
      400,
    );
    assert.equal((await admin.post('/api/v1/departments', { code: 'NONAME', name: {} })).status, 400);
    assert.deepEqual(await row(ctx.db, id), before);
    const leaked = await rows(
      ctx.db.orm,
      sql`select 1 from platform_department where code in ('MASS', 'NOVERSION', 'NONAME')
           and company_id in (${company.id}, ${other.id})`,
    );
    assert.equal(leaked.length, 0);
  });

  test('a department with members or sub-departments cannot be deleted: 409 department.in_use', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const parent = await company.department();
    const child = await company.department({ parentId: parent });
    await company.user('sales', { departmentId: child });
    const withChild = await admin.delete(`/api/v1/departments/${parent}`);
    assert.equal(withChild.status, 409);
    assert.equal(withChild.body.error.code, 'department.in_use');
    assert.deepEqual(withChild.body.error.details, { children: 1, members: 0 });
    const withMember = await admin.delete(`/api/v1/departments/${child}`);
    assert.equal(withMember.status, 409);
    assert.deepEqual(withMember.body.error.details, { children: 0, members: 1 });
    assert.ok(await row(ctx.db, parent));
    assert.ok(await row(ctx.db, child));
    const dup = await admin.post('/api/v1/departments', {
      code: String((await row(ctx.db, child))?.code),
      name: name('Dup'),
    });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.error.code, 'duplicate');
  });
});
