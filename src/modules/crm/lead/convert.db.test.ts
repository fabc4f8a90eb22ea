import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { Client, describeDb, newCompany, signedIn, testApp } from '../../../../test/kit/index.ts';
import { one, rows } from '../../../platform/db/tx.ts';
import { drainOutbox } from '../../../platform/outbox/dispatcher.ts';

describeDb('lead conversion: customer + contact + opportunity in one step', (ctx) => {
  const count = async (table: string, companyId: string) =>
    (
      await one<{ n: number }>(
        ctx.db.orm,
        sql`select count(*)::int as n from ${sql.identifier(table)} where company_id = ${companyId}`,
      )
    )?.n;

  test('web form → assigned round-robin → converted: customer, contact, opportunity and the timeline', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const team = await company.department();
    const sellers = [
      await company.user('sales', { departmentId: team }),
      await company.user('sales', { departmentId: team }),
    ];
    const form = (await admin.post('/api/v1/web-forms', { name: '官网', sourceCode: 'web', teamId: team }))
      .body;
    await admin.post('/api/v1/assignment-rules', {
      name: 'rr',
      strategy: 'round_robin',
      userIds: sellers.map((s) => s.id),
    });
    const guest = new Client(await testApp(ctx.db));
    for (const [i, name] of ['厦门鹭岛食品有限公司', '福州闽江茶业有限公司'].entries())
      assert.equal(
        (
          await guest.post(`/api/v1/public/forms/${form.key}`, {
            companyName: name,
            contactName: `联系人${i}`,
            phone: `1590000000${i}`,
            email: `buyer${i}@food.example`,
          })
        ).status,
        202,
      );
    // The second seller finds the second lead assigned to them and converts it.
    const seller = await signedIn(ctx.db, sellers[1]);
    const mine = await seller.get('/api/v1/leads');
    assert.equal(mine.body.items.length, 1);
    const lead = mine.body.items[0];
    assert.equal(lead.companyName, '福州闽江茶业有限公司');
    assert.equal(lead.ownerUserId, sellers[1].id);

    const converted = await seller.post(`/api/v1/leads/${lead.id}/convert`, {
      version: lead.version,
      customer: { mode: 'new', tags: ['官网'] },
      createOpportunity: true,
      opportunity: {
        name: '茶叶年度采购',
        amount: '128000.50',
        currency: 'CNY',
        expectedCloseDate: '2026-09-30',
      },
    });
    assert.equal(converted.status, 200, JSON.stringify(converted.body));
    const { customerId, contactId, opportunity } = converted.body;
    assert.equal(converted.body.lead.status, 'converted');
    assert.equal(converted.body.lead.convertedCustomerId, customerId);

    const customer = await one<Record<string, any>>(
      ctx.db.orm,
      sql`select * from crm_customer where id = ${customerId}`,
    );
    assert.equal(customer?.name, '福州闽江茶业有限公司');
    assert.equal(customer?.owner_user_id, sellers[1].id);
    assert.equal(customer?.source_code, 'web');
    assert.equal(customer?.team_id, team);
    const contact = await one<Record<string, any>>(
      ctx.db.orm,
      sql`select * from crm_contact where id = ${contactId}`,
    );
    assert.equal(contact?.customer_id, customerId);
    assert.equal(contact?.name, '联系人1');
    assert.deepEqual(contact?.phone_keys, ['15900000001']);
    assert.equal(contact?.email, 'buyer1@food.example');
    const opp = await one<Record<string, any>>(
      ctx.db.orm,
      sql`select o.*, o.amount::text as amount_text, s.code as stage_code from crm_opportunity o
            join crm_stage s on s.company_id = o.company_id and s.id = o.stage_id where o.id = ${opportunity.id}`,
    );
    assert.equal(opp?.customer_id, customerId);
    assert.equal(opp?.contact_id, contactId);
    assert.equal(opp?.lead_id, lead.id);
    assert.equal(opp?.amount_text, '128000.50');
    assert.equal(opp?.stage_code, 'qualification');
    assert.equal(opp?.probability, 10);
    assert.equal(opp?.owner_user_id, sellers[1].id);
    const stored = await one<Record<string, any>>(
      ctx.db.orm,
      sql`select * from crm_lead where id = ${lead.id}`,
    );
    assert.deepEqual(
      [
        stored?.status,
        stored?.converted_customer_id,
        stored?.converted_contact_id,
        stored?.converted_opportunity_id,
      ],
      ['converted', customerId, contactId, opportunity.id],
    );
    assert.ok(stored?.converted_at);

    const events = await rows<{ type: string; summary: string }>(
      ctx.db.orm,
      sql`select type, payload->>'summary' as summary from platform_event
           where company_id = ${company.id} and payload->>'customerId' = ${customerId} order by seq`,
    );
    assert.deepEqual(
      events.map((e) => e.type),
      ['customer.created', 'contact.created', 'opportunity.created', 'lead.converted'],
    );
    assert.ok(events.every((e) => e.summary));
    await drainOutbox(ctx.db);
    const timeline = await seller.get(`/api/v1/customers/${customerId}/timeline`);
    assert.equal(timeline.status, 200, JSON.stringify(timeline.body));
    const types = timeline.body.items.map((i: any) => i.type);
    for (const t of ['customer.created', 'contact.created', 'opportunity.created', 'lead.converted'])
      assert.ok(types.includes(t), `${t} on the timeline: ${types}`);
    const audit = await rows<{ entity: string; action: string }>(
      ctx.db.orm,
      sql`select entity, action from platform_audit_log where company_id = ${company.id}
           and entity in ('crm.lead', 'crm.customer', 'crm.contact', 'crm.opportunity') and actor_user_id = ${sellers[1].id}
           order by seq`,
    );
    assert.deepEqual(
      audit.map((a) => `${a.entity}:${a.action}`),
      ['crm.customer:create', 'crm.contact:create', 'crm.opportunity:create', 'crm.lead:convert'],
    );
    const twice = await seller.post(`/api/v1/leads/${lead.id}/convert`, {
      version: stored?.version,
      customer: { mode: 'existing', customerId },
    });
    assert.equal(twice.status, 422, 'a converted lead is final');
  });

  test('a likely duplicate stops the conversion (409, nothing written) until the user confirms', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    await admin.post('/api/v1/customers', { name: '上海星辰贸易有限公司' });
    const lead = (
      await admin.post('/api/v1/leads', {
        companyName: '上海星辰贸易公司',
        contactName: '张三',
        phone: '13311112222',
      })
    ).body;
    const body = {
      version: 1,
      customer: { mode: 'new' },
      createOpportunity: true,
      opportunity: { name: '样品', amount: '10' },
    };
    const stopped = await admin.post(`/api/v1/leads/${lead.id}/convert`, body);
    assert.equal(stopped.status, 409);
    assert.equal(stopped.body.error.code, 'crm.duplicate_suspected');
    assert.equal(await count('crm_customer', company.id), 1);
    assert.equal(await count('crm_contact', company.id), 0);
    assert.equal(await count('crm_opportunity', company.id), 0);
    assert.equal(
      (await one<{ status: string }>(ctx.db.orm, sql`select status from crm_lead where id = ${lead.id}`))
        ?.status,
      'new',
    );
    const confirmed = await admin.post(`/api/v1/leads/${lead.id}/convert`, {
      ...body,
      customer: { mode: 'new', ignoreDuplicates: true },
    });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    assert.equal(await count('crm_customer', company.id), 2);
  });

  test('attach to an existing customer: its contact with the same phone is reused; no opportunity unless asked', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const customer = (await admin.post('/api/v1/customers', { name: 'Acme Trading Ltd.' })).body;
    await ctx.db.orm.execute(
      sql`insert into crm_contact (company_id, id, customer_id, name, name_key, phones, phone_keys)
          values (${company.id}, gen_random_uuid(), ${customer.id}, 'Jane', 'jane', array['+86 21 5555 6666'], array['2155556666'])`,
    );
    const known = await one<{ id: string }>(
      ctx.db.orm,
      sql`select id from crm_contact where customer_id = ${customer.id}`,
    );
    const lead = (await admin.post('/api/v1/leads', { contactName: 'Jane Doe', phone: '021-5555-6666' }))
      .body;
    const res = await admin.post(`/api/v1/leads/${lead.id}/convert`, {
      version: 1,
      customer: { mode: 'existing', customerId: customer.id },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.customerId, customer.id);
    assert.equal(res.body.contactId, known?.id);
    assert.equal(res.body.opportunity, null);
    assert.equal(await count('crm_contact', company.id), 1);
    assert.equal(await count('crm_customer', company.id), 1);
  });

  test('conversion refuses: stale version, hidden or foreign customer, missing opportunity, bad amount', async () => {
    const company = await newCompany(ctx.db);
    const other = await newCompany(ctx.db);
    const a = await signedIn(ctx.db, await company.user('sales'));
    const b = await signedIn(ctx.db, await company.user('sales'));
    const foreign = (
      await (await signedIn(ctx.db, other.admin)).post('/api/v1/customers', { name: 'Foreign Co' })
    ).body;
    const hidden = (await b.post('/api/v1/customers', { name: 'B 的客户' })).body;
    const lead = (await a.post('/api/v1/leads', { contactName: '钱', phone: '13700001111' })).body;
    const cases: Array<[Record<string, unknown>, number]> = [
      [{ version: 2, customer: { mode: 'new' } }, 409],
      [{ version: 1, customer: { mode: 'existing', customerId: hidden.id } }, 404],
      [{ version: 1, customer: { mode: 'existing', customerId: foreign.id } }, 404],
      [{ version: 1, customer: { mode: 'new' }, createOpportunity: true }, 400],
      [
        {
          version: 1,
          customer: { mode: 'new' },
          createOpportunity: true,
          opportunity: { name: 'x', amount: '1.234' },
        },
        400,
      ],
      [
        {
          version: 1,
          customer: { mode: 'new' },
          createOpportunity: true,
          opportunity: { name: 'x', amount: 12 },
        },
        400,
      ],
      [
        {
          version: 1,
          customer: { mode: 'new' },
          createOpportunity: true,
          opportunity: { name: 'x', amount: '-5' },
        },
        400,
      ],
      [{ version: 1, customer: { mode: 'maybe' } }, 400],
      [{ version: 1, customer: { mode: 'new', ownerUserId: 'x' } }, 400],
      [
        {
          version: 1,
          customer: { mode: 'new' },
          createOpportunity: true,
          opportunity: { name: 'x', amount: '5', currency: 'XXX' },
        },
        422,
      ],
    ];
    for (const [body, status] of cases) {
      const res = await a.post(`/api/v1/leads/${lead.id}/convert`, body);
      assert.equal(res.status, status, `${JSON.stringify(body)} → ${JSON.stringify(res.body)}`);
    }
    assert.equal(await count('crm_customer', company.id), 1, 'only B’s customer');
    assert.equal(await count('crm_contact', company.id), 0);
    assert.equal(await count('crm_opportunity', company.id), 0);
    const row = await one<{ status: string; version: number }>(
      ctx.db.orm,
      sql`select status, version from crm_lead where id = ${lead.id}`,
    );
    assert.deepEqual(row, { status: 'new', version: 1 });
    const viewer = await signedIn(ctx.db, await company.user('viewer'));
    const denied = await viewer.post(`/api/v1/leads/${lead.id}/convert`, {
      version: 1,
      customer: { mode: 'new' },
    });
    assert.equal(denied.status, 403);
  });
});
