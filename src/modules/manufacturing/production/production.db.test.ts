import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, newCompany, signedIn } from '../../../../test/kit/index.ts';
import { rows, withTransaction } from '../../../platform/db/tx.ts';
import { makeWorld, ok, refused } from '../fixtures.ts';
import { openProductionDemand, openProductionSupply } from './supply.ts';

describeDb(
  'production orders: reserve, start, consume, produce, scrap, finish — stock, cost and ledger',
  (ctx) => {
    test('10 frames: components reserved, consumed in two steps, output valued at actual cost, ledger booked', async () => {
      const w = await makeWorld(ctx.db);
      const [frame, tube, paint] = [
        await w.product({ procureMethod: 'make' }),
        await w.product(),
        await w.product(),
      ];
      await w.stock(tube, '30', '5'); // 150.00
      await w.stock(paint, '10', '10'); // 100.00
      // Per frame: 2 tubes, 0.5 l paint + 20% scrap = 0.6 l; labour 3 + overhead 1 per frame.
      await w.bom({
        productId: frame,
        labourCostPerUnit: '3',
        overheadCostPerUnit: '1',
        leadTimeDays: 3,
        lines: [
          { componentId: tube, qty: '2' },
          { componentId: paint, qty: '0.5', scrapPct: '20' },
        ],
      });
      // A company made before manufacturing has no production account: the first booking adopts the template's.
      await withTransaction(ctx.db, (tx) =>
        tx.execute(
          sql`delete from accounting_account where company_id = ${w.company.id} and role = 'production'`,
        ),
      );

      let mo = ok(
        await w.production.post('/api/v1/production-orders', {
          productId: frame,
          qty: '10',
          plannedStart: '2026-03-02',
        }),
        201,
      );
      assert.match(mo.number, /^MO-\d{4}-00001$/);
      assert.deepEqual([mo.state, mo.plannedStart, mo.plannedFinish], ['draft', '2026-03-02', '2026-03-05']);
      assert.deepEqual(
        mo.lines.map((l: any) => [l.productId, l.qtyPlanned]),
        [
          [tube, '20.0000'],
          [paint, '6.0000'],
        ],
      );
      const [tubeLine, paintLine] = mo.lines.map((l: any) => l.id);
      const step = async (path: string, body: object = {}) => {
        mo = ok(
          await w.production.post(`/api/v1/production-orders/${mo.id}/${path}`, {
            version: mo.version,
            ...body,
          }),
        );
        return mo;
      };

      await step('confirm');
      assert.deepEqual(
        mo.lines.map((l: any) => l.qtyReserved),
        ['20.0000', '6.0000'],
      );
      assert.deepEqual(await w.balance(tube), { onHand: '30.0000', reserved: '20.0000' });
      // Output of open orders is incoming supply on the planned finish; the components not reserved are demand.
      assert.deepEqual(
        (await openProductionSupply(ctx.db.orm, w.company.id)).map((s) => [s.productId, s.date, s.qty]),
        [[frame, '2026-03-05', '10.0000']],
      );
      assert.deepEqual(await openProductionDemand(ctx.db.orm, w.company.id), []);
      refused(
        await w.production.post(`/api/v1/production-orders/${mo.id}/consume`, {
          version: mo.version,
          lines: [{ lineId: tubeLine, qty: '1' }],
        }),
        422,
        'manufacturing.production_state',
      );
      await step('start');
      assert.equal(mo.state, 'in_progress');

      // First step: 12 tubes (60.00) and 4 l paint (40.00) into WIP; 4 frames out.
      await step('consume', {
        lines: [
          { lineId: tubeLine, qty: '12' },
          { lineId: paintLine, qty: '4' },
        ],
      });
      assert.equal(mo.consumedValue, '100.00');
      // A frame takes 2 tubes at 5.00 + 0.6 l paint at 10.00 = 16.00 of components, + 4.00 labour and
      // overhead: 4 frames release 64.00 of the WIP and come in at 80.00, 20.00 each.
      await step('produce', { qty: '4' });
      assert.deepEqual([mo.qtyProduced, mo.releasedValue, mo.producedValue], ['4.0000', '64.00', '80.00']);
      assert.deepEqual(
        mo.outputs.map((o: any) => [o.kind, o.qty, o.unitCost, o.value]),
        [['produced', '4.0000', '20.000000', '80.00']],
      );
      // The rest: 8 tubes (40.00) and 2.5 l paint, half a litre more than planned (25.00); one frame scrapped.
      await step('consume', {
        lines: [
          { lineId: tubeLine, qty: '8' },
          { lineId: paintLine, qty: '2.5' },
        ],
      });
      assert.equal(mo.consumedValue, '165.00');
      await step('scrap', { qty: '1', reason: 'bent in the jig' });
      assert.equal(mo.state, 'in_progress');
      // 4 produced + 1 scrapped + 5 = 10: the last step takes all WIP left, 165.00 − 64.00 = 101.00 (5 frames'
      // 80.00, the scrapped frame's 16.00 and the extra paint's 5.00), + 5 × 4.00 = 121.00, 24.20 each.
      await step('produce', { qty: '5' });
      assert.equal(mo.state, 'done');
      assert.deepEqual(
        mo.outputs.map((o: any) => [o.kind, o.qty, o.unitCost, o.value]),
        [
          ['produced', '4.0000', '20.000000', '80.00'],
          ['scrapped', '1.0000', '0.000000', '0.00'],
          ['produced', '5.0000', '24.200000', '121.00'],
        ],
      );
      assert.deepEqual(
        mo.lines.map((l: any) => [l.qtyConsumed, l.consumedValue, l.qtyReserved]),
        [
          ['20.0000', '100.00', '0.0000'],
          ['6.5000', '65.00', '0.0000'],
        ],
      );

      // Stock: tubes 30 − 20, paint 10 − 6.5, frames 9 worth 201.00 (average 22.333333).
      assert.deepEqual(await w.balance(tube), { onHand: '10.0000', reserved: '0.0000' });
      assert.deepEqual(await w.balance(paint), { onHand: '3.5000', reserved: '0.0000' });
      assert.deepEqual(await w.balance(frame), { onHand: '9.0000', reserved: '0.0000' });
      const [cost] = await rows<{ qty: string; value: string; avg: string }>(
        ctx.db.orm,
        sql`select qty::text as qty, value::text as value, avg_cost::text as avg from inventory_cost
           where company_id = ${w.company.id} and product_id = ${frame}`,
      );
      assert.deepEqual(cost, { qty: '9.0000', value: '201.00', avg: '22.333333' });

      // Ledger (IFRS chart, English company): WIP 1210 (re-created by role), inventory 1200.
      assert.deepEqual(
        await w.ledger([
          'manufacturing.production_consume',
          'manufacturing.production_produce',
          'manufacturing.production_write_off',
        ]),
        [
          '1210 100.00 0.00',
          '1200 0.00 100.00',
          '1200 80.00 0.00',
          '1210 0.00 80.00',
          '1210 65.00 0.00',
          '1200 0.00 65.00',
          '1200 121.00 0.00',
          '1210 0.00 121.00',
        ],
      );
      const events = await rows<{ type: string }>(
        ctx.db.orm,
        sql`select type from platform_event where company_id = ${w.company.id} and type like 'production_order.%' order by id`,
      );
      assert.deepEqual(
        events.map((e) => e.type),
        ['production_order.confirmed', 'production_order.started', 'production_order.done'],
      );
      assert.deepEqual(await openProductionSupply(ctx.db.orm, w.company.id), []);
      const consistency = ok(await w.admin.get('/api/v1/stock/consistency'));
      assert.deepEqual(consistency.mismatches, []);
    });

    test('cancel releases reservations; backflush and finish early; WIP left is written off', async () => {
      const w = await makeWorld(ctx.db);
      const [kit, part] = [await w.product({ procureMethod: 'make' }), await w.product()];
      await w.stock(part, '5', '3');
      await w.bom({ productId: kit, lines: [{ componentId: part, qty: '2' }] });
      const create = async (qty: string) =>
        ok(await w.production.post('/api/v1/production-orders', { productId: kit, qty }), 201);
      // 4 kits need 8 parts; only 5 are there: 5 reserved, 3 short (demand for MRP).
      let a = await create('4');
      a = ok(await w.production.post(`/api/v1/production-orders/${a.id}/confirm`, { version: a.version }));
      assert.equal(a.lines[0].qtyReserved, '5.0000');
      assert.deepEqual(
        (await openProductionDemand(ctx.db.orm, w.company.id)).map((d) => [d.productId, d.qty]),
        [[part, '3.0000']],
      );
      a = ok(await w.production.post(`/api/v1/production-orders/${a.id}/cancel`, { version: a.version }));
      assert.equal(a.state, 'cancelled');
      assert.deepEqual(await w.balance(part), { onHand: '5.0000', reserved: '0.0000' });

      // 2 kits: produce 1 with backflush (2 parts, 6.00), then finish early after consuming 1 part more (3.00).
      let b = await create('2');
      for (const s of ['confirm', 'start'])
        b = ok(await w.production.post(`/api/v1/production-orders/${b.id}/${s}`, { version: b.version }));
      b = ok(
        await w.production.post(`/api/v1/production-orders/${b.id}/produce`, {
          version: b.version,
          qty: '1',
          backflush: true,
        }),
      );
      assert.deepEqual([b.lines[0].qtyConsumed, b.producedValue, b.state], ['2.0000', '6.00', 'in_progress']);
      b = ok(
        await w.production.post(`/api/v1/production-orders/${b.id}/consume`, {
          version: b.version,
          lines: [{ lineId: b.lines[0].id, qty: '1' }],
        }),
      );
      refused(
        await w.production.post(`/api/v1/production-orders/${b.id}/cancel`, { version: b.version }),
        422,
        'manufacturing.production_started',
      );
      b = ok(await w.production.post(`/api/v1/production-orders/${b.id}/finish`, { version: b.version }));
      assert.deepEqual([b.state, b.consumedValue, b.releasedValue], ['done', '9.00', '9.00']);
      // 5 − 3 consumed = 2 parts, the 1 reserved for the second kit released.
      assert.deepEqual(await w.balance(part), { onHand: '2.0000', reserved: '0.0000' });
      assert.deepEqual(await w.ledger(['manufacturing.production_write_off']), [
        '5100 3.00 0.00',
        '1210 0.00 3.00',
      ]);
    });

    test("company scope and permissions: another company's order is 404; sales may not make orders", async () => {
      const w = await makeWorld(ctx.db);
      const [p, c] = [await w.product(), await w.product()];
      await w.bom({ productId: p, lines: [{ componentId: c, qty: '1' }] });
      const mo = ok(await w.production.post('/api/v1/production-orders', { productId: p, qty: '1' }), 201);
      const stranger = await signedIn(ctx.db, (await newCompany(ctx.db)).admin);
      refused(await stranger.get(`/api/v1/production-orders/${mo.id}`), 404, 'not_found');
      refused(
        await stranger.post(`/api/v1/production-orders/${mo.id}/confirm`, { version: mo.version }),
        404,
      );
      const sales = await signedIn(ctx.db, await w.company.user('sales'));
      refused(await sales.post('/api/v1/production-orders', { productId: p, qty: '1' }), 403, 'forbidden');
      refused(await sales.get('/api/v1/production-orders'), 403, 'forbidden');
      // No BOM, no order.
      refused(
        await w.production.post('/api/v1/production-orders', { productId: c, qty: '1' }),
        422,
        'manufacturing.bom_missing',
      );
      refused(
        await w.production.post(`/api/v1/production-orders/${mo.id}/confirm`, { version: mo.version + 1 }),
        409,
      );
    });
  },
);
