import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, newCompany, signedIn } from '../../../../test/kit/index.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { rows, withTransaction } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { drainOutbox } from '../../../platform/outbox/dispatcher.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import type { DeliveredEvent } from '../../../platform/outbox/subscribers.ts';
import { systemActor } from '../../../platform/permissions/actor.ts';
import '../index.ts';
import { addToTimeline, defaultSummary, timelineParams } from './timeline-subscriber.ts';

/** What a later module does: publish its own event with a customerId, knowing nothing of crm tables. */
async function emit(db: Db, companyId: string, type: string, payload: Record<string, unknown>) {
  await withTransaction(db, (tx) =>
    publish(tx, systemActor(companyId, 'test'), {
      type,
      aggregateType: type.split('.')[0],
      aggregateId: newId(),
      payload,
    }),
  );
}

const entries = (db: Db, companyId: string) =>
  rows<{ customer_id: string; type: string; summary: string; ref: any }>(
    db.orm,
    sql`select customer_id, type, summary, ref from crm_timeline_entry where company_id = ${companyId}
         order by occurred_at, source_event_id`,
  );

describeDb('customer timeline fed by the outbox', (ctx) => {
  test('any module’s event with a customerId lands on the timeline; others are ignored', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const cust = (await admin.post('/api/v1/customers', { name: '星辰贸易' })).body.id;
    await emit(ctx.db, company.id, 'sales_order.confirmed', {
      customerId: cust,
      orderId: newId(),
      amount: 12000,
      currency: 'CNY',
      urgent: true,
      lines: [{ productId: newId() }],
      delivery: { city: '上海' },
      note: null,
      summary: 'Order SO-0001 confirmed, ¥12,000.00',
    });
    await emit(ctx.db, company.id, 'invoice.posted', { customerId: cust });
    await emit(ctx.db, company.id, 'stock.below_safety', { productId: newId() });
    await emit(ctx.db, company.id, 'ticket.opened', { customerId: newId(), summary: 'unknown customer' });
    await emit(ctx.db, company.id, 'ticket.opened', { customerId: 'not-a-uuid', summary: 'garbage' });
    await drainOutbox(ctx.db);

    const list = await entries(ctx.db, company.id);
    assert.deepEqual(
      list.map((e) => [e.type, e.summary]),
      [
        ['customer.created', list[0].summary],
        ['sales_order.confirmed', 'Order SO-0001 confirmed, ¥12,000.00'],
        ['invoice.posted', 'Invoice posted'],
      ],
    );
    assert.equal(list[1].ref.aggregateType, 'sales_order');
    assert.deepEqual(list[0].ref.params, {
      customerId: cust,
      code: list[0].ref.params.code,
      name: '星辰贸易',
      ownerUserId: company.admin.id,
    });
    assert.deepEqual(Object.keys(list[1].ref.params).sort(), [
      'amount',
      'currency',
      'customerId',
      'orderId',
      'urgent',
    ]);
    assert.equal(list[1].ref.params.amount, 12000);
    assert.equal(list[1].ref.params.urgent, true);
    assert.deepEqual(list[2].ref.params, { customerId: cust });
    const failed = await rows(
      ctx.db.orm,
      sql`select 1 from platform_event where company_id = ${company.id} and dispatched_at is null`,
    );
    assert.equal(failed.length, 0, 'unknown customers are skipped, not retried');
  });

  test('a redelivered event adds nothing; an event about a merged customer goes to the survivor', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const merged = (await admin.post('/api/v1/customers', { name: '甲公司' })).body.id;
    const survivor = (await admin.post('/api/v1/customers', { name: '乙公司' })).body.id;
    await drainOutbox(ctx.db);
    await ctx.db.orm.execute(
      sql`update crm_customer set merged_into_id = ${survivor}, merged_at = now() where company_id = ${company.id} and id = ${merged}`,
    );
    const event: DeliveredEvent = {
      companyId: company.id,
      id: newId(),
      seq: 0,
      type: 'delivery.shipped',
      aggregateType: 'delivery',
      aggregateId: newId(),
      payloadVersion: 1,
      payload: { customerId: merged, summary: 'Delivery DN-7 shipped' },
      actorUserId: null,
      createdAt: new Date().toISOString(),
    };
    for (let i = 0; i < 3; i++) await withTransaction(ctx.db, (tx) => addToTimeline(tx, event));
    const shipped = (await entries(ctx.db, company.id)).filter((e) => e.type === 'delivery.shipped');
    assert.equal(shipped.length, 1, 'idempotent by source event');
    assert.equal(shipped[0].customer_id, survivor);

    const page = await admin.get(`/api/v1/customers/${survivor}/timeline`);
    assert.deepEqual(
      page.body.items.map((i: any) => i.type),
      ['delivery.shipped', 'customer.created', 'customer.created'],
      'the survivor’s timeline also shows what happened to the merged customer before',
    );
  });
});

describeDb('timeline parameters', (ctx) => {
  test('an entry keeps the scalar values its sentence needs, bounded', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const cust = (await admin.post('/api/v1/customers', { name: '月光科技' })).body.id;
    const logged = await admin.post('/api/v1/activities', {
      kind: 'visit',
      subject: '拜访采购部',
      customerId: cust,
      done: true,
    });
    assert.equal(logged.status, 201);
    await emit(ctx.db, company.id, 'ticket.opened', { customerId: cust, text: `${'长'.repeat(199)}😀😀` });
    const wide: Record<string, unknown> = { customerId: cust };
    for (let i = 0; i < 30; i++) wide[`k${String(i).padStart(2, '0')}`] = i;
    await emit(ctx.db, company.id, 'ticket.updated', wide);
    await drainOutbox(ctx.db);

    const list = await entries(ctx.db, company.id);
    const activity = list.find((e) => e.type === 'activity.logged');
    assert.ok(activity);
    assert.equal(activity.ref.params.kind, 'visit');
    assert.equal(activity.ref.params.subject, '拜访采购部');
    assert.equal(activity.ref.params.done, true);
    assert.equal(activity.ref.params.summary, undefined, 'the summary has its own column');
    const ticket = list.find((e) => e.type === 'ticket.opened');
    assert.ok(ticket);
    assert.equal(Object.keys(list.find((e) => e.type === 'ticket.updated')?.ref.params).length, 20);
    assert.equal(Array.from(ticket.ref.params.text as string).length, 200);
    assert.ok((ticket.ref.params.text as string).endsWith('长😀'), 'cut by characters, not code units');

    const page = await admin.get(`/api/v1/customers/${cust}/timeline`);
    const shown = page.body.items.find((i: any) => i.type === 'activity.logged');
    assert.equal(shown.ref.params.subject, '拜访采购部', 'the API hands the parameters to the screen');
  });
});

test('params copy scalars only', () => {
  assert.deepEqual(
    timelineParams({ a: 'x', b: 1, c: false, d: null, e: [1], f: { g: 1 }, h: Number.NaN, summary: 's' }),
    {
      a: 'x',
      b: 1,
      c: false,
    },
  );
});

test('readable default summaries for events that carry none', () => {
  assert.equal(defaultSummary('sales_order.confirmed'), 'Sales order confirmed');
  assert.equal(defaultSummary('payment.received'), 'Payment received');
});
