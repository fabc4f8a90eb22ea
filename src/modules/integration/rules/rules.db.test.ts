import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, newCompany, signedIn } from '../../../../test/kit/index.ts';
import { one, rows, withTransaction } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { drainOutbox } from '../../../platform/outbox/dispatcher.ts';
import { addStock, makeCustomer, makeProduct, ok, salesWorld } from '../../sales/fixtures.ts';
import { ruleSubscriber } from './run-rules.ts';

const count = async (db: any, query: ReturnType<typeof sql>) =>
  Number((await one<{ n: number }>(db.orm, sql`select count(*)::int as n from (${query}) x`))?.n ?? 0);

describeDb('trigger rules', (ctx) => {
  test('a notify + task rule runs once per event, replays change nothing, a missing field is logged not thrown', async () => {
    const w = await salesWorld(ctx.db);
    const product = await makeProduct(w.admin, { salePrice: '100', taxCode: null });
    await addStock(w.admin, w.warehouseId, product.id, '50');
    const customer = await makeCustomer(w.sales);
    const rule = ok(
      await w.admin.post('/api/v1/trigger-rules', {
        name: 'Tell the manager about orders over 500',
        eventType: 'sales_order.confirmed',
        condition: 'total > 500 && currency == "CNY"',
        actions: [
          { type: 'notify', roles: ['sales_manager'], message: 'Order {number} confirmed: {total}' },
          {
            type: 'create_task',
            assigneeUserId: w.managerUser.id,
            subject: 'Call about {number}',
            dueInDays: 2,
          },
        ],
      }),
      201,
    );
    const confirmOrder = async (qty: string) => {
      const o = ok(
        await w.sales.post('/api/v1/sales-orders', {
          customerId: customer.id,
          lines: [{ productId: product.id, qty }],
        }),
        201,
      );
      return ok(await w.sales.post(`/api/v1/sales-orders/${o.id}/confirm`, { version: o.version }));
    };
    const big = await confirmOrder('10'); // 1,000 > 500
    await confirmOrder('2'); // 200: not matched
    await drainOutbox(ctx.db);
    const notes = sql`select title from platform_notification where company_id = ${w.company.id}
                        and user_id = ${w.managerUser.id} and kind = 'rule.sales_order.confirmed'`;
    assert.deepEqual(
      (await rows<{ title: string }>(ctx.db.orm, notes)).map((n) => n.title),
      [`Order ${big.number} confirmed: 1000`],
    );
    const tasks = sql`select subject, customer_id from crm_activity where company_id = ${w.company.id}
                        and kind = 'task' and owner_user_id = ${w.managerUser.id}`;
    assert.deepEqual(await rows(ctx.db.orm, tasks), [
      { subject: `Call about ${big.number}`, customer_id: customer.id },
    ]);

    // The outbox delivers at least once: the same event handed over again runs the rule no second time.
    const event = await one<Record<string, any>>(
      ctx.db.orm,
      sql`select * from platform_event where company_id = ${w.company.id} and type = 'sales_order.confirmed'
            and payload->>'orderId' = ${big.id}`,
    );
    const delivered = {
      companyId: w.company.id,
      id: event!.id,
      seq: 0,
      type: event!.type,
      aggregateType: event!.aggregate_type,
      aggregateId: event!.aggregate_id,
      payloadVersion: 1,
      payload: event!.payload,
      actorUserId: null,
      createdAt: new Date().toISOString(),
    };
    await withTransaction(ctx.db, (tx) => ruleSubscriber.handle(tx, delivered));
    assert.equal(await count(ctx.db, notes), 1);
    assert.equal(await count(ctx.db, tasks), 1);

    // An older payload without `total`: the run log says why, nothing is thrown, nothing is sent.
    await withTransaction(ctx.db, (tx) =>
      ruleSubscriber.handle(tx, {
        ...delivered,
        id: newId(),
        payload: { orderId: big.id, number: 'SO-OLD' },
      }),
    );
    const runs = ok(await w.admin.get(`/api/v1/trigger-rules/${rule.id}/runs`)).items;
    assert.deepEqual(runs.map((r: any) => r.outcome).sort(), ['applied', 'error', 'not_matched']);
    const failed = runs.find((r: any) => r.outcome === 'error');
    assert.match(failed.detail.condition.message, /Unknown variable: (total|currency)/);
    assert.equal(await count(ctx.db, notes), 1);

    // The test button: a sample payload, then the real event; nothing is done either way.
    const tried = ok(
      await w.admin.post(`/api/v1/trigger-rules/${rule.id}/test`, {
        payload: { total: '800.00', currency: 'CNY', number: 'SO-T1' },
      }),
    );
    assert.equal(tried.matched, true);
    assert.deepEqual(
      tried.actions.map((a: any) => a.description),
      [
        'notify role sales_manager: "Order SO-T1 confirmed: 800"',
        `create a task for user ${w.managerUser.id} due in 2 day(s): "Call about SO-T1"`,
      ],
    );
    const small = ok(
      await w.admin.post(`/api/v1/trigger-rules/${rule.id}/test`, {
        payload: { total: '5.00', currency: 'CNY' },
      }),
    );
    assert.deepEqual([small.matched, small.actions], [false, []]);
    const broken = ok(await w.admin.post(`/api/v1/trigger-rules/${rule.id}/test`, { payload: {} }));
    assert.equal(broken.matched, null);
    assert.match(broken.error.message, /Unknown variable/);
    const real = ok(await w.admin.post(`/api/v1/trigger-rules/${rule.id}/test`, { eventId: event!.id }));
    assert.equal(real.matched, true);
    assert.equal(await count(ctx.db, notes), 1);
    assert.equal(
      (await w.admin.post(`/api/v1/trigger-rules/${rule.id}/test`, { eventId: newId() })).status,
      404,
    );
  });

  test('bad conditions and actions are refused on save; the field list feeds the editor', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const base = {
      name: 'Big orders',
      eventType: 'sales_order.confirmed',
      actions: [{ type: 'notify', roles: ['sales_manager'] }],
    };
    const syntax = await admin.post('/api/v1/trigger-rules', { ...base, condition: 'total > 100000 and x' });
    assert.equal(syntax.status, 400);
    assert.equal(syntax.body.error.code, 'integration.rule.bad_condition');
    assert.equal(syntax.body.error.details.position, 15);
    const field = await admin.post('/api/v1/trigger-rules', { ...base, condition: 'amount > 1' });
    assert.equal(field.status, 400);
    assert.match(field.body.error.details.problem, /Unknown variable: amount/);
    const long = await admin.post('/api/v1/trigger-rules', {
      ...base,
      condition: `total > 1${' '.repeat(2001)}`,
    });
    assert.equal(long.status, 400);
    const approval = await admin.post('/api/v1/trigger-rules', {
      ...base,
      actions: [{ type: 'require_approval', roleCode: 'sales_manager' }],
    });
    assert.equal(approval.status, 422);
    const role = await admin.post('/api/v1/trigger-rules', {
      ...base,
      actions: [{ type: 'notify', roles: ['no_such_role'] }],
    });
    assert.equal(role.body.error.code, 'integration.rule.unknown_role');
    const unknownEvent = await admin.post('/api/v1/trigger-rules', {
      ...base,
      eventType: 'nothing.happened',
    });
    assert.equal(unknownEvent.status, 400);
    assert.equal(
      await count(
        ctx.db,
        sql`select 1 from integration_rule where company_id = ${company.id} and built_in is null`,
      ),
      0,
    );

    const fields = ok(await admin.get('/api/v1/trigger-rules/fields?eventType=sales_order.confirming'));
    assert.equal(fields.items[0].synchronous, true);
    assert.deepEqual(
      fields.items[0].fields
        .filter((f: any) => ['amount', 'currency'].includes(f.name))
        .map((f: any) => f.type),
      ['number', 'string'],
    );
    const all = ok(await admin.get('/api/v1/trigger-rules/fields'));
    assert.ok(all.items.some((e: any) => e.eventType === 'stock.below_safety'));
    assert.equal((await admin.get('/api/v1/trigger-rules/fields?eventType=nothing.happened')).status, 404);
  });

  test('the built-in safety-stock rule notifies once, can be edited and disabled, not deleted', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const buyer = await company.user('purchasing');
    const keeper = await company.user('warehouse');
    const product = await makeProduct(admin, { taxCode: null });
    const wh = ok(await admin.get('/api/v1/warehouses')).items[0];
    await addStock(admin, wh.id, product.id, '5');
    const listed = ok(await admin.get('/api/v1/trigger-rules')).items;
    const builtIn = listed.find((r: any) => r.builtIn === 'safety_stock_alert');
    assert.ok(builtIn, 'every company starts with the safety-stock rule');
    assert.equal(builtIn.eventType, 'stock.below_safety');

    const alerts = sql`select user_id, title from platform_notification where company_id = ${company.id}
                         and kind = 'rule.stock.below_safety' order by user_id`;
    const setLevel = (qty: string) =>
      admin.request('PUT', '/api/v1/safety-levels', {
        productId: product.id,
        warehouseId: wh.id,
        safetyQty: qty,
      });
    ok(await setLevel('10')); // 5 < 10: below
    await drainOutbox(ctx.db);
    await drainOutbox(ctx.db);
    const got = await rows<{ user_id: string; title: string }>(ctx.db.orm, alerts);
    assert.deepEqual(
      got.map((n) => n.user_id).sort(),
      [buyer.id, keeper.id].sort(),
      'one each, no duplicate',
    );
    assert.match(got[0].title, new RegExp(`${product.sku}.*5 available < 10 safety stock`));

    const removed = await admin.delete(`/api/v1/trigger-rules/${builtIn.id}?version=${builtIn.version}`);
    assert.equal(removed.status, 422);
    ok(
      await admin.patch(`/api/v1/trigger-rules/${builtIn.id}`, { version: builtIn.version, enabled: false }),
    );
    ok(await setLevel('1')); // recovered: re-armed
    ok(await setLevel('20')); // below again, but the rule is off
    await drainOutbox(ctx.db);
    assert.equal(await count(ctx.db, alerts), 2, 'disabled: no new alert');
    assert.equal(
      await count(
        ctx.db,
        sql`select 1 from platform_event where company_id = ${company.id} and type = 'stock.below_safety'`,
      ),
      2,
      'the event itself is still published',
    );
  });

  test('a call_webhook rule queues the event for the company’s webhook', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const hook = ok(
      await admin.post('/api/v1/webhooks', {
        url: 'https://93.184.215.14/hook',
        eventTypes: ['payment.received'],
      }),
      201,
      'POST /webhooks',
    );
    ok(
      await admin.post('/api/v1/trigger-rules', {
        name: 'Large adjustments to the BI tool',
        eventType: 'stock.adjusted',
        condition: 'qty >= 100',
        actions: [{ type: 'call_webhook', webhookId: hook.id }],
      }),
      201,
    );
    const product = await makeProduct(admin, { taxCode: null });
    const wh = ok(await admin.get('/api/v1/warehouses')).items[0];
    await addStock(admin, wh.id, product.id, '5'); // below the condition
    await addStock(admin, wh.id, product.id, '150');
    await drainOutbox(ctx.db);
    const queued = await rows<{ event_type: string; body: string }>(
      ctx.db.orm,
      sql`select event_type, body from integration_webhook_delivery where company_id = ${company.id} and webhook_id = ${hook.id}`,
    );
    assert.equal(queued.length, 1);
    assert.equal(queued[0].event_type, 'stock.adjusted');
    assert.match(queued[0].body, /"qty":"150/);
    const other = await newCompany(ctx.db);
    const otherAdmin = await signedIn(ctx.db, other.admin);
    const foreign = await otherAdmin.post('/api/v1/trigger-rules', {
      name: 'Not mine',
      eventType: 'stock.adjusted',
      actions: [{ type: 'call_webhook', webhookId: hook.id }],
    });
    assert.equal(foreign.body.error.code, 'integration.rule.unknown_webhook');
  });

  test('only admins see rules; another company’s rule is not found', async () => {
    const a = await newCompany(ctx.db);
    const b = await newCompany(ctx.db);
    const adminA = await signedIn(ctx.db, a.admin);
    const adminB = await signedIn(ctx.db, b.admin);
    const sales = await signedIn(ctx.db, await a.user('sales'));
    const rule = ok(
      await adminA.post('/api/v1/trigger-rules', {
        name: 'Notify',
        eventType: 'invoice.posted',
        actions: [{ type: 'notify', roles: ['finance'] }],
      }),
      201,
    );
    assert.equal((await sales.get('/api/v1/trigger-rules')).status, 403);
    assert.equal((await sales.get(`/api/v1/trigger-rules/${rule.id}`)).status, 403);
    assert.equal((await sales.post(`/api/v1/trigger-rules/${rule.id}/test`, { payload: {} })).status, 403);
    assert.equal((await adminB.get(`/api/v1/trigger-rules/${rule.id}`)).status, 404);
    assert.equal((await adminB.get(`/api/v1/trigger-rules/${rule.id}/runs`)).status, 404);
    assert.equal(
      (await adminB.patch(`/api/v1/trigger-rules/${rule.id}`, { version: 1, enabled: false })).status,
      404,
    );
    assert.equal((await adminB.delete(`/api/v1/trigger-rules/${rule.id}?version=1`)).status, 404);
    assert.equal((await adminA.get('/api/v1/trigger-rules?cursor=nonsense')).status, 400);
    const stale = await adminA.patch(`/api/v1/trigger-rules/${rule.id}`, { version: 9, enabled: false });
    assert.equal(stale.status, 409);
    assert.equal(
      (await adminA.delete(`/api/v1/trigger-rules/${rule.id}?version=${rule.version}`)).status,
      204,
    );
    assert.equal((await adminA.get(`/api/v1/trigger-rules/${rule.id}`)).status, 404);
  });
});
