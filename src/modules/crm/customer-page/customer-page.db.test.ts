import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, newCompany, signedIn } from '../../../../test/kit/index.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { newId } from '../../../platform/ids.ts';
import { drainOutbox } from '../../../platform/outbox/dispatcher.ts';
import { registerCreditProvider } from './credit-slot.ts';

/** An open opportunity written straight to the table (the pipeline API is another use case's job). */
async function opportunity(
  db: Db,
  companyId: string,
  customerId: string,
  ownerUserId: string,
  values: { name: string; amount: string; probability: number; status?: string },
) {
  const pipeline = newId();
  const stage = newId();
  await db.orm.execute(
    sql`insert into crm_pipeline (company_id, id, code, name) values (${companyId}, ${pipeline}, ${`p${pipeline.slice(-8)}`},
          ${JSON.stringify({ 'zh-CN': '标准流程', en: 'Standard' })}::jsonb)`,
  );
  await db.orm.execute(
    sql`insert into crm_stage (company_id, id, pipeline_id, code, name, sort, probability)
        values (${companyId}, ${stage}, ${pipeline}, 'quote', ${JSON.stringify({ 'zh-CN': '报价', en: 'Quote' })}::jsonb, 1, ${values.probability})`,
  );
  await db.orm.execute(
    sql`insert into crm_opportunity (company_id, id, name, customer_id, pipeline_id, stage_id, status, amount, probability, owner_user_id)
        values (${companyId}, ${newId()}, ${values.name}, ${customerId}, ${pipeline}, ${stage}, ${values.status ?? 'open'},
                ${values.amount}, ${values.probability}, ${ownerUserId})`,
  );
}

describeDb('customer page (360) and its timeline', (ctx) => {
  test('profile, contacts, open opportunities, activities and the timeline in order, with the accounting slot', async () => {
    const company = await newCompany(ctx.db);
    const manager = await company.user('sales_manager');
    const team = await company.department({ managerUserId: manager.id });
    const seller = await company.user('sales', { departmentId: team });
    const client = await signedIn(ctx.db, seller);
    const created = await client.post('/api/v1/customers', {
      name: '杭州云帆科技有限公司',
      creditLimit: '100000.00',
    });
    assert.equal(created.status, 201);
    const id = created.body.id;
    await ctx.db.orm.execute(
      sql`insert into crm_contact (company_id, id, customer_id, name, name_key, title, phones, email)
          values (${company.id}, ${newId()}, ${id}, '王经理', '王经理', '采购经理', array['13800138000'], 'wang@yunfan.cn')`,
    );
    const call = await client.post('/api/v1/activities', {
      kind: 'call',
      subject: '首次电话',
      customerId: id,
      done: true,
    });
    const visit = await client.post('/api/v1/activities', {
      kind: 'visit',
      subject: '上门拜访',
      customerId: id,
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    assert.equal(call.status, 201);
    assert.equal(visit.status, 201);
    await opportunity(ctx.db, company.id, id, seller.id, {
      name: '云帆 2026 年度采购',
      amount: '250000.00',
      probability: 40,
    });
    await opportunity(ctx.db, company.id, id, seller.id, {
      name: 'lost one',
      amount: '9.00',
      probability: 0,
      status: 'lost',
    });
    await drainOutbox(ctx.db);

    const res = await client.get(`/api/v1/customers/${id}/overview`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const page = res.body;
    assert.equal(page.profile.name, '杭州云帆科技有限公司');
    assert.deepEqual(
      page.contacts.map((c: any) => [c.name, c.title, c.phones, c.email]),
      [['王经理', '采购经理', ['13800138000'], 'wang@yunfan.cn']],
    );
    assert.equal(page.openOpportunities.length, 1, 'only open ones');
    assert.equal(page.openOpportunities[0].weightedAmount, '100000.00');
    assert.deepEqual(page.openOpportunities[0].stageName, { 'zh-CN': '报价', en: 'Quote' });
    assert.deepEqual(
      page.recentActivities.map((a: any) => a.subject),
      ['上门拜访', '首次电话'],
    );
    assert.deepEqual(
      page.timeline.items.map((e: any) => e.type),
      ['activity.logged', 'activity.logged', 'customer.created'],
      'newest first, in the order they happened',
    );
    assert.equal(page.timeline.items[0].summary, 'Visit: 上门拜访');
    assert.equal(page.timeline.items[0].actorUserId, seller.id);
    assert.deepEqual(page.timeline.items[0].ref, {
      aggregateType: 'activity',
      aggregateId: visit.body.id,
      params: {
        activityId: visit.body.id,
        kind: 'visit',
        subject: '上门拜访',
        customerId: id,
        ownerUserId: seller.id,
        done: false,
      },
    });
    // Accounting fills the slot (the seller reads invoices of the customers it may see): nothing owed yet.
    assert.deepEqual(page.accounting, {
      openReceivables: '0.00',
      creditLeft: '100000.00',
      source: 'accounting',
    });

    const first = await client.get(`/api/v1/customers/${id}/timeline?limit=2`);
    assert.equal(first.body.items.length, 2);
    assert.ok(first.body.nextCursor);
    const second = await client.get(
      `/api/v1/customers/${id}/timeline?limit=2&cursor=${first.body.nextCursor}`,
    );
    assert.deepEqual(
      second.body.items.map((e: any) => e.type),
      ['customer.created'],
    );
    assert.equal(second.body.nextCursor, null);
    assert.equal((await client.get(`/api/v1/customers/${id}/timeline?cursor=x`)).status, 400);
  });

  test('the record rule holds on the page and the timeline; sections outside a role are null', async () => {
    const company = await newCompany(ctx.db);
    const a = await company.user('sales');
    const b = await company.user('sales');
    const clientA = await signedIn(ctx.db, a);
    const id = (await clientA.post('/api/v1/customers', { name: '甲方' })).body.id;
    await clientA.post('/api/v1/activities', { kind: 'note', subject: '备注', customerId: id });
    const clientB = await signedIn(ctx.db, b);
    assert.equal((await clientB.get(`/api/v1/customers/${id}/overview`)).status, 404);
    assert.equal((await clientB.get(`/api/v1/customers/${id}/timeline`)).status, 404);
    const stranger = await signedIn(ctx.db, (await newCompany(ctx.db)).admin);
    assert.equal((await stranger.get(`/api/v1/customers/${id}/overview`)).status, 404, 'another company');

    const finance = await signedIn(ctx.db, await company.user('finance'));
    const page = await finance.get(`/api/v1/customers/${id}/overview`);
    assert.equal(page.status, 200, JSON.stringify(page.body));
    assert.equal(page.body.contacts, null);
    assert.equal(page.body.recentActivities, null);
    assert.equal(page.body.openOpportunities, null);
  });

  test('accounting fills the credit slot through the registration point', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const id = (await admin.post('/api/v1/customers', { name: '乙方', creditLimit: '5000.00' })).body.id;
    const accounting = registerCreditProvider(async (_ex, _actor, c) => ({
      openReceivables: '1200.00',
      creditLeft: `${c.creditLimit}-1200`,
    }));
    try {
      const page = await admin.get(`/api/v1/customers/${id}/overview`);
      assert.deepEqual(page.body.accounting, {
        openReceivables: '1200.00',
        creditLeft: '5000.00-1200',
        source: 'accounting',
      });
    } finally {
      registerCreditProvider(accounting);
    }
  });
});
