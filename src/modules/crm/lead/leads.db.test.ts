import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, newCompany, signedIn } from '../../../../test/kit/index.ts';
import { one, rows } from '../../../platform/db/tx.ts';

describeDb('leads: manual entry, search, edit, statuses, duplicates, record rule', (ctx) => {
  const leadRow = (id: string) =>
    one<Record<string, any>>(ctx.db.orm, sql`select * from crm_lead where id = ${id}`);

  test('enter, read, list, search and edit a lead; bad input is a 400 that stores nothing', async () => {
    const company = await newCompany(ctx.db);
    const sales = await company.user('sales');
    const client = await signedIn(ctx.db, sales);
    const res = await client.post('/api/v1/leads', {
      companyName: '杭州云帆科技有限公司',
      contactName: '陈晓',
      phone: '+86 138-0013-8000',
      email: 'Chen.Xiao@Yunfan.example',
      regionCode: 'cn-zj',
      sourceCode: 'exhibition',
      message: '想了解批量采购价格',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.status, 'new');
    assert.equal(res.body.ownerUserId, sales.id, 'the person who enters it owns it');
    assert.equal(res.body.regionCode, 'CN-ZJ');
    assert.deepEqual(res.body.duplicates, []);
    const stored = await leadRow(res.body.id);
    assert.equal(stored?.phone_key, '13800138000');
    assert.equal(stored?.name_key, '杭州云帆科技');

    await client.post('/api/v1/leads', {
      contactName: 'Tom Baker',
      email: 'tom@acme.example',
      sourceCode: 'web',
    });
    const before = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from crm_lead where company_id = ${company.id}`,
    );
    for (const bad of [
      {},
      { contactName: '' },
      { contactName: 'x'.repeat(101) },
      { contactName: 'A', phone: 'call me' },
      { contactName: 'A', email: 'not-an-email' },
      { contactName: 'A', regionCode: 'Shanghai' },
      { contactName: 'A', status: 'qualified' },
      { contactName: 'A', sourceCode: 'Web Form' },
      { contactName: 'A', companyId: company.id },
    ]) {
      const r = await client.post('/api/v1/leads', bad);
      assert.equal(r.status, 400, JSON.stringify(bad));
      assert.equal(r.body.error.code, 'validation');
    }
    const unknownSource = await client.post('/api/v1/leads', { contactName: 'A', sourceCode: 'billboard' });
    assert.equal(unknownSource.status, 422);
    const after = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from crm_lead where company_id = ${company.id}`,
    );
    assert.equal(after?.n, before?.n);

    const byPhone = await client.get('/api/v1/leads?q=0013%208000');
    assert.deepEqual(
      byPhone.body.items.map((l: any) => l.id),
      [res.body.id],
    );
    const byName = await client.get(`/api/v1/leads?q=${encodeURIComponent('云帆')}`);
    assert.equal(byName.body.items.length, 1);
    const byContact = await client.get('/api/v1/leads?q=tom');
    assert.equal(byContact.body.items[0].contactName, 'Tom Baker');
    const bySource = await client.get('/api/v1/leads?sourceCode=web');
    assert.equal(bySource.body.items.length, 1);
    const page1 = await client.get('/api/v1/leads?limit=1');
    assert.equal(page1.body.items.length, 1);
    const page2 = await client.get(`/api/v1/leads?limit=1&cursor=${page1.body.nextCursor}`);
    assert.equal(page2.body.items.length, 1);
    assert.notEqual(page2.body.items[0].id, page1.body.items[0].id);
    assert.equal(page2.body.nextCursor, null);
    assert.equal((await client.get('/api/v1/leads?cursor=garbage')).status, 400);

    const edited = await client.patch(`/api/v1/leads/${res.body.id}`, {
      version: 1,
      phone: '0571-8888 1234',
      message: '已电话沟通',
    });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.equal(edited.body.version, 2);
    assert.equal((await leadRow(res.body.id))?.phone_key, '57188881234');
    const stale = await client.patch(`/api/v1/leads/${res.body.id}`, { version: 1, message: 'x' });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'stale_version');
    const got = await client.get(`/api/v1/leads/${res.body.id}`);
    assert.equal(got.body.message, '已电话沟通');
    const log = await client.get(`/api/v1/audit-log?entity=crm.lead&entityId=${res.body.id}`);
    assert.deepEqual(
      log.body.items.map((i: any) => i.action),
      ['update', 'create'],
    );
  });

  test('statuses: new → contacted → qualified; lost needs a known reason; converted only by converting', async () => {
    const company = await newCompany(ctx.db);
    const client = await signedIn(ctx.db, await company.user('sales'));
    const lead = (await client.post('/api/v1/leads', { contactName: '王强', phone: '13900001111' })).body;
    const move = (version: number, body: Record<string, unknown>) =>
      client.patch(`/api/v1/leads/${lead.id}`, { version, ...body });

    assert.equal((await move(1, { status: 'contacted' })).body.status, 'contacted');
    assert.equal((await move(2, { status: 'qualified' })).body.status, 'qualified');
    const noReason = await move(3, { status: 'lost' });
    assert.equal(noReason.status, 422);
    assert.equal(noReason.body.error.code, 'crm.lost_reason_required');
    const unknownReason = await move(3, { status: 'lost', lostReasonCode: 'weather' });
    assert.equal(unknownReason.status, 422);
    assert.equal((await leadRow(lead.id))?.status, 'qualified', 'a refused change changes nothing');
    assert.equal((await leadRow(lead.id))?.version, 3);
    const converted = await move(3, { status: 'converted' });
    assert.equal(converted.status, 400, 'converted is not a status one sets');
    const reasonOnOpen = await move(3, { lostReasonCode: 'price' });
    assert.equal(reasonOnOpen.status, 422);

    const lost = await move(3, { status: 'lost', lostReasonCode: 'price' });
    assert.equal(lost.status, 200);
    assert.equal(lost.body.lostReasonCode, 'price');
    const jump = await move(4, { status: 'qualified' });
    assert.equal(jump.status, 422);
    assert.equal(jump.body.error.code, 'invalid_transition');
    const reopened = await move(4, { status: 'new' });
    assert.equal(reopened.body.status, 'new');
    assert.equal(reopened.body.lostReasonCode, null);
    const types = await rows<{ type: string }>(
      ctx.db.orm,
      sql`select type from platform_event where company_id = ${company.id} and aggregate_id = ${lead.id} order by seq`,
    );
    assert.deepEqual(
      types.map((t) => t.type),
      ['lead.created', 'lead.status_changed', 'lead.status_changed', 'lead.lost', 'lead.status_changed'],
    );
  });

  test('duplicates of customers and open leads come back with the new lead, which is still created', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const customer = await admin.post('/api/v1/customers', { name: '苏州恒信精密机械有限公司' });
    assert.equal(customer.status, 201);
    await ctx.db.orm.execute(
      sql`insert into crm_contact (company_id, id, customer_id, name, name_key, phones, phone_keys, email)
          values (${company.id}, gen_random_uuid(), ${customer.body.id}, '周', '周', array['0512-6666 7777'],
                  array['51266667777'], 'buy@hengxin.example')`,
    );
    const first = await admin.post('/api/v1/leads', { contactName: '李雷', phone: '186 0000 2222' });
    assert.deepEqual(first.body.duplicates, []);

    const byName = await admin.post('/api/v1/leads', {
      companyName: '苏州恒信精密机械公司',
      contactName: '韩梅梅',
    });
    assert.equal(byName.status, 201);
    assert.deepEqual(
      byName.body.duplicates.map((d: any) => [d.entity, d.id, d.reasons]),
      [['customer', customer.body.id, ['name']]],
    );
    const byContact = await admin.post('/api/v1/leads', {
      contactName: '周先生',
      phone: '+86 512 6666 7777',
      email: 'BUY@hengxin.example',
    });
    assert.deepEqual(byContact.body.duplicates[0].reasons, ['phone', 'email']);
    const byLeadPhone = await admin.post('/api/v1/leads', { contactName: 'Li Lei', phone: '+8618600002222' });
    assert.deepEqual(
      byLeadPhone.body.duplicates.map((d: any) => [d.entity, d.id, d.reasons]),
      [['lead', first.body.id, ['phone']]],
    );
    const again = await admin.get(`/api/v1/leads/${first.body.id}/duplicates`);
    assert.equal(again.status, 200);
    assert.deepEqual(
      again.body.items.map((d: any) => d.id),
      [byLeadPhone.body.id],
    );
    // A different party with nothing in common is not flagged.
    const stranger = await admin.post('/api/v1/leads', {
      companyName: '苏州恒达物流有限公司',
      contactName: '赵',
      phone: '13700000000',
    });
    assert.deepEqual(stranger.body.duplicates, []);
  });

  test('salesperson A gets 404 for B’s lead and changes nothing; their manager sees both', async () => {
    const company = await newCompany(ctx.db);
    const manager = await company.user('sales_manager');
    const team = await company.department({ managerUserId: manager.id });
    const a = await signedIn(ctx.db, await company.user('sales', { departmentId: team }));
    const bUser = await company.user('sales', { departmentId: team });
    const b = await signedIn(ctx.db, bUser);
    const theirs = (await b.post('/api/v1/leads', { contactName: 'B 的线索', phone: '13500000001' })).body;
    const mine = (await a.post('/api/v1/leads', { contactName: 'A 的线索', phone: '13500000002' })).body;

    for (const [method, url, body] of [
      ['GET', `/api/v1/leads/${theirs.id}`, undefined],
      ['GET', `/api/v1/leads/${theirs.id}/duplicates`, undefined],
      ['PATCH', `/api/v1/leads/${theirs.id}`, { version: 1, message: 'mine now' }],
      ['POST', `/api/v1/leads/${theirs.id}/assign`, { version: 1, ownerUserId: company.admin.id }],
      [
        'POST',
        `/api/v1/leads/${theirs.id}/convert`,
        { version: 1, customer: { mode: 'new' }, createOpportunity: false },
      ],
    ] as const) {
      const res = await a.request(method, url, body);
      assert.equal(res.status, 404, `${method} ${url}`);
    }
    const untouched = await leadRow(theirs.id);
    assert.equal(untouched?.version, 1);
    assert.equal(untouched?.status, 'new');
    assert.equal(untouched?.owner_user_id, bUser.id);
    const listA = await a.get('/api/v1/leads');
    assert.deepEqual(
      listA.body.items.map((l: any) => l.id),
      [mine.id],
    );
    const boss = await signedIn(ctx.db, manager);
    const listM = await boss.get('/api/v1/leads');
    assert.deepEqual(listM.body.items.map((l: any) => l.id).sort(), [mine.id, theirs.id].sort());
  });

  test('reassigning a lead is audited and tells both people', async () => {
    const company = await newCompany(ctx.db);
    const manager = await company.user('sales_manager');
    const team = await company.department({ managerUserId: manager.id });
    const a = await company.user('sales', { departmentId: team });
    const b = await company.user('sales', { departmentId: team });
    const client = await signedIn(ctx.db, a);
    const lead = (await client.post('/api/v1/leads', { contactName: '孙', phone: '13600000000' })).body;
    const boss = await signedIn(ctx.db, manager);
    const moved = await boss.post(`/api/v1/leads/${lead.id}/assign`, {
      version: 1,
      ownerUserId: b.id,
      reason: '区域调整',
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal(moved.body.ownerUserId, b.id);
    const notes = await rows<{ user_id: string; kind: string }>(
      ctx.db.orm,
      sql`select user_id, kind from platform_notification where company_id = ${company.id} order by kind`,
    );
    assert.deepEqual(notes, [
      { user_id: b.id, kind: 'crm.lead.assigned' },
      { user_id: a.id, kind: 'crm.lead.reassigned' },
    ]);
    const audit = await one<{ reason: string }>(
      ctx.db.orm,
      sql`select reason from platform_audit_log where company_id = ${company.id} and entity_id = ${lead.id} and action = 'assign'`,
    );
    assert.equal(audit?.reason, '区域调整');
    const inactiveTarget = await boss.post(`/api/v1/leads/${lead.id}/assign`, {
      version: 2,
      ownerUserId: '00000000-0000-4000-8000-000000000000',
    });
    assert.equal(inactiveTarget.status, 422);
  });
});
