import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import {
  type Client,
  describeDb,
  newCompany,
  signedIn,
  type TestCompany,
} from '../../../../test/kit/index.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { one, rows } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { followMerged } from './follow-merged.ts';

async function customer(
  client: Client,
  name: string,
): Promise<{ id: string; version: number; code: string }> {
  const res = await client.post('/api/v1/customers', { name, ignoreDuplicates: true });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

/** The open and closed records of one customer, written straight to the tables (their modules are not under test). */
async function records(db: Db, company: TestCompany, customerId: string) {
  const pipelineId = newId();
  const stageId = newId();
  const owner = company.admin.id;
  await db.orm.execute(
    sql`insert into crm_pipeline (company_id, id, code, name) values (${company.id}, ${pipelineId}, ${`p${pipelineId.slice(-8)}`}, '{"en":"P"}')`,
  );
  await db.orm.execute(
    sql`insert into crm_stage (company_id, id, pipeline_id, code, name, sort, probability)
        values (${company.id}, ${stageId}, ${pipelineId}, 's1', '{"en":"S"}', 10, 10)`,
  );
  const ids = {
    openDeal: newId(),
    wonDeal: newId(),
    task: newId(),
    doneCall: newId(),
    wonDealTask: newId(),
    lead: newId(),
  };
  const deal = (id: string, status: string) =>
    db.orm.execute(
      sql`insert into crm_opportunity (company_id, id, name, customer_id, pipeline_id, stage_id, status, probability, owner_user_id)
          values (${company.id}, ${id}, ${status}, ${customerId}, ${pipelineId}, ${stageId}, ${status}, 10, ${owner})`,
    );
  await deal(ids.openDeal, 'open');
  await deal(ids.wonDeal, 'won');
  const activity = (id: string, done: boolean) =>
    db.orm.execute(
      sql`insert into crm_activity (company_id, id, kind, subject, customer_id, owner_user_id, done_at)
          values (${company.id}, ${id}, 'call', 'x', ${customerId}, ${owner}, ${done ? sql`now()` : null})`,
    );
  await activity(ids.task, false);
  await activity(ids.doneCall, true);
  await db.orm.execute(
    sql`insert into crm_activity (company_id, id, kind, subject, customer_id, opportunity_id, owner_user_id)
        values (${company.id}, ${ids.wonDealTask}, 'task', 'invoice follow-up', ${customerId}, ${ids.wonDeal}, ${owner})`,
  );
  await db.orm.execute(
    sql`insert into crm_lead (company_id, id, status, contact_name, converted_customer_id, converted_at, owner_user_id)
        values (${company.id}, ${ids.lead}, 'converted', 'L', ${customerId}, now(), ${owner})`,
  );
  return ids;
}

async function customerOf(db: Db, companyId: string, table: string, id: string): Promise<string> {
  const column = table === 'crm_lead' ? sql`converted_customer_id` : sql`customer_id`;
  const r = await one<{ c: string }>(
    db.orm,
    sql`select ${column} as c from ${sql.identifier(table)} where company_id = ${companyId} and id = ${id}`,
  );
  return r!.c;
}

async function snapshot(db: Db, companyId: string) {
  return rows(
    db.orm,
    sql`select 'c' as t, id::text, merged_into_id::text as ref, version from crm_customer where company_id = ${companyId}
        union all select 'k', id::text, customer_id::text, version from crm_contact where company_id = ${companyId}
        union all select 'o', id::text, customer_id::text, version from crm_opportunity where company_id = ${companyId}
        union all select 'm', id::text, undone_at::text, 0 from crm_customer_merge where company_id = ${companyId}
        order by 1, 2`,
  );
}

describeDb('merging customers, and undoing a merge', (ctx) => {
  test('open records move to the survivor, closed ones stay; audited on both; undo restores', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const merged = await customer(admin, '上海星辰贸易有限公司');
    const survivor = await customer(admin, '上海星辰贸易公司');
    const contact = await admin.post('/api/v1/contacts', { customerId: merged.id, name: '王小明' });
    const ids = await records(ctx.db, company, merged.id);

    const res = await admin.post(`/api/v1/customers/${merged.id}/merge`, {
      survivorId: survivor.id,
      version: merged.version,
      reason: '重复客户',
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    // Only crm's own handlers: higher modules (sales …) register theirs too and report 0 here.
    const crmMoved = Object.fromEntries(Object.entries(res.body.moved).filter(([k]) => k.startsWith('crm.')));
    assert.deepEqual(crmMoved, {
      'crm.contact': 1,
      'crm.opportunity': 1,
      'crm.activity': 1,
      'crm.lead': 1,
    });
    const mergeId = res.body.id;

    const where = async () => ({
      contact: await customerOf(ctx.db, company.id, 'crm_contact', contact.body.id),
      openDeal: await customerOf(ctx.db, company.id, 'crm_opportunity', ids.openDeal),
      wonDeal: await customerOf(ctx.db, company.id, 'crm_opportunity', ids.wonDeal),
      task: await customerOf(ctx.db, company.id, 'crm_activity', ids.task),
      doneCall: await customerOf(ctx.db, company.id, 'crm_activity', ids.doneCall),
      wonDealTask: await customerOf(ctx.db, company.id, 'crm_activity', ids.wonDealTask),
      lead: await customerOf(ctx.db, company.id, 'crm_lead', ids.lead),
    });
    assert.deepEqual(await where(), {
      contact: survivor.id,
      openDeal: survivor.id,
      wonDeal: merged.id,
      task: survivor.id,
      doneCall: merged.id,
      wonDealTask: merged.id,
      lead: survivor.id,
    });
    const gone = await admin.get(`/api/v1/customers/${merged.id}`);
    assert.equal(gone.body.mergedIntoId, survivor.id);
    assert.deepEqual(
      (await admin.get('/api/v1/customers')).body.items.map((c: any) => c.id),
      [survivor.id],
      'the merged customer leaves lists',
    );
    assert.equal(await followMerged(ctx.db.orm, company.id, ids.wonDeal), null, 'not a customer');
    assert.equal(await followMerged(ctx.db.orm, company.id, merged.id), survivor.id, 'posted records follow');
    assert.equal(await followMerged(ctx.db.orm, company.id, survivor.id), survivor.id);

    const history = await admin.get(`/api/v1/audit-log?entity=crm.customer&entityId=${survivor.id}`);
    const mergeIn = history.body.items.find((i: any) => i.action === 'merge_in');
    assert.ok(mergeIn, 'the merge is on the survivor’s history');
    assert.equal(mergeIn.changes.mergedFromId.after, merged.id);
    assert.match(mergeIn.reason, /重复客户/);
    const mergedHistory = await admin.get(`/api/v1/audit-log?entity=crm.customer&entityId=${merged.id}`);
    assert.equal(mergedHistory.body.items[0].action, 'merge');
    const contactHistory = await admin.get(
      `/api/v1/audit-log?entity=crm.contact&entityId=${contact.body.id}`,
    );
    assert.deepEqual(contactHistory.body.items[0].changes.customerId, {
      before: merged.id,
      after: survivor.id,
    });
    const event = await one<{ payload: any }>(
      ctx.db.orm,
      sql`select payload from platform_event where company_id = ${company.id} and type = 'customer.merged'`,
    );
    assert.equal(event?.payload.customerId, survivor.id);
    assert.match(event?.payload.summary, new RegExp(merged.code));
    assert.equal((await admin.get(`/api/v1/customers/${survivor.id}/merges`)).body.items[0].id, mergeId);

    const late = await admin.post('/api/v1/contacts', { customerId: merged.id, name: '迟到' });
    assert.equal(late.status, 409, 'nothing new lands on a merged customer');
    assert.equal(late.body.error.code, 'crm.customer_merged');
    const again = await admin.post(`/api/v1/customers/${merged.id}/merge`, {
      survivorId: survivor.id,
      version: gone.body.version,
    });
    assert.equal(again.status, 409);

    const undone = await admin.post(`/api/v1/customer-merges/${mergeId}/undo`, { reason: '合并错了' });
    assert.equal(undone.status, 200, JSON.stringify(undone.body));
    assert.ok(undone.body.undoneAt);
    assert.deepEqual(await where(), {
      contact: merged.id,
      openDeal: merged.id,
      wonDeal: merged.id,
      task: merged.id,
      doneCall: merged.id,
      wonDealTask: merged.id,
      lead: merged.id,
    });
    assert.equal((await admin.get(`/api/v1/customers/${merged.id}`)).body.mergedIntoId, null);
    assert.equal((await admin.get('/api/v1/customers')).body.items.length, 2);
    const afterUndo = await admin.get(`/api/v1/audit-log?entity=crm.customer&entityId=${survivor.id}`);
    assert.equal(afterUndo.body.items[0].action, 'merge_undo');
    const twice = await admin.post(`/api/v1/customer-merges/${mergeId}/undo`, {});
    assert.equal(twice.status, 409);
    assert.equal(twice.body.error.code, 'crm.merge_not_undoable');
  });

  test('undo is refused while a record added to the survivor since the merge refers to it', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const merged = await customer(admin, '甲公司');
    const survivor = await customer(admin, '甲有限公司');
    const standalone = await admin.post('/api/v1/contacts', { name: '散客' });
    await admin.post('/api/v1/contacts', { customerId: merged.id, name: '甲一' });
    const res = await admin.post(`/api/v1/customers/${merged.id}/merge`, {
      survivorId: survivor.id,
      version: merged.version,
    });
    assert.equal(res.status, 200);

    const added = await admin.post('/api/v1/contacts', { customerId: survivor.id, name: '新联系人' });
    assert.equal(added.status, 201);
    const before = await snapshot(ctx.db, company.id);
    const refused = await admin.post(`/api/v1/customer-merges/${res.body.id}/undo`, {});
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'crm.merge_not_undoable');
    assert.deepEqual(refused.body.error.details, { kind: 'crm.contact', ids: [added.body.id] });
    assert.deepEqual(await snapshot(ctx.db, company.id), before, 'a refused undo changes nothing');

    // Moving an older contact onto the survivor counts as new too; taking both away again frees the undo.
    const moved = await admin.patch(`/api/v1/contacts/${standalone.body.id}`, {
      version: 1,
      customerId: survivor.id,
    });
    assert.equal(moved.status, 200);
    assert.equal(
      (await admin.delete(`/api/v1/contacts/${added.body.id}?version=${added.body.version}`)).status,
      204,
    );
    const stillRefused = await admin.post(`/api/v1/customer-merges/${res.body.id}/undo`, {});
    assert.deepEqual(stillRefused.body.error.details.ids, [standalone.body.id]);
    assert.equal(
      (
        await admin.patch(`/api/v1/contacts/${standalone.body.id}`, {
          version: moved.body.version,
          customerId: null,
        })
      ).status,
      200,
    );
    assert.equal((await admin.post(`/api/v1/customer-merges/${res.body.id}/undo`, {})).status, 200);
  });

  test('merges undo in reverse order, and a returning tax id may not collide', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const a = await customer(admin, '乙一公司');
    const b = await customer(admin, '乙二公司');
    const s = await customer(admin, '乙总公司');
    const first = await admin.post(`/api/v1/customers/${a.id}/merge`, {
      survivorId: s.id,
      version: a.version,
    });
    const second = await admin.post(`/api/v1/customers/${b.id}/merge`, {
      survivorId: s.id,
      version: b.version,
    });
    assert.equal(second.status, 200);
    const refused = await admin.post(`/api/v1/customer-merges/${first.body.id}/undo`, {});
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.details.laterMergeId, second.body.id);
    assert.equal((await admin.post(`/api/v1/customer-merges/${second.body.id}/undo`, {})).status, 200);
    assert.equal((await admin.post(`/api/v1/customer-merges/${first.body.id}/undo`, {})).status, 200);

    // Chains: s merged into t; a record of a follows to the last survivor.
    const t = await customer(admin, '乙集团');
    const aNow = (await admin.get(`/api/v1/customers/${a.id}`)).body;
    await admin.post(`/api/v1/customers/${a.id}/merge`, { survivorId: s.id, version: aNow.version });
    const sNow = (await admin.get(`/api/v1/customers/${s.id}`)).body;
    assert.equal(
      (await admin.post(`/api/v1/customers/${s.id}/merge`, { survivorId: t.id, version: sNow.version }))
        .status,
      200,
    );
    assert.equal(await followMerged(ctx.db.orm, company.id, a.id), t.id);

    const taxed = (
      await admin.post('/api/v1/customers', {
        name: '戊公司',
        taxId: '91350100M000100Y43',
        ignoreDuplicates: true,
      })
    ).body;
    const taxMerge = await admin.post(`/api/v1/customers/${taxed.id}/merge`, {
      survivorId: t.id,
      version: 1,
    });
    assert.equal(taxMerge.status, 200);
    const heir = await admin.post('/api/v1/customers', { name: '戊新公司', taxId: '91350100M000100Y43' });
    assert.equal(heir.status, 201, 'the tax id is free once its customer is merged away');
    const blocked = await admin.post(`/api/v1/customer-merges/${taxMerge.body.id}/undo`, {});
    assert.equal(blocked.status, 409);
    assert.equal(blocked.body.error.details.customerId, heir.body.id);
  });

  test('bad requests, other companies and customers outside the record rule change nothing', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const manager = await company.user('sales_manager');
    const team = await company.department({ managerUserId: manager.id });
    const seller = await company.user('sales', { departmentId: team });
    const sellerClient = await signedIn(ctx.db, seller);
    const mine = await customer(sellerClient, '丙一公司');
    const mine2 = await customer(sellerClient, '丙二公司');
    const notTeams = await customer(admin, '丙三公司');
    const before = await snapshot(ctx.db, company.id);

    const mgr = await signedIn(ctx.db, manager);
    const cases: Array<[Client, string, unknown, number]> = [
      [sellerClient, mine.id, { survivorId: mine2.id, version: 1 }, 403],
      [mgr, mine.id, { survivorId: notTeams.id, version: 1 }, 404],
      [mgr, notTeams.id, { survivorId: mine.id, version: 1 }, 404],
      [mgr, mine.id, { survivorId: mine.id, version: 1 }, 422],
      [mgr, mine.id, { survivorId: mine2.id, version: 7 }, 409],
      [mgr, mine.id, { survivorId: 'x', version: 1 }, 400],
      [mgr, mine.id, { survivorId: mine2.id }, 400],
      [mgr, mine.id, { survivorId: mine2.id, version: 1, mergedInto: notTeams.id }, 400],
      [mgr, newId(), { survivorId: mine2.id, version: 1 }, 404],
    ];
    for (const [client, id, body, status] of cases) {
      const res = await client.post(`/api/v1/customers/${id}/merge`, body);
      assert.equal(res.status, status, `${JSON.stringify(body)} → ${JSON.stringify(res.body)}`);
    }
    const other = await newCompany(ctx.db);
    const stranger = await signedIn(ctx.db, other.admin);
    const theirs = await customer(stranger, '丁公司');
    assert.equal(
      (await stranger.post(`/api/v1/customers/${mine.id}/merge`, { survivorId: theirs.id, version: 1 }))
        .status,
      404,
    );
    assert.equal(
      (await admin.post(`/api/v1/customers/${mine.id}/merge`, { survivorId: theirs.id, version: 1 })).status,
      404,
      'a survivor from another company is not found',
    );
    assert.deepEqual(await snapshot(ctx.db, company.id), before);

    const ok = await mgr.post(`/api/v1/customers/${mine.id}/merge`, { survivorId: mine2.id, version: 1 });
    assert.equal(ok.status, 200, 'the manager sees both of the team’s customers');
    const afterMerge = await snapshot(ctx.db, company.id);
    assert.equal((await stranger.post(`/api/v1/customer-merges/${ok.body.id}/undo`, {})).status, 404);
    const outsider = await signedIn(ctx.db, await company.user('sales_manager'));
    assert.equal((await outsider.post(`/api/v1/customer-merges/${ok.body.id}/undo`, {})).status, 404);
    assert.equal((await sellerClient.post(`/api/v1/customer-merges/${ok.body.id}/undo`, {})).status, 403);
    assert.equal((await outsider.get(`/api/v1/customers/${mine2.id}/merges`)).status, 404);
    assert.deepEqual(await snapshot(ctx.db, company.id), afterMerge);
  });
});
