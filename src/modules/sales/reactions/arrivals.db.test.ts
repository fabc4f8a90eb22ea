// What the salesperson sees of purchasing and production: a planned shortage moves the order line's
// expected date (with the document that brings the goods), and arriving goods are reserved for the
// waiting orders first come, first served, each owner told. Driven through HTTP and the outbox.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb } from '../../../../test/kit/index.ts';
import { one, rows, withTransaction } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { drainOutbox } from '../../../platform/outbox/dispatcher.ts';
import { systemActor } from '../../../platform/permissions/actor.ts';
import { listNeeds, markNeedPlanned } from '../../inventory/index.ts';
import { companyToday } from '../document/header.ts';
import { assertStockConsistent, makeCustomer, makeProduct, ok, salesWorld, stockOf } from '../fixtures.ts';
import { onStockArrived } from './on-stock-arrived.ts';

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

describeDb('sales reacts to planned needs and arrivals', (ctx) => {
  test('two short orders: plans move their expected dates, a receipt reserves A fully and B in part', async () => {
    const w = await salesWorld(ctx.db);
    const widget = await makeProduct(w.admin, { salePrice: '10' });
    const customer = await makeCustomer(w.sales);
    const today = await withTransaction(ctx.db, (tx) => companyToday(tx, w.company.id));
    const confirmNew = async (qty: string, requestedDate?: string) => {
      const draft = ok(
        await w.sales.post('/api/v1/sales-orders', {
          customerId: customer.id,
          lines: [{ productId: widget.id, qty }],
          ...(requestedDate ? { requestedDate } : {}),
        }),
        201,
      );
      return ok(await w.sales.post(`/api/v1/sales-orders/${draft.id}/confirm`, { version: draft.version }));
    };
    // Nothing in stock: A (6) is confirmed first, then B (5, wanted in 3 days).
    const a = await confirmNew('6');
    const b = await confirmNew('5', addDays(today, 3));
    assert.deepEqual(
      [a.lines[0].qtyReserved, a.lines[0].expectedDate, a.lines[0].plannedBy],
      ['0.0000', addDays(today, 7), null],
    );
    assert.deepEqual([b.lines[0].qtyReserved, b.lines[0].expectedDate], ['0.0000', addDays(today, 7)]);
    await drainOutbox(ctx.db);
    const notes = async () =>
      (
        await rows<{ kind: string; title: string; body: string }>(
          ctx.db.orm,
          sql`select kind, title, body from platform_notification
               where company_id = ${w.company.id} and user_id = ${w.salesUser.id}
                 and kind in ('sales.order.expected_date', 'sales.order.stock_reserved')
               order by created_at, id`,
        )
      ).map((n) => [n.kind, n.title, n.body]);
    assert.deepEqual(await notes(), [], 'confirmation’s own reservation tells nobody');

    // Purchasing plans both shortages: A's goods come in 20 days (PO-T-1); B's PO says tomorrow, but
    // B was wanted in 3 days, so 3 days it stays.
    const needs = await listNeeds(ctx.db.orm, w.company.id, { productId: widget.id });
    const needOf = (order: any) => needs.find((n) => n.originId === order.id)!;
    const planner = systemActor(w.company.id, 'purchasing');
    await withTransaction(ctx.db, async (tx) => {
      await markNeedPlanned(tx, planner, {
        needId: needOf(a).id,
        expectedDate: addDays(today, 20),
        plannedBy: { type: 'purchase_order', id: newId(), number: 'PO-T-1' },
      });
      await markNeedPlanned(tx, planner, {
        needId: needOf(b).id,
        expectedDate: addDays(today, 1),
        plannedBy: { type: 'purchase_order', id: newId(), number: 'PO-T-2' },
      });
    });
    await drainOutbox(ctx.db);
    let ra = ok(await w.sales.get(`/api/v1/sales-orders/${a.id}`));
    let rb = ok(await w.sales.get(`/api/v1/sales-orders/${b.id}`));
    assert.deepEqual([ra.lines[0].expectedDate, ra.lines[0].plannedBy], [addDays(today, 20), 'PO-T-1']);
    assert.deepEqual([rb.lines[0].expectedDate, rb.lines[0].plannedBy], [addDays(today, 3), 'PO-T-2']);
    assert.deepEqual(await notes(), [
      ['sales.order.expected_date', `${a.number}: Widget expected ${addDays(today, 20)} (PO-T-1)`, ''],
      ['sales.order.expected_date', `${b.number}: Widget expected ${addDays(today, 3)} (PO-T-2)`, ''],
    ]);

    // 8 arrive on a receipt: A (first) takes 6 and is ready to ship, B gets 2 and still lacks 3.
    const receipt = ok(
      await w.warehouse.post('/api/v1/receipts', {
        warehouseId: w.warehouseId,
        lines: [{ productId: widget.id, qty: '8', unitCost: '4' }],
      }),
      201,
    );
    ok(await w.warehouse.post(`/api/v1/receipts/${receipt.id}/validate`, { version: receipt.version }));
    await drainOutbox(ctx.db);
    ra = ok(await w.sales.get(`/api/v1/sales-orders/${a.id}`));
    rb = ok(await w.sales.get(`/api/v1/sales-orders/${b.id}`));
    assert.deepEqual([ra.lines[0].qtyReserved, ra.lines[0].expectedDate], ['6.0000', today]);
    assert.deepEqual([rb.lines[0].qtyReserved, rb.lines[0].expectedDate], ['2.0000', addDays(today, 3)]);
    assert.deepEqual(await stockOf(w.warehouse, w.warehouseId, widget.id), {
      onHand: 8,
      reserved: 8,
      available: 0,
    });
    assert.deepEqual((await notes()).slice(2), [
      ['sales.order.stock_reserved', `${a.number}: 6 × Widget reserved, ready to ship`, ''],
      ['sales.order.stock_reserved', `${b.number}: 2 × Widget reserved`, 'Still short: 3'],
    ]);
    const deliveryA = ok(await w.warehouse.get(`/api/v1/deliveries/${ra.deliveries[0].id}`));
    assert.equal(deliveryA.state, 'ready');
    await assertStockConsistent(w.warehouse);

    // The same arrival event handled again sets the same figure (it reads what inventory holds).
    const event = await one<Record<string, any>>(
      ctx.db.orm,
      sql`select * from platform_event where company_id = ${w.company.id} and type = 'stock.reserved'
            and aggregate_id = ${b.id} and payload->>'reason' = 'arrival'`,
    );
    await withTransaction(ctx.db, (tx) =>
      onStockArrived.handle(tx, {
        companyId: w.company.id,
        id: event!.id,
        seq: Number(event!.seq),
        type: event!.type,
        aggregateType: event!.aggregate_type,
        aggregateId: event!.aggregate_id,
        payloadVersion: 1,
        payload: event!.payload,
        actorUserId: null,
        createdAt: String(event!.created_at),
      }),
    );
    rb = ok(await w.sales.get(`/api/v1/sales-orders/${b.id}`));
    assert.equal(rb.lines[0].qtyReserved, '2.0000');

    // A ships: delivered, nothing reserved any more; B's plan is untouched by A's shipment.
    ok(await w.warehouse.post(`/api/v1/deliveries/${deliveryA.id}/ship`, { version: deliveryA.version }));
    await drainOutbox(ctx.db);
    ra = ok(await w.sales.get(`/api/v1/sales-orders/${a.id}`));
    assert.deepEqual(
      [ra.state, ra.lines[0].qtyDelivered, ra.lines[0].qtyReserved],
      ['delivered', '6.0000', '0.0000'],
    );
    assert.deepEqual(await stockOf(w.warehouse, w.warehouseId, widget.id), {
      onHand: 2,
      reserved: 2,
      available: 0,
    });
    await assertStockConsistent(w.warehouse);
  });
});
