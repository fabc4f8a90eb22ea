import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, signedIn } from '../../../../test/kit/index.ts';
import { one, rows } from '../../../platform/db/tx.ts';
import { stockWorld } from './fixtures.ts';

describeDb('customer returns: ok to stock, hold to quality, scrap to scrap, at the delivery cost', (ctx) => {
  test('a return lands each quality in its location and is bounded by what was shipped', async () => {
    const w = await stockWorld(ctx.db, { customerName: 'Return <b>Buyer</b>' });
    const a = await w.product();
    const b = await w.product();
    const c = await w.product();
    await w.receive([
      { productId: a, qty: '10', unitCost: '5' },
      { productId: b, qty: '10', unitCost: '7' },
      { productId: c, qty: '10', unitCost: '9' },
    ]);
    const d = await w.deliver([
      { productId: a, qty: '4' },
      { productId: b, qty: '4' },
      { productId: c, qty: '4' },
    ]);
    const shipped = await w.admin.post(`/api/v1/deliveries/${d.id}/ship`, { version: 1 });
    assert.equal(shipped.status, 200, JSON.stringify(shipped.body));
    // The price of a rises after the delivery: the return must come back at the delivery's cost (5).
    await w.receive([{ productId: a, qty: '10', unitCost: '11' }]);
    const [la, lb, lc] = shipped.body.lines;
    const notDone = await w.deliver([{ productId: a, qty: '1' }]);
    const early = await w.admin.post('/api/v1/returns', {
      deliveryId: notDone.id,
      lines: [{ deliveryLineId: la.id, qty: '1', quality: 'ok' }],
      reason: 'x',
    });
    assert.equal(early.status, 422);
    assert.equal(early.body.error.code, 'inventory.delivery_not_done');

    const ret = await w.admin.post('/api/v1/returns', {
      deliveryId: d.id,
      lines: [
        { deliveryLineId: la.id, qty: '2', quality: 'ok' },
        { deliveryLineId: lb.id, qty: '1', quality: 'hold' },
        { deliveryLineId: lc.id, qty: '3', quality: 'scrap' },
      ],
      reason: 'Damaged in transit',
    });
    assert.equal(ret.status, 201, JSON.stringify(ret.body));
    assert.match(ret.body.number, /^RT-\d{4}-\d{5}$/);
    assert.deepEqual(
      [ret.body.kind, ret.body.state, ret.body.returnOfId, ret.body.originId, ret.body.partyId],
      ['return_in', 'done', d.id, d.originId, w.customerId],
    );
    await w.consistent('return');
    const where = async (productId: string) =>
      (await w.stockOf(productId)).map((r) => [r.location_id, r.on_hand]);
    assert.deepEqual(await where(a), [[w.locs.stock, '18.0000']]);
    assert.deepEqual(
      (await where(b)).sort(),
      [
        [w.locs.quality, '1.0000'],
        [w.locs.stock, '6.0000'],
      ].sort(),
    );
    assert.deepEqual(await where(c), [[w.locs.stock, '6.0000']], 'scrapped goods are not in stock');
    const moves = await rows<{ kind: string; product_id: string; to_location_id: string; unit_cost: string }>(
      ctx.db.orm,
      sql`select kind, product_id, to_location_id, unit_cost::text from inventory_move
           where company_id = ${w.company.id} and picking_id = ${ret.body.id} order by product_id, kind`,
    );
    assert.deepEqual(
      moves.map((m) => [m.product_id, m.kind, m.to_location_id, m.kind === 'return_in' ? m.unit_cost : '']),
      [
        [a, 'return_in', w.locs.stock, '5.000000'],
        [b, 'return_in', w.locs.quality, '7.000000'],
        [c, 'return_in', w.locs.quality, '9.000000'],
        [c, 'scrap', w.virtual.scrap, ''],
      ],
    );
    const event = await one<{ payload: any }>(
      ctx.db.orm,
      sql`select payload from platform_event where company_id = ${w.company.id} and type = 'return.received'`,
    );
    assert.equal(event?.payload.customerId, w.customerId);
    assert.deepEqual(
      event?.payload.lines.map((l: any) => [l.originLineId, l.qty, l.quality]),
      [
        [d.lines[0].originLineId, '2.0000', 'ok'],
        [d.lines[1].originLineId, '1.0000', 'hold'],
        [d.lines[2].originLineId, '3.0000', 'scrap'],
      ],
    );

    // 4 shipped, 2 returned: 3 more is too many, 2 is fine.
    const tooMany = await w.admin.post('/api/v1/returns', {
      deliveryId: d.id,
      lines: [{ deliveryLineId: la.id, qty: '3', quality: 'ok' }],
      reason: 'again',
    });
    assert.equal(tooMany.status, 422);
    assert.equal(tooMany.body.error.code, 'inventory.return_exceeds_shipped');
    const foreignLine = await w.admin.post('/api/v1/returns', {
      deliveryId: d.id,
      lines: [{ deliveryLineId: notDone.id, qty: '1', quality: 'ok' }],
      reason: 'again',
    });
    assert.equal(foreignLine.status, 422);
    assert.equal(foreignLine.body.error.code, 'inventory.line_unknown');
    const second = await w.admin.post('/api/v1/returns', {
      deliveryId: d.id,
      lines: [{ deliveryLineId: la.id, qty: '2', quality: 'ok' }],
      reason: 'again',
    });
    assert.equal(second.status, 201);
    await w.consistent('second return');

    const page = await w.admin.get(`/api/v1/returns/${ret.body.id}/print?lang=zh-CN`);
    assert.equal(page.status, 200);
    const html = String(page.body);
    assert.match(html, /退货单/);
    assert.match(html, /报废/);
    assert.ok(html.includes('Return &lt;b&gt;Buyer&lt;/b&gt;'));
    assert.ok(html.includes(d.number));
    assert.equal((await w.admin.get(`/api/v1/returns?originId=${d.originId}`)).body.items.length, 2);

    const sales = await signedIn(ctx.db, await w.company.user('sales'));
    const denied = await sales.post('/api/v1/returns', {
      deliveryId: d.id,
      lines: [{ deliveryLineId: lb.id, qty: '1', quality: 'ok' }],
      reason: 'no',
    });
    assert.equal(denied.status, 403);
    const stranger = await stockWorld(ctx.db);
    const foreign = await stranger.admin.post('/api/v1/returns', {
      deliveryId: d.id,
      lines: [{ deliveryLineId: lb.id, qty: '1', quality: 'ok' }],
      reason: 'no',
    });
    assert.equal(foreign.status, 404);
    assert.equal((await stranger.admin.get(`/api/v1/returns/${ret.body.id}`)).status, 404);
  });
});
