import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, signedIn } from '../../../../test/kit/index.ts';
import { rows, withTransaction } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { stockWorld } from '../picking/fixtures.ts';

describeDb('stock counts (盘点): frozen expectations, scanned counts, posted differences', (ctx) => {
  test('a count posts counted − expected as adjustments; a packaging barcode counts its factor', async () => {
    const w = await stockWorld(ctx.db);
    const cola = await w.product();
    const tea = await w.product();
    const rice = await w.product({ lotTracked: true });
    const untouched = await w.product();
    await withTransaction(ctx.db, async (tx) => {
      await tx.execute(sql`update catalog_product set barcode = ${`690${cola.slice(-10)}`}
                            where company_id = ${w.company.id} and id = ${cola}`);
      await tx.execute(
        sql`insert into catalog_product_unit (company_id, id, product_id, uom_code, factor, barcode)
            values (${w.company.id}, ${newId()}, ${cola}, 'BOX12', 12, ${`BOX-${cola.slice(-10)}`})`,
      );
    });
    await w.receive([
      { productId: cola, qty: '20', unitCost: '2' },
      { productId: tea, qty: '5', unitCost: '8' },
      { productId: rice, qty: '7', unitCost: '3', lotNo: 'R1' },
      { productId: untouched, qty: '9', unitCost: '1' },
    ]);
    const started = await w.admin.post('/api/v1/stock-counts', {
      warehouseId: w.wh.id,
      productIds: [cola, tea, rice],
    });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    assert.match(started.body.number, /^SC-\d{4}-\d{5}$/);
    assert.deepEqual(started.body.lines.map((l: any) => l.expectedQty).sort(), [
      '20.0000',
      '5.0000',
      '7.0000',
    ]);
    const id = started.body.id;
    const scan = (body: object) => w.admin.post(`/api/v1/stock-counts/${id}/lines`, body);

    // A box scanned (12), then two single cans by barcode, one by SKU: 15, five fewer than expected.
    const sku = started.body.lines.find((l: any) => l.productId === cola).sku;
    let res = await scan({ code: `BOX-${cola.slice(-10)}`, countedQty: '1', add: true });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.countedQty, '12.0000');
    await scan({ code: `690${cola.slice(-10)}`, countedQty: '1', add: true });
    await scan({ code: `690${cola.slice(-10)}`, countedQty: '1', add: true });
    res = await scan({ code: sku, countedQty: '1', add: true });
    assert.deepEqual([res.body.countedQty, res.body.difference], ['15.0000', '-5.0000']);
    // Tea counted 7 by product id (two more); rice has one lot there, so no lot number is needed.
    res = await scan({ productId: tea, countedQty: '7' });
    assert.equal(res.body.difference, '2.0000');
    res = await scan({ productId: rice, countedQty: '7' });
    assert.equal(res.body.lotNo, 'R1');
    // Goods found on the quality shelf that nobody expected there.
    res = await scan({ productId: tea, countedQty: '1', locationId: w.locs.quality });
    assert.deepEqual([res.body.expectedQty, res.body.difference], ['0.0000', '1.0000']);

    for (const [body, code] of [
      [{ code: 'NO-SUCH-CODE', countedQty: '1' }, 'inventory.code_unknown'],
      [{ productId: tea, countedQty: '1', locationId: w.virtual.customer }, 'inventory.location_unknown'],
    ] as const) {
      const bad = await scan(body);
      assert.equal(bad.status, 422);
      assert.equal(bad.body.error.code, code);
    }
    assert.equal((await scan({ code: 'X', productId: tea, countedQty: '1' })).status, 400);
    assert.equal((await scan({ productId: tea, countedQty: '-1' })).status, 400);

    const posted = await w.admin.post(`/api/v1/stock-counts/${id}/post`, { version: started.body.version });
    assert.equal(posted.status, 200, JSON.stringify(posted.body));
    assert.equal(posted.body.state, 'posted');
    await w.consistent('count posted');
    const moves = await rows<{
      product_id: string;
      from_location_id: string;
      qty: string;
      unit_cost: string;
    }>(
      ctx.db.orm,
      sql`select product_id, from_location_id, qty::text as qty, unit_cost::text as unit_cost from inventory_move
           where company_id = ${w.company.id} and count_id = ${id} order by product_id, qty`,
    );
    const adj = w.virtual.adjustment;
    assert.deepEqual(
      moves.map((m) => [m.product_id, m.from_location_id === adj ? 'in' : 'out', m.qty, m.unit_cost]),
      [
        [cola, 'out', '5.0000', '2.000000'],
        [tea, 'in', '1.0000', '8.000000'],
        [tea, 'in', '2.0000', '8.000000'],
      ].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : Number(x[2]) - Number(y[2]))),
    );
    assert.deepEqual(
      (await w.stockOf(untouched)).map((r) => r.on_hand),
      ['9.0000'],
      'not in the count',
    );
    assert.equal(
      (await w.admin.post(`/api/v1/stock-counts/${id}/post`, { version: posted.body.version })).status,
      422,
    );
    assert.equal((await scan({ productId: tea, countedQty: '1' })).status, 422);
  });

  test('a cancelled count books nothing; only the warehouse may count, only in its own company', async () => {
    const w = await stockWorld(ctx.db);
    const a = await w.product();
    await w.receive([{ productId: a, qty: '4', unitCost: '1' }]);
    const started = (await w.admin.post('/api/v1/stock-counts', { warehouseId: w.wh.id })).body;
    assert.equal(started.lines.length, 1);
    const sales = await signedIn(ctx.db, await w.company.user('sales'));
    assert.equal(
      (await sales.post(`/api/v1/stock-counts/${started.id}/lines`, { productId: a, countedQty: '1' }))
        .status,
      403,
    );
    const keeper = await signedIn(ctx.db, await w.company.user('warehouse'));
    assert.equal(
      (await keeper.post(`/api/v1/stock-counts/${started.id}/lines`, { productId: a, countedQty: '1' }))
        .status,
      200,
    );
    const stranger = await stockWorld(ctx.db);
    assert.equal((await stranger.admin.get(`/api/v1/stock-counts/${started.id}`)).status, 404);
    assert.equal(
      (
        await stranger.admin.post(`/api/v1/stock-counts/${started.id}/lines`, {
          productId: a,
          countedQty: '1',
        })
      ).status,
      404,
    );
    assert.equal((await stranger.admin.post('/api/v1/stock-counts', { warehouseId: w.wh.id })).status, 404);
    const cancelled = await keeper.post(`/api/v1/stock-counts/${started.id}/cancel`, {
      version: started.version,
    });
    assert.equal(cancelled.body.state, 'cancelled');
    assert.deepEqual(
      (await w.stockOf(a)).map((r) => r.on_hand),
      ['4.0000'],
    );
    assert.equal((await w.admin.get('/api/v1/stock-counts?state=cancelled')).body.items.length, 1);
  });
});
