import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb } from '../../../../test/kit/index.ts';
import { one, rows, withTransaction } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { stockWorld } from '../picking/fixtures.ts';
import { listNeeds, markNeedPlanned, recordProcurementNeeds } from './needs.ts';

describeDb(
  'procurement needs: planned with an expected date and the document that brings the goods',
  (ctx) => {
    test('markNeedPlanned stores the date and planner, publishes procurement.planned; the old call shape still works', async () => {
      const w = await stockWorld(ctx.db);
      const widget = await w.product();
      const originId = newId();
      const [l1, l2] = [newId(), newId()];
      const need = (originLineId: string, qty: string) => ({
        productId: widget,
        warehouseId: w.wh.id,
        qty,
        neededBy: '2030-01-10',
        originType: 'sales_order',
        originId,
        originLineId,
        originNumber: 'SO-2030-00007',
      });
      await withTransaction(ctx.db, (tx) =>
        recordProcurementNeeds(tx, w.actor, [need(l1, '4'), need(l2, '2.5')]),
      );
      const open = await listNeeds(ctx.db.orm, w.company.id, { productId: widget });
      assert.deepEqual(
        open.map((n) => [n.originLineId, n.qty, n.expectedDate, n.plannedBy]),
        [
          [l1, '4.0000', null, null],
          [l2, '2.5000', null, null],
        ],
      );
      const poId = newId();
      await withTransaction(ctx.db, (tx) =>
        markNeedPlanned(tx, w.actor, {
          needId: open[0].id,
          expectedDate: '2030-01-20',
          plannedBy: { type: 'purchase_order', id: poId, number: 'PO-2030-00003' },
        }),
      );
      // The old shape: no date, no planner.
      await withTransaction(ctx.db, (tx) =>
        markNeedPlanned(tx, w.actor, { needId: open[1].id, qtyFilled: '2' }),
      );
      const planned = await listNeeds(ctx.db.orm, w.company.id, { productId: widget, state: 'planned' });
      assert.deepEqual(
        planned.map((n) => [n.originLineId, n.qtyFilled, n.expectedDate, n.plannedBy]),
        [
          [l1, '4.0000', '2030-01-20', { type: 'purchase_order', id: poId, number: 'PO-2030-00003' }],
          [l2, '2.0000', null, null],
        ],
      );
      const events = await rows<{ aggregate_id: string; payload: any }>(
        ctx.db.orm,
        sql`select aggregate_id, payload from platform_event
           where company_id = ${w.company.id} and type = 'procurement.planned' order by seq`,
      );
      assert.deepEqual(
        events.map((e) => e.payload),
        [
          {
            needId: open[0].id,
            productId: widget,
            warehouseId: w.wh.id,
            qty: '4.0000',
            originType: 'sales_order',
            originId,
            originLineId: l1,
            originNumber: 'SO-2030-00007',
            expectedDate: '2030-01-20',
            plannedBy: { type: 'purchase_order', id: poId, number: 'PO-2030-00003' },
          },
          {
            needId: open[1].id,
            productId: widget,
            warehouseId: w.wh.id,
            qty: '2.0000',
            originType: 'sales_order',
            originId,
            originLineId: l2,
            originNumber: 'SO-2030-00007',
            expectedDate: null,
            plannedBy: null,
          },
        ],
      );
      // Planned needs are no longer open: 409; a malformed date is refused (422) and changes nothing.
      await assert.rejects(
        withTransaction(ctx.db, (tx) => markNeedPlanned(tx, w.actor, { needId: open[0].id })),
        (e: any) => e.code === 'inventory.need_not_open' && e.status === 409,
      );
      await withTransaction(ctx.db, (tx) => recordProcurementNeeds(tx, w.actor, [need(newId(), '1')]));
      const third = (await listNeeds(ctx.db.orm, w.company.id, { productId: widget }))[0];
      await assert.rejects(
        withTransaction(ctx.db, (tx) =>
          markNeedPlanned(tx, w.actor, { needId: third.id, expectedDate: '20.01.2030' }),
        ),
        (e: any) => e.code === 'inventory.date_invalid' && e.status === 422,
      );
      const still = await one<{ state: string }>(
        ctx.db.orm,
        sql`select state from inventory_procurement_need where company_id = ${w.company.id} and id = ${third.id}`,
      );
      assert.equal(still?.state, 'open');
      // The list route shows the plan.
      const res = await w.admin.get(`/api/v1/procurement-needs?state=planned&productId=${widget}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.items[0].expectedDate, '2030-01-20');
      assert.equal(res.body.items[0].plannedBy.number, 'PO-2030-00003');
    });
  },
);
