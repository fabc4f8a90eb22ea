import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb } from '../../../../test/kit/index.ts';
import { one, rows } from '../../../platform/db/tx.ts';
import { stockWorld } from './fixtures.ts';

describeDb('deliveries and receipts with lots: FEFO, chosen lots, partial receipts', (ctx) => {
  test('reservations and the pick list follow FEFO; the packer may ship another lot instead', async () => {
    const w = await stockWorld(ctx.db);
    const milk = await w.product({ lotTracked: true, expiryTracked: true });
    await w.receive([
      { productId: milk, qty: '5', unitCost: '2', lotNo: 'LATE', expiryDate: '2031-06-30' },
      { productId: milk, qty: '4', unitCost: '2', lotNo: 'EARLY', expiryDate: '2030-01-31' },
      { productId: milk, qty: '6', unitCost: '2', lotNo: 'MID', expiryDate: '2030-09-30' },
    ]);
    const d = await w.deliver([{ productId: milk, qty: '7' }]);
    const picked = await w.admin.post(`/api/v1/deliveries/${d.id}/pick`, { version: 1 });
    assert.equal(picked.status, 200, JSON.stringify(picked.body));
    const line = picked.body.lines[0];
    assert.deepEqual(
      line.lots.map((l: any) => [l.lotNo, l.qty]),
      [
        ['EARLY', '4.0000'],
        ['MID', '3.0000'],
      ],
    );
    assert.equal(line.lotNo, 'EARLY');
    assert.equal(line.expiryDate, '2030-01-31');

    // The packer takes 3 from LATE (a chosen lot) and ships 4 by FEFO: LATE's 3 are not reserved,
    // so the line's reservation on EARLY/MID shrinks to what is still needed.
    const shipLate = await w.admin.post(`/api/v1/deliveries/${d.id}/ship`, {
      version: picked.body.version,
      lines: [{ lineId: line.id, qty: '3', lotNo: 'LATE' }],
    });
    assert.equal(shipLate.status, 200, JSON.stringify(shipLate.body));
    await w.consistent('ship chosen lot');
    const back = (await w.admin.get(`/api/v1/deliveries/${shipLate.body.backorderId}`)).body;
    assert.equal(back.lines[0].qty, '4.0000');
    assert.equal(back.lines[0].reservedQty, '4.0000');
    assert.equal(back.state, 'ready');
    const lots = await rows<{ lot_no: string; on_hand: string; reserved: string }>(
      ctx.db.orm,
      sql`select lot.lot_no, b.on_hand::text as on_hand, b.reserved::text as reserved
            from inventory_balance b join inventory_lot lot on lot.company_id = b.company_id and lot.id = b.lot_id
           where b.company_id = ${w.company.id} and b.product_id = ${milk} order by lot.expiry_date`,
    );
    assert.deepEqual(
      lots.map((l) => [l.lot_no, l.on_hand, l.reserved]),
      [
        ['EARLY', '4.0000', '4.0000'],
        ['MID', '6.0000', '0.0000'],
        ['LATE', '2.0000', '0.0000'],
      ],
    );
    const unknownLot = await w.admin.post(`/api/v1/deliveries/${back.id}/ship`, {
      version: back.version,
      lines: [{ lineId: back.lines[0].id, qty: '1', lotNo: 'NOPE' }],
    });
    assert.equal(unknownLot.status, 422);
    assert.equal(unknownLot.body.error.code, 'inventory.lot_unknown');
    const rest = await w.admin.post(`/api/v1/deliveries/${back.id}/ship`, { version: back.version });
    assert.equal(rest.status, 200);
    const moved = await rows<{ lot_no: string; qty: string }>(
      ctx.db.orm,
      sql`select lot.lot_no, m.qty::text as qty from inventory_move m
            join inventory_lot lot on lot.company_id = m.company_id and lot.id = m.lot_id
           where m.company_id = ${w.company.id} and m.picking_id = ${back.id}`,
    );
    assert.deepEqual(
      moved.map((m) => [m.lot_no, m.qty]),
      [['EARLY', '4.0000']],
    );
    await w.consistent('ship FEFO rest');
    const page = String((await w.admin.get(`/api/v1/deliveries/${d.id}/print?lang=en`)).body);
    assert.match(page, /LATE/);
  });

  test('a lot of a product without lots is refused; a lot-tracked receipt needs a lot number', async () => {
    const w = await stockWorld(ctx.db);
    const plain = await w.product();
    const lotted = await w.product({ lotTracked: true });
    await w.receive([{ productId: plain, qty: '3', unitCost: '1' }]);
    const r = await w.admin.post('/api/v1/receipts', {
      warehouseId: w.wh.id,
      lines: [{ productId: lotted, qty: '3', unitCost: '1' }],
    });
    assert.equal(r.status, 201);
    const noLot = await w.admin.post(`/api/v1/receipts/${r.body.id}/validate`, { version: r.body.version });
    assert.equal(noLot.status, 422);
    assert.equal(noLot.body.error.code, 'inventory.lot_required');
    const d = await w.deliver([{ productId: plain, qty: '3' }]);
    const got = (await w.admin.get(`/api/v1/deliveries/${d.id}`)).body;
    const bad = await w.admin.post(`/api/v1/deliveries/${d.id}/ship`, {
      version: got.version,
      lines: [{ lineId: got.lines[0].id, qty: '1', lotNo: 'X' }],
    });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.error.code, 'inventory.lot_not_tracked');
  });

  test('a partial receipt opens a backorder receipt; open receipts are incoming stock', async () => {
    const w = await stockWorld(ctx.db);
    const a = await w.product();
    const r = await w.admin.post('/api/v1/receipts', {
      warehouseId: w.wh.id,
      scheduledDate: '2030-05-01',
      lines: [{ productId: a, qty: '10', unitCost: '3.333333' }],
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.state, 'draft');
    const v = await w.admin.post(`/api/v1/receipts/${r.body.id}/validate`, {
      version: r.body.version,
      lines: [{ lineId: r.body.lines[0].id, qty: '4' }],
    });
    assert.equal(v.status, 200, JSON.stringify(v.body));
    assert.ok(v.body.backorderId);
    const back = (await w.admin.get(`/api/v1/receipts/${v.body.backorderId}`)).body;
    assert.deepEqual(
      [back.state, back.lines[0].qty, back.lines[0].unitCost, back.scheduledDate],
      ['draft', '6.0000', '3.333333', '2030-05-01'],
    );
    const move = await one<{ unit_cost: string; value: string }>(
      ctx.db.orm,
      sql`select unit_cost::text, value::text from inventory_move where company_id = ${w.company.id} and product_id = ${a}`,
    );
    assert.deepEqual([move?.unit_cost, move?.value], ['3.333333', '13.33'], 'received at the line cost');
    const event = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from platform_event where company_id = ${w.company.id} and type = 'receipt.done'`,
    );
    assert.equal(event?.n, 1);
    const cancelled = await w.admin.post(`/api/v1/receipts/${back.id}/cancel`, { version: back.version });
    assert.equal(cancelled.body.state, 'cancelled');
    assert.equal(
      (await w.admin.post(`/api/v1/receipts/${back.id}/validate`, { version: cancelled.body.version }))
        .status,
      422,
    );
    await w.consistent('receipts');
  });
});
