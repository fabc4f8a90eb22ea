import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb } from '../../../../test/kit/index.ts';
import { one, rows, withTransaction } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { recordProcurementNeeds } from '../../inventory/index.ts';
import { makeWorld, ok } from '../fixtures.ts';
import { createProductionOrders } from './create-production-orders.ts';

describeDb('production orders from planning: needs marked planned, lots consumed', (ctx) => {
  test('an order for a need is planned back from the finish date and marks the need planned', async () => {
    const w = await makeWorld(ctx.db);
    const [bike, wheel] = [await w.product({ procureMethod: 'make' }), await w.product()];
    await w.bom({ productId: bike, leadTimeDays: 4, lines: [{ componentId: wheel, qty: '2' }] });
    const actor = await w.company.actor(w.company.admin);
    const salesOrderId = newId();
    await withTransaction(ctx.db, (tx) =>
      recordProcurementNeeds(tx, actor, [
        {
          productId: bike,
          warehouseId: w.warehouseId,
          qty: '3',
          neededBy: '2026-04-10',
          originType: 'sales_order',
          originId: salesOrderId,
          originLineId: newId(),
          originNumber: 'SO-TEST-1',
        },
      ]),
    );
    const need = await one<{ id: string }>(
      ctx.db.orm,
      sql`select id from inventory_procurement_need where company_id = ${w.company.id} and origin_id = ${salesOrderId}`,
    );
    const made = await withTransaction(ctx.db, (tx) =>
      createProductionOrders(tx, actor, [
        {
          productId: bike,
          warehouseId: w.warehouseId,
          qty: '3',
          plannedStart: null,
          plannedFinish: '2026-04-10',
          originType: 'sales_order',
          originId: salesOrderId,
          originNumber: 'SO-TEST-1',
          needId: need?.id,
        },
      ]),
    );
    assert.equal(made.length, 1);
    assert.deepEqual([made[0].productId, made[0].qty], [bike, '3.0000']);
    const mo = ok(await w.production.get(`/api/v1/production-orders/${made[0].id}`));
    assert.deepEqual(
      [mo.state, mo.plannedStart, mo.plannedFinish, mo.needId, mo.originNumber, mo.lines[0].qtyPlanned],
      ['planned', '2026-04-06', '2026-04-10', need?.id, 'SO-TEST-1', '6.0000'],
    );
    const [marked] = await rows<Record<string, string>>(
      ctx.db.orm,
      sql`select state, to_char(expected_date, 'YYYY-MM-DD') as expected, planned_by_type, planned_by_number
            from inventory_procurement_need where company_id = ${w.company.id} and id = ${need?.id}`,
    );
    assert.deepEqual(marked, {
      state: 'planned',
      expected: '2026-04-10',
      planned_by_type: 'production_order',
      planned_by_number: mo.number,
    });
  });

  test('consuming a named lot takes that lot, its reservation first', async () => {
    const w = await makeWorld(ctx.db);
    const [jam, berry] = [await w.product({ procureMethod: 'make' }), await w.product({ lotTracked: true })];
    await w.stock(berry, '3', '2', 'L1');
    await w.stock(berry, '5', '4', 'L2');
    await w.bom({ productId: jam, lines: [{ componentId: berry, qty: '1' }] });
    let mo = ok(await w.production.post('/api/v1/production-orders', { productId: jam, qty: '4' }), 201);
    for (const s of ['confirm', 'start'])
      mo = ok(await w.production.post(`/api/v1/production-orders/${mo.id}/${s}`, { version: mo.version }));
    mo = ok(
      await w.production.post(`/api/v1/production-orders/${mo.id}/consume`, {
        version: mo.version,
        lines: [{ lineId: mo.lines[0].id, qty: '4', lotNo: 'L2' }],
      }),
    );
    // Moving average over both lots: (6 + 20) / 8 = 3.25 per berry, 4 × 3.25 = 13.00.
    assert.deepEqual([mo.lines[0].qtyConsumed, mo.consumedValue], ['4.0000', '13.00']);
    const lots = await rows<{ lot_no: string; on_hand: string; reserved: string }>(
      ctx.db.orm,
      sql`select lot.lot_no, b.on_hand::text as on_hand, b.reserved::text as reserved
            from inventory_balance b join inventory_lot lot on lot.company_id = b.company_id and lot.id = b.lot_id
           where b.company_id = ${w.company.id} and b.product_id = ${berry} order by lot.lot_no`,
    );
    assert.deepEqual(
      lots.map((l) => [l.lot_no, l.on_hand, l.reserved]),
      [
        ['L1', '3.0000', '0.0000'],
        ['L2', '1.0000', '0.0000'],
      ],
    );
    mo = ok(
      await w.production.post(`/api/v1/production-orders/${mo.id}/produce`, {
        version: mo.version,
        qty: '4',
      }),
    );
    assert.deepEqual([mo.state, mo.producedValue], ['done', '13.00']);
    assert.deepEqual(ok(await w.admin.get('/api/v1/stock/consistency')).mismatches, []);
  });
});
