import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, newCompany, signedIn } from '../../../../test/kit/index.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { rows, withTransaction } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { inventorySettings } from '../settings.ts';
import { makeProduct, setInventorySetting } from './fixtures.ts';

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** An open picking with one line, as the documents side writes them. */
async function openPicking(
  db: Db,
  companyId: string,
  warehouseId: string,
  kind: string,
  productId: string,
  qty: string,
  date: string,
) {
  const id = newId();
  await withTransaction(db, async (tx) => {
    await tx.execute(
      sql`insert into inventory_picking (company_id, id, number, kind, state, warehouse_id, scheduled_date)
          values (${companyId}, ${id}, ${`T-${id.slice(-8)}`}, ${kind}, 'waiting', ${warehouseId}, ${date})`,
    );
    await tx.execute(
      sql`insert into inventory_picking_line (company_id, id, picking_id, line_no, product_id, qty)
          values (${companyId}, ${newId()}, ${id}, 1, ${productId}, ${qty})`,
    );
  });
}

describeDb('stock routes: balances, adjustments, availability, consistency, warehouses', (ctx) => {
  test('adjust stock in and out, list balances and moves; costs only for who may see them', async () => {
    const company = await newCompany(ctx.db);
    const warehouse = await signedIn(ctx.db, await company.user('warehouse'));
    const sales = await signedIn(ctx.db, await company.user('sales'));
    const p = await makeProduct(ctx.db, company.id, { sku: `ADJ-${newId().slice(-6)}` });
    const whs = await warehouse.get('/api/v1/warehouses');
    assert.equal(whs.status, 200);
    const wh = whs.body.items[0];
    assert.equal(wh.code, 'WH');
    const add = await warehouse.post('/api/v1/stock/adjustments', {
      warehouseId: wh.id,
      productId: p,
      qty: '12',
      unitCost: '4.5',
      reason: 'opening stock',
    });
    assert.equal(add.status, 201, JSON.stringify(add.body));
    assert.equal(add.body.onHand, '12.0000');
    assert.equal(add.body.value, '54.00');
    const sub = await warehouse.post('/api/v1/stock/adjustments', {
      warehouseId: wh.id,
      productId: p,
      qty: '-2',
      reason: 'broken',
    });
    assert.equal(sub.body.onHand, '10.0000');
    assert.equal(sub.body.unitCost, '4.500000');
    const tooMuch = await warehouse.post('/api/v1/stock/adjustments', {
      warehouseId: wh.id,
      productId: p,
      qty: '-11',
      reason: 'x',
    });
    assert.equal(tooMuch.status, 409);
    assert.equal(tooMuch.body.error.code, 'inventory.insufficient_stock');
    assert.equal(
      (
        await sales.post('/api/v1/stock/adjustments', {
          warehouseId: wh.id,
          productId: p,
          qty: '1',
          reason: 'x',
        })
      ).status,
      403,
    );
    const zero = await warehouse.post('/api/v1/stock/adjustments', {
      warehouseId: wh.id,
      productId: p,
      qty: '0',
      reason: 'x',
    });
    assert.equal(zero.status, 400);

    const mine = await warehouse.get(`/api/v1/stock?productId=${p}`);
    assert.equal(mine.body.items.length, 1);
    assert.equal(mine.body.items[0].available, '10.0000');
    assert.equal(mine.body.items[0].value, '45.00');
    const theirs = await sales.get(`/api/v1/stock?productId=${p}`);
    assert.equal(theirs.body.items[0].onHand, '10.0000');
    assert.ok(!('value' in theirs.body.items[0]) && !('unitCost' in theirs.body.items[0]));
    const moves = await warehouse.get(`/api/v1/stock/moves?productId=${p}&limit=1`);
    assert.equal(moves.body.items[0].qty, '2.0000');
    assert.ok(moves.body.nextCursor);
    const older = await warehouse.get(
      `/api/v1/stock/moves?productId=${p}&limit=1&cursor=${moves.body.nextCursor}`,
    );
    assert.equal(older.body.items[0].qty, '12.0000');
    assert.equal(older.body.nextCursor, null);
    const consistency = await sales.get('/api/v1/stock/consistency');
    assert.deepEqual(consistency.body, { ok: true, mismatches: [] });
  });

  test('availability: sales see the company horizon without costs, warehouse the full horizon with them', async () => {
    const company = await newCompany(ctx.db);
    const warehouse = await signedIn(ctx.db, await company.user('warehouse'));
    const sales = await signedIn(ctx.db, await company.user('sales'));
    const p = await makeProduct(ctx.db, company.id);
    const wh = (await warehouse.get('/api/v1/warehouses')).body.items[0];
    await warehouse.post('/api/v1/stock/adjustments', {
      warehouseId: wh.id,
      productId: p,
      qty: '5',
      unitCost: '2',
      reason: 'x',
    });
    const { today } = await inventorySettings(ctx.db.orm, company.id);
    await openPicking(ctx.db, company.id, wh.id, 'receipt', p, '7', addDays(today, 2));
    await openPicking(ctx.db, company.id, wh.id, 'delivery', p, '3', addDays(today, 1));
    await openPicking(ctx.db, company.id, wh.id, 'receipt', p, '100', addDays(today, 20));

    const full = await warehouse.get(`/api/v1/stock/availability?product=${p}&days=30`);
    assert.equal(full.status, 200, JSON.stringify(full.body));
    assert.equal(full.body.horizonDays, 30);
    assert.equal(full.body.days.length, 30);
    assert.equal(full.body.unitCost, '2.000000');
    assert.equal(full.body.value, '10.00');
    assert.deepEqual(full.body.days.slice(0, 3), [
      { date: today, incoming: '0.0000', outgoing: '0.0000', projected: '5.0000' },
      { date: addDays(today, 1), incoming: '0.0000', outgoing: '3.0000', projected: '2.0000' },
      { date: addDays(today, 2), incoming: '7.0000', outgoing: '0.0000', projected: '9.0000' },
    ]);
    assert.equal(full.body.days[29].projected, '109.0000');

    const capped = await sales.get(`/api/v1/stock/availability?product=${p}&warehouse=${wh.id}&days=30`);
    assert.equal(capped.status, 200);
    assert.equal(capped.body.horizonDays, 14);
    assert.equal(capped.body.days.length, 14);
    assert.equal(capped.body.days[13].projected, '9.0000'); // the receipt on day 20 is beyond what sales see
    assert.ok(!('unitCost' in capped.body) && !('value' in capped.body));
    await setInventorySetting(ctx.db, company.id, 'salesHorizonDays', 3);
    assert.equal((await sales.get(`/api/v1/stock/availability?product=${p}&days=30`)).body.days.length, 3);
    assert.equal((await sales.get(`/api/v1/stock/availability?product=${newId()}`)).status, 404);
  });

  test('warehouses: create with locations, shelves, default switch, other companies see 404', async () => {
    const company = await newCompany(ctx.db);
    const other = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const stranger = await signedIn(ctx.db, other.admin);
    const created = await admin.post('/api/v1/warehouses', {
      code: 'SH',
      name: { 'zh-CN': '上海仓', en: 'Shanghai' },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.isDefault, false);
    const locs = await admin.get(`/api/v1/warehouses/${created.body.id}/locations`);
    assert.deepEqual(
      locs.body.items.map((l: any) => l.kind),
      ['stock', 'input', 'output', 'quality'],
    );
    const shelf = await admin.post('/api/v1/locations', {
      warehouseId: created.body.id,
      code: 'SH/A-01',
      name: { 'zh-CN': 'A 区 01 架' },
    });
    assert.equal(shelf.status, 201);
    assert.equal(shelf.body.kind, 'stock');
    assert.equal(
      (
        await admin.post('/api/v1/locations', {
          warehouseId: created.body.id,
          code: 'SH/A-01',
          name: { en: 'x' },
        })
      ).status,
      409,
    );
    assert.equal((await stranger.get(`/api/v1/warehouses/${created.body.id}/locations`)).status, 404);
    assert.equal(
      (await stranger.patch(`/api/v1/warehouses/${created.body.id}`, { version: 1, address: 'x' })).status,
      404,
    );
    const made = await admin.patch(`/api/v1/warehouses/${created.body.id}`, { version: 1, isDefault: true });
    assert.equal(made.status, 200);
    assert.equal(made.body.isDefault, true);
    assert.equal(
      (await admin.patch(`/api/v1/warehouses/${created.body.id}`, { version: 1, address: 'x' })).status,
      409,
    );
    const list = await admin.get('/api/v1/warehouses');
    assert.deepEqual(
      list.body.items.map((w: any) => [w.code, w.isDefault]),
      [
        ['SH', true],
        ['WH', false],
      ],
    );
    const audit = await rows(
      ctx.db.orm,
      sql`select 1 from platform_audit_log where company_id = ${company.id} and entity = 'inventory.warehouse'`,
    );
    assert.equal(audit.length, 2);
  });
});
