import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, newCompany, type TestCompany } from '../../../../test/kit/index.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { one, withTransaction } from '../../../platform/db/tx.ts';
import { defaultWarehouse } from '../warehouse/default-warehouse.ts';
import { virtualLocation, warehouseLocations } from '../warehouse/locations.ts';
import { applyMoves, type MoveInput } from './apply-moves.ts';
import { closeCostPeriod } from './close-cost-period.ts';
import { checkStockConsistency } from './consistency.ts';
import { makeProduct, setInventorySetting } from './fixtures.ts';

async function setup(db: Db) {
  const company = await newCompany(db);
  const actor = await company.actor(company.admin);
  const wh = await withTransaction(db, (tx) => defaultWarehouse(tx, company.id));
  const locs = await withTransaction(db, (tx) => warehouseLocations(tx, company.id, wh.id));
  const supplier = await withTransaction(db, (tx) => virtualLocation(tx, company.id, 'supplier'));
  const customer = await withTransaction(db, (tx) => virtualLocation(tx, company.id, 'customer'));
  const move = (moves: MoveInput[]) => withTransaction(db, (tx) => applyMoves(tx, actor, moves));
  return { company, actor, wh, locs, supplier, customer, move };
}

async function cost(db: Db, company: TestCompany, productId: string) {
  return one<{ qty: string; value: string; avg_cost: string }>(
    db.orm,
    sql`select qty, value, avg_cost from inventory_cost where company_id = ${company.id} and product_id = ${productId}`,
  );
}

async function onHand(db: Db, companyId: string, productId: string, locationId: string) {
  const r = await one<{ q: string }>(
    db.orm,
    sql`select coalesce(sum(on_hand), 0)::text as q from inventory_balance
         where company_id = ${companyId} and product_id = ${productId} and location_id = ${locationId}`,
  );
  return Number(r?.q);
}

describeDb('stock ledger: moves, balances, valuation', (ctx) => {
  test('every new company has WH with its four locations and the virtual locations', async () => {
    const { company, wh, locs } = await setup(ctx.db);
    assert.equal(wh.code, 'WH');
    assert.equal(wh.name['zh-CN'], '主仓库');
    assert.equal(wh.stockLocationId, locs.stock);
    const virtuals = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from inventory_location where company_id = ${company.id} and warehouse_id is null`,
    );
    assert.equal(virtuals?.n, 5);
  });

  test('receipts, transfers and issues keep balances equal to the sum of moves', async () => {
    const { company, locs, supplier, customer, move } = await setup(ctx.db);
    const p = await makeProduct(ctx.db, company.id);
    const lotted = await makeProduct(ctx.db, company.id, { lotTracked: true });
    await move([
      {
        kind: 'receipt',
        productId: p,
        fromLocationId: supplier,
        toLocationId: locs.stock,
        qty: '20',
        unitCost: '3',
      },
      {
        kind: 'receipt',
        productId: lotted,
        fromLocationId: supplier,
        toLocationId: locs.input,
        qty: '8',
        lotNo: 'L1',
      },
    ]);
    await move([
      { kind: 'transfer', productId: p, fromLocationId: locs.stock, toLocationId: locs.output, qty: '5' },
      {
        kind: 'transfer',
        productId: lotted,
        fromLocationId: locs.input,
        toLocationId: locs.stock,
        qty: '8',
        lotNo: 'L1',
      },
    ]);
    await move([
      { kind: 'delivery', productId: p, fromLocationId: locs.output, toLocationId: customer, qty: '4' },
    ]);
    assert.equal(await onHand(ctx.db, company.id, p, locs.stock), 15);
    assert.equal(await onHand(ctx.db, company.id, p, locs.output), 1);
    assert.equal(await onHand(ctx.db, company.id, lotted, locs.stock), 8);
    assert.deepEqual(await checkStockConsistency(ctx.db.orm, company.id), []);
    await assert.rejects(
      move([
        { kind: 'receipt', productId: lotted, fromLocationId: supplier, toLocationId: locs.stock, qty: '1' },
      ]),
      (e: any) => e.code === 'inventory.lot_required' && e.status === 422,
    );
  });

  test('taking more than available is refused unless the company allows negative stock', async () => {
    const { company, locs, supplier, customer, move } = await setup(ctx.db);
    const p = await makeProduct(ctx.db, company.id);
    await move([
      {
        kind: 'receipt',
        productId: p,
        fromLocationId: supplier,
        toLocationId: locs.stock,
        qty: '3',
        unitCost: '1',
      },
    ]);
    await assert.rejects(
      move([
        { kind: 'delivery', productId: p, fromLocationId: locs.stock, toLocationId: customer, qty: '4' },
      ]),
      (e: any) =>
        e.status === 409 &&
        e.code === 'inventory.insufficient_stock' &&
        e.details.available === '3.0000' &&
        e.details.requested === '4.0000' &&
        e.details.locationId === locs.stock,
    );
    assert.equal(await onHand(ctx.db, company.id, p, locs.stock), 3);
    await setInventorySetting(ctx.db, company.id, 'allowNegativeStock', true);
    await move([
      { kind: 'delivery', productId: p, fromLocationId: locs.stock, toLocationId: customer, qty: '4' },
    ]);
    assert.equal(await onHand(ctx.db, company.id, p, locs.stock), -1);
    // Back off: the negative row still takes goods in.
    await setInventorySetting(ctx.db, company.id, 'allowNegativeStock', false);
    await move([
      {
        kind: 'receipt',
        productId: p,
        fromLocationId: supplier,
        toLocationId: locs.stock,
        qty: '0.5',
        unitCost: '1',
      },
    ]);
    assert.equal(await onHand(ctx.db, company.id, p, locs.stock), -0.5);
    assert.deepEqual(await checkStockConsistency(ctx.db.orm, company.id), []);
  });

  test('moving average: receipts raise the value at their cost, issues leave at the average', async () => {
    const { company, locs, supplier, customer, move } = await setup(ctx.db);
    const p = await makeProduct(ctx.db, company.id);
    const inn = (qty: string, unitCost: string) =>
      move([
        { kind: 'receipt', productId: p, fromLocationId: supplier, toLocationId: locs.stock, qty, unitCost },
      ]);
    const out = (qty: string) =>
      move([{ kind: 'delivery', productId: p, fromLocationId: locs.stock, toLocationId: customer, qty }]);
    await inn('10', '10');
    await inn('5', '13');
    assert.deepEqual(await cost(ctx.db, company, p), {
      qty: '15.0000',
      value: '165.00',
      avg_cost: '11.000000',
    });
    const [issue] = await out('6');
    assert.equal(issue.unitCost, '11.000000');
    assert.equal(issue.value, '66.00');
    await inn('3', '15.55'); // 99 + 46.65 = 145.65 over 12
    assert.deepEqual(await cost(ctx.db, company, p), {
      qty: '12.0000',
      value: '145.65',
      avg_cost: '12.137500',
    });
    const [seven] = await out('7'); // 7 × 12.1375 = 84.9625 → 84.96
    assert.equal(seven.value, '84.96');
    const [last] = await out('5'); // the last units take what is left, no residue
    assert.equal(last.value, '60.69');
    assert.deepEqual(await cost(ctx.db, company, p), { qty: '0.0000', value: '0.00', avg_cost: '12.137500' });
  });

  test('monthly weighted average: the month-end close re-values the month’s issues', async () => {
    const { company, actor, locs, supplier, customer, move } = await setup(ctx.db);
    await setInventorySetting(ctx.db, company.id, 'costMethod', 'monthly_average');
    const p = await makeProduct(ctx.db, company.id);
    const inn = (moveDate: string, qty: string, unitCost: string) =>
      move([
        {
          kind: 'receipt',
          productId: p,
          fromLocationId: supplier,
          toLocationId: locs.stock,
          qty,
          unitCost,
          moveDate,
        },
      ]);
    const out = (moveDate: string, qty: string) =>
      move([
        { kind: 'delivery', productId: p, fromLocationId: locs.stock, toLocationId: customer, qty, moveDate },
      ]);
    await inn('2025-01-05', '10', '10');
    await inn('2025-01-10', '10', '13');
    const [jan] = await out('2025-01-20', '5');
    assert.equal(jan.value, '50.00'); // provisional, at the first receipt's cost
    const close = (period: string) => withTransaction(ctx.db, (tx) => closeCostPeriod(tx, actor, { period }));
    const [j] = await close('2025-01');
    assert.deepEqual(j, {
      productId: p,
      openingQty: '0.0000',
      openingValue: '0.00',
      inQty: '20.0000',
      inValue: '230.00',
      outQty: '5.0000',
      outValue: '57.50',
      avgCost: '11.500000',
      adjustment: '7.50',
    });
    assert.deepEqual(await cost(ctx.db, company, p), {
      qty: '15.0000',
      value: '172.50',
      avg_cost: '11.500000',
    });
    await inn('2025-02-03', '5', '12.7');
    const [feb] = await out('2025-02-18', '4');
    assert.equal(feb.value, '46.00'); // at January's average
    const [f] = await close('2025-02');
    assert.equal(f.openingQty, '15.0000');
    assert.equal(f.openingValue, '172.50');
    assert.equal(f.avgCost, '11.800000'); // (172.50 + 63.50) / (15 + 5)
    assert.equal(f.outValue, '47.20');
    assert.equal(f.adjustment, '1.20');
    assert.deepEqual(await cost(ctx.db, company, p), {
      qty: '16.0000',
      value: '188.80',
      avg_cost: '11.800000',
    });
    await assert.rejects(close('2025-01'), (e: any) => e.code === 'inventory.period_closed');
  });
});
