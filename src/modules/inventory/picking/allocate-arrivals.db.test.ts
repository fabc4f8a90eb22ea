import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb } from '../../../../test/kit/index.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { rows, withTransaction } from '../../../platform/db/tx.ts';
import { allocateArrivals } from './allocate-arrivals.ts';
import { stockWorld } from './fixtures.ts';

/** Active reservations per origin line of a product: [origin line, qty]. */
async function heldPerLine(db: Db, companyId: string, productId: string) {
  const found = await rows<{ origin_line_id: string; qty: string }>(
    db.orm,
    sql`select origin_line_id, sum(qty)::text as qty from inventory_reservation
         where company_id = ${companyId} and product_id = ${productId} and state = 'active'
         group by origin_line_id`,
  );
  return new Map(found.map((r) => [r.origin_line_id, r.qty]));
}

async function arrivalEvents(db: Db, companyId: string) {
  const found = await rows<{ payload: any }>(
    db.orm,
    sql`select payload from platform_event
         where company_id = ${companyId} and type = 'stock.reserved' and payload->>'reason' = 'arrival'
         order by seq`,
  );
  return found.map((e) => e.payload);
}

describeDb('arrivals reserve waiting deliveries first come, first served', (ctx) => {
  test('a receipt covers the older order fully and the younger one in part; the next covers the rest', async () => {
    const w = await stockWorld(ctx.db);
    const widget = await w.product();
    // Nothing in stock: both deliveries wait (A confirmed first, then B); C is cancelled before goods come.
    const a = await w.deliver([{ productId: widget, qty: '6' }]);
    const b = await w.deliver([{ productId: widget, qty: '5' }]);
    const c = await w.deliver([{ productId: widget, qty: '4' }]);
    assert.deepEqual([a.state, b.state, c.state], ['waiting', 'waiting', 'waiting']);
    const cancelled = await w.admin.post(`/api/v1/deliveries/${c.id}/cancel`, { version: 1 });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));

    // 8 arrive: A takes its 6, B the 2 left.
    await w.receive([{ productId: widget, qty: '8', unitCost: '3' }]);
    let held = await heldPerLine(ctx.db, w.company.id, widget);
    assert.equal(held.get(a.lines[0].originLineId), '6.0000');
    assert.equal(held.get(b.lines[0].originLineId), '2.0000');
    assert.equal(held.get(c.lines[0].originLineId), undefined);
    assert.deepEqual(
      (await w.stockOf(widget)).map((s) => [s.location_id, s.on_hand, s.reserved]),
      [[w.locs.stock, '8.0000', '8.0000']],
    );
    const da = (await w.admin.get(`/api/v1/deliveries/${a.id}`)).body;
    const db = (await w.admin.get(`/api/v1/deliveries/${b.id}`)).body;
    assert.deepEqual([da.state, da.lines[0].reservedQty], ['ready', '6.0000']);
    assert.deepEqual([db.state, db.lines[0].reservedQty], ['waiting', '2.0000']);
    let events = await arrivalEvents(ctx.db, w.company.id);
    assert.deepEqual(
      events.map((e) => [e.originId, e.warehouseId, e.customerId, e.lines]),
      [
        [
          a.originId,
          w.wh.id,
          w.customerId,
          [{ originLineId: a.lines[0].originLineId, productId: widget, reserved: '6.0000', short: '0.0000' }],
        ],
        [
          b.originId,
          w.wh.id,
          w.customerId,
          [{ originLineId: b.lines[0].originLineId, productId: widget, reserved: '2.0000', short: '3.0000' }],
        ],
      ],
    );
    await w.consistent('first arrival');

    // 5 more: B takes the 3 it still lacks and is ready; 2 stay free.
    await w.receive([{ productId: widget, qty: '5', unitCost: '3' }]);
    held = await heldPerLine(ctx.db, w.company.id, widget);
    assert.equal(held.get(a.lines[0].originLineId), '6.0000');
    assert.equal(held.get(b.lines[0].originLineId), '5.0000');
    assert.deepEqual(
      (await w.stockOf(widget)).map((s) => [s.on_hand, s.reserved]),
      [['13.0000', '11.0000']],
    );
    assert.equal((await w.admin.get(`/api/v1/deliveries/${b.id}`)).body.state, 'ready');
    events = await arrivalEvents(ctx.db, w.company.id);
    assert.equal(events.length, 3);
    assert.deepEqual(events[2].lines, [
      { originLineId: b.lines[0].originLineId, productId: widget, reserved: '3.0000', short: '0.0000' },
    ]);
    // Nothing waits any more: a further call reserves nothing and says nothing.
    await withTransaction(ctx.db, (tx) =>
      allocateArrivals(tx, w.actor, { warehouseId: w.wh.id, productIds: [widget] }),
    );
    assert.equal((await arrivalEvents(ctx.db, w.company.id)).length, 3);
    await w.consistent('second arrival');

    // B ships what it holds; the reservation taken at arrival is what leaves.
    const ship = await w.admin.post(`/api/v1/deliveries/${b.id}/ship`, {
      version: (await w.admin.get(`/api/v1/deliveries/${b.id}`)).body.version,
    });
    assert.equal(ship.status, 200, JSON.stringify(ship.body));
    assert.deepEqual(
      (await w.stockOf(widget)).map((s) => [s.on_hand, s.reserved]),
      [['8.0000', '6.0000']],
    );
    await w.consistent('shipment of the arrival');
  });

  test('a backorder keeps its order’s place; lots are reserved first expiry first', async () => {
    const w = await stockWorld(ctx.db);
    const milk = await w.product({ lotTracked: true, expiryTracked: true });
    await w.receive([{ productId: milk, qty: '3', unitCost: '2', lotNo: 'L0', expiryDate: '2030-03-31' }]);
    const a = await w.deliver([{ productId: milk, qty: '5' }]); // 3 reserved, 2 short
    const b = await w.deliver([{ productId: milk, qty: '2' }]); // all short
    // A ships its 3: the backorder (created after B) still comes first.
    const shipped = await w.admin.post(`/api/v1/deliveries/${a.id}/ship`, { version: 1 });
    assert.equal(shipped.status, 200, JSON.stringify(shipped.body));
    const backorder = shipped.body.backorderId as string;
    await w.receive([
      { productId: milk, qty: '2', unitCost: '2', lotNo: 'LATE', expiryDate: '2031-01-31' },
      { productId: milk, qty: '1', unitCost: '2', lotNo: 'EARLY', expiryDate: '2030-06-30' },
    ]);
    const lots = await rows<{ origin_line_id: string; lot_no: string; qty: string }>(
      ctx.db.orm,
      sql`select r.origin_line_id, lot.lot_no, r.qty::text as qty
            from inventory_reservation r
            join inventory_balance bal on bal.company_id = r.company_id and bal.id = r.balance_id
            join inventory_lot lot on lot.company_id = bal.company_id and lot.id = bal.lot_id
           where r.company_id = ${w.company.id} and r.product_id = ${milk} and r.state = 'active'
           order by lot.expiry_date`,
    );
    assert.deepEqual(
      lots.map((l) => [l.origin_line_id, l.lot_no, l.qty]),
      [
        [a.lines[0].originLineId, 'EARLY', '1.0000'],
        [a.lines[0].originLineId, 'LATE', '1.0000'],
        [b.lines[0].originLineId, 'LATE', '1.0000'],
      ],
    );
    const bo = (await w.admin.get(`/api/v1/deliveries/${backorder}`)).body;
    assert.deepEqual([bo.state, bo.lines[0].reservedQty], ['ready', '2.0000']);
    await w.consistent('lots');
  });
});
