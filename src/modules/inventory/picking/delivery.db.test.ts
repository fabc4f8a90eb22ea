import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, signedIn } from '../../../../test/kit/index.ts';
import { one, rows, withTransaction } from '../../../platform/db/tx.ts';
import { drainOutbox } from '../../../platform/outbox/dispatcher.ts';
import { cancelOpenPickings } from './cancel-picking.ts';
import { stockWorld } from './fixtures.ts';
import { pickingsFor } from './pickings-for.ts';

describeDb('deliveries: reserve, pick, partial ship with backorder, cancel', (ctx) => {
  test('receipt → stock; delivery → pick → partial ship → backorder keeps the rest reserved → ship the rest', async () => {
    const w = await stockWorld(ctx.db);
    const a = await w.product();
    const b = await w.product();
    const receipt = await w.receive([
      { productId: a, qty: '10', unitCost: '4.50' },
      { productId: b, qty: '3', unitCost: '10' },
    ]);
    assert.equal(receipt.state, 'done');
    assert.match(receipt.number, /^GR-\d{4}-\d{5}$/);
    await w.consistent('receipt');

    const d = await w.deliver([
      { productId: a, qty: '6' },
      { productId: b, qty: '5' },
    ]);
    assert.match(d.number, /^DO-\d{4}-\d{5}$/);
    const got = await w.admin.get(`/api/v1/deliveries/${d.id}`);
    assert.equal(got.status, 200);
    assert.equal(got.body.state, 'waiting', 'b is short by 2');
    assert.deepEqual(
      got.body.lines.map((l: any) => [l.qty, l.reservedQty]),
      [
        ['6.0000', '6.0000'],
        ['5.0000', '3.0000'],
      ],
    );
    await w.consistent('reservation');

    const picked = await w.admin.post(`/api/v1/deliveries/${d.id}/pick`, { version: got.body.version });
    assert.equal(picked.status, 200, JSON.stringify(picked.body));
    assert.equal(picked.body.state, 'picked');
    assert.equal(picked.body.lines[0].locationId, w.locs.stock);
    assert.equal(picked.body.lines[0].lots[0].qty, '6.0000');
    assert.equal((await w.admin.post(`/api/v1/deliveries/${d.id}/pick`, { version: 1 })).status, 409);

    // Ship 4 of a and the 3 reserved of b: 2 of a and 2 of b remain for the backorder.
    const shipped = await w.admin.post(`/api/v1/deliveries/${d.id}/ship`, {
      version: picked.body.version,
      lines: [
        { lineId: got.body.lines[0].id, qty: '4' },
        { lineId: got.body.lines[1].id, qty: '3' },
      ],
      carrier: 'SF Express',
      trackingNo: 'SF123',
    });
    assert.equal(shipped.status, 200, JSON.stringify(shipped.body));
    assert.equal(shipped.body.state, 'done');
    assert.deepEqual(
      shipped.body.lines.map((l: any) => l.qtyDone),
      ['4.0000', '3.0000'],
    );
    assert.ok(shipped.body.backorderId);
    await w.consistent('partial ship');
    const moves = await rows<{ unit_cost: string; value: string; kind: string }>(
      ctx.db.orm,
      sql`select kind, unit_cost::text, value::text from inventory_move
           where company_id = ${w.company.id} and picking_id = ${d.id} order by value`,
    );
    assert.deepEqual(
      moves.map((m) => [m.kind, m.value]),
      [
        ['delivery', '18.00'],
        ['delivery', '30.00'],
      ],
      'moves carry their cost',
    );

    const back = await w.admin.get(`/api/v1/deliveries/${shipped.body.backorderId}`);
    assert.equal(back.body.backorderOfId, d.id);
    assert.equal(back.body.state, 'waiting');
    assert.deepEqual(
      back.body.lines.map((l: any) => [l.qty, l.reservedQty, l.originLineId]),
      [
        ['2.0000', '2.0000', d.lines[0].originLineId],
        ['2.0000', '0.0000', d.lines[1].originLineId],
      ],
    );

    // The event sales reacts to; it also reaches the customer's timeline.
    const event = await one<{ payload: any }>(
      ctx.db.orm,
      sql`select payload from platform_event where company_id = ${w.company.id} and type = 'delivery.shipped'
            and aggregate_id = ${d.id}`,
    );
    assert.equal(event?.payload.customerId, w.customerId);
    assert.equal(event?.payload.summary, `Delivery ${d.number} shipped: 2 lines, SF Express SF123`);
    assert.equal(event?.payload.backorderId, shipped.body.backorderId);
    assert.deepEqual(
      event?.payload.lines.map((l: any) => l.qtyDone),
      ['4.0000', '3.0000'],
    );
    await drainOutbox(ctx.db);

    // More stock for b arrives and is reserved for the waiting backorder at once (first come, first
    // served), which becomes ready; it ships both lines.
    await w.receive([{ productId: b, qty: '5', unitCost: '12' }]);
    const ready = await w.admin.get(`/api/v1/deliveries/${back.body.id}`);
    assert.equal(ready.body.state, 'ready');
    assert.deepEqual(
      ready.body.lines.map((l: any) => [l.qty, l.reservedQty]),
      [
        ['2.0000', '2.0000'],
        ['2.0000', '2.0000'],
      ],
    );
    const rest = await w.admin.post(`/api/v1/deliveries/${back.body.id}/ship`, {
      version: ready.body.version,
      lines: ready.body.lines.map((l: any) => ({ lineId: l.id, qty: '2' })),
    });
    assert.equal(rest.status, 200, JSON.stringify(rest.body));
    assert.equal(rest.body.backorderId, null);
    await w.consistent('final ship');
    const left = await w.stockOf(b);
    assert.deepEqual(
      left.map((r) => [r.on_hand, r.reserved]),
      [['3.0000', '0.0000']],
    );
    const docs = await withTransaction(ctx.db, (tx) =>
      pickingsFor(tx, w.company.id, { originType: 'sales_order', originId: d.originId }),
    );
    assert.deepEqual(
      docs.map((p) => [p.number, p.state, p.carrier]),
      [
        [d.number, 'done', 'SF Express'],
        [back.body.number, 'done', ''],
      ],
    );
  });

  test('ship without lines ships everything reserved; more than available is refused and changes nothing', async () => {
    const w = await stockWorld(ctx.db);
    const a = await w.product();
    await w.receive([{ productId: a, qty: '5', unitCost: '2' }]);
    const d = await w.deliver([{ productId: a, qty: '8' }]);
    const got = (await w.admin.get(`/api/v1/deliveries/${d.id}`)).body;
    const tooMuch = await w.admin.post(`/api/v1/deliveries/${d.id}/ship`, {
      version: got.version,
      lines: [{ lineId: got.lines[0].id, qty: '8' }],
    });
    assert.equal(tooMuch.status, 409);
    assert.equal(tooMuch.body.error.code, 'inventory.insufficient_stock');
    const foreignLine = await w.admin.post(`/api/v1/deliveries/${d.id}/ship`, {
      version: got.version,
      lines: [{ lineId: d.originId, qty: '1' }],
    });
    assert.equal(foreignLine.status, 422);
    assert.equal(foreignLine.body.error.code, 'inventory.line_unknown');
    await w.consistent('refused ship');
    const all = await w.admin.post(`/api/v1/deliveries/${d.id}/ship`, { version: got.version });
    assert.equal(all.status, 200, JSON.stringify(all.body));
    assert.equal(all.body.lines[0].qtyDone, '5.0000');
    const back = (await w.admin.get(`/api/v1/deliveries/${all.body.backorderId}`)).body;
    assert.equal(back.lines[0].qty, '3.0000');
    assert.equal(back.state, 'waiting');
    await w.consistent('ship all reserved');
  });

  test('cancel releases the reservations; cancelOpenPickings cancels what is not done', async () => {
    const w = await stockWorld(ctx.db);
    const a = await w.product();
    await w.receive([{ productId: a, qty: '10', unitCost: '1' }]);
    const d = await w.deliver([{ productId: a, qty: '4' }]);
    const got = (await w.admin.get(`/api/v1/deliveries/${d.id}`)).body;
    assert.equal(got.state, 'ready');
    const cancelled = await w.admin.post(`/api/v1/deliveries/${d.id}/cancel`, { version: got.version });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    assert.equal(cancelled.body.state, 'cancelled');
    assert.equal(cancelled.body.lines[0].reservedQty, '0.0000');
    assert.deepEqual(
      (await w.stockOf(a)).map((r) => r.reserved),
      ['0.0000'],
    );
    const again = await w.admin.post(`/api/v1/deliveries/${d.id}/cancel`, {
      version: cancelled.body.version,
    });
    assert.equal(again.status, 422);
    await w.consistent('cancel');

    const other = await w.deliver([{ productId: a, qty: '3' }]);
    await withTransaction(ctx.db, (tx) =>
      cancelOpenPickings(tx, w.actor, { originType: 'sales_order', originId: other.originId }),
    );
    const after = (await w.admin.get(`/api/v1/deliveries/${other.id}`)).body;
    assert.equal(after.state, 'cancelled');
    assert.deepEqual(
      (await w.stockOf(a)).map((r) => r.reserved),
      ['0.0000'],
    );
    await w.consistent('cancelOpenPickings');
    const audit = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from platform_audit_log where company_id = ${w.company.id}
            and entity = 'inventory.picking' and entity_id = ${d.id}`,
    );
    assert.equal(audit?.n, 2, 'create and cancel are audited');
  });

  test('sales may read deliveries but not ship them; another company sees none of them', async () => {
    const w = await stockWorld(ctx.db);
    const a = await w.product();
    await w.receive([{ productId: a, qty: '2', unitCost: '1' }]);
    const d = await w.deliver([{ productId: a, qty: '2' }]);
    const sales = await signedIn(ctx.db, await w.company.user('sales'));
    const read = await sales.get(`/api/v1/deliveries/${d.id}`);
    assert.equal(read.status, 200);
    assert.equal((await sales.get('/api/v1/deliveries')).body.items.length, 1);
    const ship = await sales.post(`/api/v1/deliveries/${d.id}/ship`, { version: read.body.version });
    assert.equal(ship.status, 403);
    assert.equal((await sales.post(`/api/v1/deliveries/${d.id}/cancel`, { version: 1 })).status, 403);

    const stranger = await stockWorld(ctx.db);
    for (const res of [
      await stranger.admin.get(`/api/v1/deliveries/${d.id}`),
      await stranger.admin.get(`/api/v1/deliveries/${d.id}/print`),
      await stranger.admin.post(`/api/v1/deliveries/${d.id}/ship`, { version: read.body.version }),
      await stranger.admin.post(`/api/v1/deliveries/${d.id}/pick`, { version: read.body.version }),
      await stranger.admin.post(`/api/v1/deliveries/${d.id}/cancel`, { version: read.body.version }),
    ])
      assert.equal(res.status, 404);
    assert.equal((await stranger.admin.get('/api/v1/deliveries')).body.items.length, 0);
    assert.equal((await w.admin.get(`/api/v1/deliveries/${d.id}`)).body.state, 'ready');
  });

  test('the delivery note is escaped HTML under a script-free policy', async () => {
    const w = await stockWorld(ctx.db, { customerName: '<script>alert("x")</script> 星辰 & Co' });
    const a = await w.product();
    await w.receive([{ productId: a, qty: '2', unitCost: '1' }]);
    const d = await w.deliver([{ productId: a, qty: '2' }]);
    const page = await w.admin.get(`/api/v1/deliveries/${d.id}/print?lang=zh-CN`);
    assert.equal(page.status, 200);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    const html = String(page.body);
    assert.ok(!html.includes('<script>'), 'no raw script tag');
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; 星辰 &amp; Co'));
    assert.match(html, /送货单/);
    assert.match(html, /发货人/);
    assert.match(html, /收货人/);
    assert.ok(html.includes(d.number));
    const csp = String(page.headers['content-security-policy']);
    assert.match(csp, /default-src 'none'/);
    assert.ok(!csp.includes('script-src'), 'no script allowed at all');
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
    const en = await w.admin.get(`/api/v1/deliveries/${d.id}/print?lang=en`);
    assert.match(String(en.body), /Delivery note/);
    assert.equal((await w.admin.get(`/api/v1/deliveries/${d.id}/print?lang=fr`)).status, 400);
  });
});
