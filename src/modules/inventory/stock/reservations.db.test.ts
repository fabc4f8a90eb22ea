import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, newCompany, testDbUrl } from '../../../../test/kit/index.ts';
import { type Db, openPostgres } from '../../../platform/db/connect.ts';
import { one, rows, withTransaction } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { defaultWarehouse } from '../warehouse/default-warehouse.ts';
import { virtualLocation, warehouseLocations } from '../warehouse/locations.ts';
import { applyMoves, type MoveInput } from './apply-moves.ts';
import { checkStockConsistency } from './consistency.ts';
import { makeProduct } from './fixtures.ts';
import { releaseReservations, reserveStock, takeReserved } from './reservations.ts';

async function setup(db: Db) {
  const company = await newCompany(db);
  const actor = await company.actor(company.admin);
  const wh = await withTransaction(db, (tx) => defaultWarehouse(tx, company.id));
  const locs = await withTransaction(db, (tx) => warehouseLocations(tx, company.id, wh.id));
  const supplier = await withTransaction(db, (tx) => virtualLocation(tx, company.id, 'supplier'));
  const customer = await withTransaction(db, (tx) => virtualLocation(tx, company.id, 'customer'));
  const move = (moves: MoveInput[]) => withTransaction(db, (tx) => applyMoves(tx, actor, moves));
  const receive = (productId: string, qty: string, extra: Partial<MoveInput> = {}) =>
    move([
      {
        kind: 'receipt',
        productId,
        fromLocationId: supplier,
        toLocationId: locs.stock,
        qty,
        unitCost: '2',
        ...extra,
      },
    ]);
  return { company, actor, wh, locs, supplier, customer, move, receive };
}

async function reservedOn(db: Db, companyId: string, productId: string) {
  const r = await one<{ on_hand: string; reserved: string }>(
    db.orm,
    sql`select sum(on_hand)::text as on_hand, sum(reserved)::text as reserved from inventory_balance
         where company_id = ${companyId} and product_id = ${productId}`,
  );
  return { onHand: Number(r?.on_hand), reserved: Number(r?.reserved) };
}

describeDb('reservations: reserve, release, take, FEFO, no overselling', (ctx) => {
  test('reserve what is available, the rest is short; services in full; release per line or all', async () => {
    const { company, actor, wh, receive } = await setup(ctx.db);
    const p = await makeProduct(ctx.db, company.id);
    const service = await makeProduct(ctx.db, company.id, { kind: 'service' });
    await receive(p, '10');
    const orderId = newId();
    const [l1, l2, l3] = [newId(), newId(), newId()];
    const result = await withTransaction(ctx.db, (tx) =>
      reserveStock(tx, actor, {
        originType: 'sales_order',
        originId: orderId,
        originNumber: 'SO-1',
        lines: [
          { originLineId: l1, productId: p, warehouseId: wh.id, qty: '4' },
          { originLineId: l2, productId: p, warehouseId: wh.id, qty: '8' },
          { originLineId: l3, productId: service, warehouseId: wh.id, qty: '3' },
        ],
      }),
    );
    assert.deepEqual(result, [
      { originLineId: l1, reserved: '4.0000', short: '0.0000' },
      { originLineId: l2, reserved: '6.0000', short: '2.0000' },
      { originLineId: l3, reserved: '3.0000', short: '0.0000' },
    ]);
    assert.deepEqual(await reservedOn(ctx.db, company.id, p), { onHand: 10, reserved: 10 });
    const events = await rows<{ payload: any }>(
      ctx.db.orm,
      sql`select payload from platform_event where company_id = ${company.id} and type = 'stock.reserved'`,
    );
    assert.equal(events.length, 1);
    assert.equal(events[0].payload.originNumber, 'SO-1');
    await withTransaction(ctx.db, (tx) =>
      releaseReservations(tx, actor, { originType: 'sales_order', originId: orderId, originLineIds: [l2] }),
    );
    assert.deepEqual(await reservedOn(ctx.db, company.id, p), { onHand: 10, reserved: 4 });
    assert.deepEqual(await checkStockConsistency(ctx.db.orm, company.id), []);
    await withTransaction(ctx.db, (tx) =>
      releaseReservations(tx, actor, { originType: 'sales_order', originId: orderId }),
    );
    assert.deepEqual(await reservedOn(ctx.db, company.id, p), { onHand: 10, reserved: 0 });
    assert.deepEqual(await checkStockConsistency(ctx.db.orm, company.id), []);
  });

  test('FEFO: the lot expiring first is reserved and taken first; shipping reserved stock keeps the ledger consistent', async () => {
    const { company, actor, wh, locs, customer, move, receive } = await setup(ctx.db);
    const tea = await makeProduct(ctx.db, company.id, { lotTracked: true, expiryTracked: true });
    await receive(tea, '5', { lotNo: 'LATE', expiryDate: '2027-03-01' });
    await receive(tea, '5', { lotNo: 'EARLY', expiryDate: '2026-12-01' });
    await assert.rejects(
      receive(tea, '1', { lotNo: 'NOEXP' }),
      (e: any) => e.code === 'inventory.expiry_required',
    );
    const line = newId();
    const [r] = await withTransaction(ctx.db, (tx) =>
      reserveStock(tx, actor, {
        originType: 'sales_order',
        originId: newId(),
        originNumber: 'SO-2',
        lines: [{ originLineId: line, productId: tea, warehouseId: wh.id, qty: '7' }],
      }),
    );
    assert.equal(r.reserved, '7.0000');
    const held = await rows<{ lot_no: string; qty: string }>(
      ctx.db.orm,
      sql`select lot.lot_no, r.qty::text from inventory_reservation r
            join inventory_balance b on b.company_id = r.company_id and b.id = r.balance_id
            join inventory_lot lot on lot.company_id = b.company_id and lot.id = b.lot_id
           where r.company_id = ${company.id} and r.state = 'active' order by lot.expiry_date`,
    );
    assert.deepEqual(
      held.map((h) => [h.lot_no, Number(h.qty)]),
      [
        ['EARLY', 5],
        ['LATE', 2],
      ],
    );
    await withTransaction(ctx.db, async (tx) => {
      const taken = await takeReserved(tx, actor, { originLineId: line, qty: '6' });
      assert.deepEqual(
        taken.map((t) => [t.locationId, t.qty]),
        [
          [locs.stock, '5.0000'],
          [locs.stock, '1.0000'],
        ],
      );
      await applyMoves(
        tx,
        actor,
        taken.map((t) => ({
          kind: 'delivery' as const,
          productId: tea,
          fromLocationId: t.locationId,
          toLocationId: customer,
          qty: t.qty,
          lotId: t.lotId,
          fromReserved: true,
        })),
      );
    });
    assert.deepEqual(await reservedOn(ctx.db, company.id, tea), { onHand: 4, reserved: 1 });
    assert.deepEqual(await checkStockConsistency(ctx.db.orm, company.id), []);
    // What is reserved for another line cannot be shipped as free stock.
    await assert.rejects(
      move([
        {
          kind: 'delivery',
          productId: tea,
          fromLocationId: locs.stock,
          toLocationId: customer,
          qty: '4',
          lotNo: 'LATE',
        },
      ]),
      (e: any) => e.code === 'inventory.insufficient_stock' && e.details.available === '3.0000',
    );
  });

  test('50 concurrent reservations of 1 unit against 10 available: exactly 10 reserved, never negative', async () => {
    if (ctx.kind !== 'postgres') {
      console.log(
        'skipped on PGlite: one connection serialises every transaction, so there is no concurrency to test',
      );
      return;
    }
    const { company, actor, wh, receive } = await setup(ctx.db);
    const p = await makeProduct(ctx.db, company.id);
    await receive(p, '10');
    const pool = await openPostgres(await testDbUrl(), 50);
    try {
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          withTransaction(pool, (tx) =>
            reserveStock(tx, actor, {
              originType: 'sales_order',
              originId: newId(),
              originNumber: `SO-C${i}`,
              lines: [{ originLineId: newId(), productId: p, warehouseId: wh.id, qty: '1' }],
            }),
          ),
        ),
      );
      const reserved = results.filter(([r]) => r.reserved === '1.0000').length;
      const short = results.filter(([r]) => r.short === '1.0000').length;
      assert.equal(reserved, 10);
      assert.equal(short, 40);
    } finally {
      await pool.close();
    }
    assert.deepEqual(await reservedOn(ctx.db, company.id, p), { onHand: 10, reserved: 10 });
    assert.deepEqual(await checkStockConsistency(ctx.db.orm, company.id), []);
  });
});
