// Order to stock, as users do it over HTTP: a salesperson quotes, the customer accepts, the order is
// confirmed (stock reserved, delivery created), the warehouse ships part of it (a backorder holds the
// rest) and then the rest. After every step the stock ledger, balances and reservations agree
// (GET /stock/consistency) and the order's quantities and state are what the people involved expect.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import {
  addStock,
  assertStockConsistent,
  makeCustomer,
  makeProduct,
  ok,
  salesWorld,
  stockOf,
} from '../../src/modules/sales/fixtures.ts';
import { rows } from '../../src/platform/db/tx.ts';
import { drainOutbox } from '../../src/platform/outbox/dispatcher.ts';
import { describeDb, signedIn } from '../kit/index.ts';

const line = (order: any, productId: string) => order.lines.find((l: any) => l.productId === productId);
const qty = (v: string) => Number(v);

describeDb('order to stock (scenario)', (ctx) => {
  test('quote → accept → confirm → partial shipment → backorder → second shipment → close', async () => {
    const w = await salesWorld(ctx.db);
    const a = await makeProduct(w.admin, { salePrice: '10' });
    const b = await makeProduct(w.admin, { salePrice: '25' });
    await addStock(w.admin, w.warehouseId, a.id, '10');
    await addStock(w.admin, w.warehouseId, b.id, '5');
    const customer = await makeCustomer(w.sales);
    await assertStockConsistent(w.warehouse);

    // 1. The salesperson quotes 8 A and 2 B at list prices, VAT 13 % on top.
    const quote = ok(
      await w.sales.post('/api/v1/quotes', {
        customerId: customer.id,
        lines: [
          { productId: a.id, qty: '8' },
          { productId: b.id, qty: '2' },
        ],
      }),
      201,
    );
    assert.match(quote.number, /^QT-\d{4}-00001$/);
    assert.equal(quote.state, 'draft');
    assert.deepEqual(
      [quote.subtotal, quote.taxTotal, quote.total],
      ['130.00', '16.90', '146.90'], // 80 + 50 net, 10.40 + 6.50 tax
    );
    assert.equal(line(quote, a.id).priceSource.kind, 'list_price');
    await assertStockConsistent(w.warehouse);

    // 2. Sent by mail (queued in the same transaction), then accepted: a draft order with the same lines.
    const sent = ok(
      await w.sales.post(`/api/v1/quotes/${quote.id}/send`, {
        version: quote.version,
        to: 'buyer@example.com',
      }),
    );
    assert.equal(sent.state, 'sent');
    const mails = await rows<{ to_address: string; text_body: string }>(
      ctx.db.orm,
      sql`select to_address, text_body from platform_mail where company_id = ${w.company.id} and kind = 'sales.quote'`,
    );
    assert.equal(mails.length, 1);
    assert.match(mails[0].text_body, new RegExp(`/api/v1/quotes/${quote.id}/print`));
    const accepted = ok(await w.sales.post(`/api/v1/quotes/${quote.id}/accept`, { version: sent.version }));
    assert.equal(accepted.quote.state, 'accepted');
    assert.equal(accepted.quote.orderId, accepted.orderId);
    let order = ok(await w.sales.get(`/api/v1/sales-orders/${accepted.orderId}`));
    assert.equal(order.state, 'draft');
    assert.equal(order.quoteId, quote.id);
    assert.equal(order.total, '146.90');
    assert.match(order.number, /^SO-\d{4}-00001$/);
    await assertStockConsistent(w.warehouse);

    // 3. Confirmed: everything reserved, one delivery ready.
    order = ok(await w.sales.post(`/api/v1/sales-orders/${order.id}/confirm`, { version: order.version }));
    assert.equal(order.state, 'confirmed');
    // The answer carries the whole history, the new step included, the same as a later read gives.
    assert.deepEqual(
      order.history.map((h: any) => [
        h.fromState,
        h.toState,
        typeof h.byName,
        Number.isNaN(Date.parse(h.at)),
      ]),
      [
        [null, 'draft', 'string', false],
        ['draft', 'confirmed', 'string', false],
      ],
    );
    assert.deepEqual(ok(await w.sales.get(`/api/v1/sales-orders/${order.id}`)).history, order.history);
    assert.equal(qty(line(order, a.id).qtyReserved), 8);
    assert.equal(qty(line(order, b.id).qtyReserved), 2);
    assert.equal(line(order, a.id).expectedDate, order.orderDate);
    assert.equal(order.deliveries.length, 1);
    assert.equal(order.deliveries[0].state, 'ready');
    assert.deepEqual(await stockOf(w.warehouse, w.warehouseId, a.id), {
      onHand: 10,
      reserved: 8,
      available: 2,
    });
    assert.deepEqual(await stockOf(w.warehouse, w.warehouseId, b.id), {
      onHand: 5,
      reserved: 2,
      available: 3,
    });
    await assertStockConsistent(w.warehouse);

    // 4. The warehouse ships 5 A and both B; the other 3 A stay reserved on a backorder.
    const delivery = ok(await w.warehouse.get(`/api/v1/deliveries/${order.deliveries[0].id}`));
    const dl = (productId: string) => delivery.lines.find((l: any) => l.productId === productId);
    const shipped = ok(
      await w.warehouse.post(`/api/v1/deliveries/${delivery.id}/ship`, {
        version: delivery.version,
        lines: [
          { lineId: dl(a.id).id, qty: '5' },
          { lineId: dl(b.id).id, qty: '2' },
        ],
        carrier: 'SF Express',
        trackingNo: 'SF1234567890',
      }),
    );
    assert.ok(shipped.backorderId, 'a backorder for the rest');
    await drainOutbox(ctx.db);
    order = ok(await w.sales.get(`/api/v1/sales-orders/${order.id}`));
    assert.equal(order.state, 'partly_delivered');
    assert.deepEqual([qty(line(order, a.id).qtyDelivered), qty(line(order, a.id).qtyReserved)], [5, 3]);
    assert.deepEqual([qty(line(order, b.id).qtyDelivered), qty(line(order, b.id).qtyReserved)], [2, 0]);
    assert.equal(order.deliveries.length, 2);
    assert.deepEqual(await stockOf(w.warehouse, w.warehouseId, a.id), {
      onHand: 5,
      reserved: 3,
      available: 2,
    });
    assert.deepEqual(await stockOf(w.warehouse, w.warehouseId, b.id), {
      onHand: 3,
      reserved: 0,
      available: 3,
    });
    await assertStockConsistent(w.warehouse);

    // 5. The backorder ships (everything reserved): the order is delivered and the salesperson told.
    const backorder = ok(await w.warehouse.get(`/api/v1/deliveries/${shipped.backorderId}`));
    ok(await w.warehouse.post(`/api/v1/deliveries/${backorder.id}/ship`, { version: backorder.version }));
    await drainOutbox(ctx.db);
    order = ok(await w.sales.get(`/api/v1/sales-orders/${order.id}`));
    assert.equal(order.state, 'delivered');
    assert.deepEqual([qty(line(order, a.id).qtyDelivered), qty(line(order, a.id).qtyReserved)], [8, 0]);
    assert.deepEqual(await stockOf(w.warehouse, w.warehouseId, a.id), {
      onHand: 2,
      reserved: 0,
      available: 2,
    });
    assert.deepEqual(
      order.history.map((h: any) => h.toState),
      ['draft', 'confirmed', 'partly_delivered', 'delivered'],
    );
    const notes = ok(await w.sales.get('/api/v1/notifications'));
    assert.ok(
      notes.items.some((n: any) => /delivered/i.test(n.title)),
      'the salesperson is told',
    );
    const timeline = ok(await w.sales.get(`/api/v1/customers/${customer.id}/timeline`));
    assert.ok(
      timeline.items.some((t: any) => t.type === 'sales_order.delivered'),
      'timeline shows delivered',
    );
    await assertStockConsistent(w.warehouse);

    // 6. Closed: nothing left open.
    order = ok(await w.sales.post(`/api/v1/sales-orders/${order.id}/close`, { version: order.version }));
    assert.equal(order.state, 'closed');
    await assertStockConsistent(w.warehouse);
  });

  test('a short order backorders the rest as a procurement need; cancelling releases everything', async () => {
    const w = await salesWorld(ctx.db);
    const a = await makeProduct(w.admin, { salePrice: '10' });
    await addStock(w.admin, w.warehouseId, a.id, '3');
    const customer = await makeCustomer(w.sales);
    let order = ok(
      await w.sales.post('/api/v1/sales-orders', {
        customerId: customer.id,
        orderDate: '2026-02-25',
        lines: [{ productId: a.id, qty: '5' }],
      }),
      201,
    );
    order = ok(await w.sales.post(`/api/v1/sales-orders/${order.id}/confirm`, { version: order.version }));
    assert.equal(order.state, 'confirmed');
    // The answer carries the whole history, the new step included, the same as a later read gives.
    assert.deepEqual(
      order.history.map((h: any) => [
        h.fromState,
        h.toState,
        typeof h.byName,
        Number.isNaN(Date.parse(h.at)),
      ]),
      [
        [null, 'draft', 'string', false],
        ['draft', 'confirmed', 'string', false],
      ],
    );
    assert.deepEqual(ok(await w.sales.get(`/api/v1/sales-orders/${order.id}`)).history, order.history);
    assert.equal(qty(order.lines[0].qtyReserved), 3);
    // Nothing incoming: the order date + the default lead time of 7 days.
    assert.equal(order.lines[0].expectedDate, '2026-03-04');
    assert.equal(order.deliveries[0].state, 'waiting');
    const needs = ok(await w.admin.get('/api/v1/procurement-needs?state=open'));
    const need = needs.items.find((n: any) => n.originId === order.id);
    assert.ok(need, 'the shortage is a procurement need');
    assert.equal(qty(need.qty), 2);
    assert.deepEqual(await stockOf(w.warehouse, w.warehouseId, a.id), {
      onHand: 3,
      reserved: 3,
      available: 0,
    });
    await assertStockConsistent(w.warehouse);

    order = ok(
      await w.sales.post(`/api/v1/sales-orders/${order.id}/cancel`, {
        version: order.version,
        reason: 'customer changed mind',
      }),
    );
    assert.equal(order.state, 'cancelled');
    assert.equal(qty(order.lines[0].qtyReserved), 0);
    assert.equal(order.deliveries[0].state, 'cancelled');
    assert.deepEqual(await stockOf(w.warehouse, w.warehouseId, a.id), {
      onHand: 3,
      reserved: 0,
      available: 3,
    });
    const after = ok(await w.admin.get('/api/v1/procurement-needs?state=open'));
    assert.equal(after.items.filter((n: any) => n.originId === order.id).length, 0);
    await assertStockConsistent(w.warehouse);
  });

  test('cancel is refused once goods left; close cancels the backorder instead', async () => {
    const w = await salesWorld(ctx.db);
    const a = await makeProduct(w.admin);
    await addStock(w.admin, w.warehouseId, a.id, '4');
    const customer = await makeCustomer(w.sales);
    let order = ok(
      await w.sales.post('/api/v1/sales-orders', {
        customerId: customer.id,
        lines: [{ productId: a.id, qty: '4' }],
      }),
      201,
    );
    order = ok(await w.sales.post(`/api/v1/sales-orders/${order.id}/confirm`, { version: order.version }));
    const delivery = ok(await w.warehouse.get(`/api/v1/deliveries/${order.deliveries[0].id}`));
    ok(
      await w.warehouse.post(`/api/v1/deliveries/${delivery.id}/ship`, {
        version: delivery.version,
        lines: [{ lineId: delivery.lines[0].id, qty: '1' }],
      }),
    );
    await drainOutbox(ctx.db);
    order = ok(await w.sales.get(`/api/v1/sales-orders/${order.id}`));
    const refused = await w.sales.post(`/api/v1/sales-orders/${order.id}/cancel`, { version: order.version });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.error.code, 'sales.order_delivered');
    order = ok(await w.sales.post(`/api/v1/sales-orders/${order.id}/close`, { version: order.version }));
    assert.equal(order.state, 'closed');
    assert.ok(
      order.deliveries.some((d: any) => d.state === 'cancelled'),
      'the backorder is cancelled',
    );
    assert.deepEqual(await stockOf(w.warehouse, w.warehouseId, a.id), {
      onHand: 3,
      reserved: 0,
      available: 3,
    });
    await assertStockConsistent(w.warehouse);
  });

  test('credit limit: refused for the salesperson, overridden by the manager, or approved on request', async () => {
    const w = await salesWorld(ctx.db);
    const a = await makeProduct(w.admin, { salePrice: '100', taxCode: null });
    await addStock(w.admin, w.warehouseId, a.id, '10');
    const customer = await makeCustomer(w.sales, { creditLimit: '250.00' });
    const draft = async () =>
      ok(
        await w.sales.post('/api/v1/sales-orders', {
          customerId: customer.id,
          lines: [{ productId: a.id, qty: '2' }],
        }),
        201,
      );
    const first = await draft();
    ok(await w.sales.post(`/api/v1/sales-orders/${first.id}/confirm`, { version: first.version }));
    // Exposure 200 + 200 > 250.
    const second = await draft();
    const refused = await w.sales.post(`/api/v1/sales-orders/${second.id}/confirm`, {
      version: second.version,
    });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'sales.credit_limit_exceeded');
    assert.deepEqual(refused.body.error.details, {
      limit: '250.00',
      exposure: '200.00',
      orderTotal: '200.00',
    });
    assert.deepEqual(await stockOf(w.warehouse, w.warehouseId, a.id), {
      onHand: 10,
      reserved: 2,
      available: 8,
    });
    // The manager may override.
    const overridden = ok(
      await w.manager.post(`/api/v1/sales-orders/${second.id}/confirm`, { version: second.version }),
    );
    assert.equal(overridden.state, 'confirmed');
    // Or the salesperson asks; the manager approves and the order confirms.
    const third = await draft();
    const waiting = ok(
      await w.sales.post(`/api/v1/sales-orders/${third.id}/confirm`, {
        version: third.version,
        requestApproval: true,
        reason: 'long-standing customer',
      }),
    );
    assert.equal(waiting.state, 'awaiting_approval');
    const inbox = ok(await w.manager.get('/api/v1/approval-requests?status=pending&mine=true'));
    const request = inbox.items.find((r: any) => r.subjectId === third.id);
    assert.ok(request);
    ok(await w.manager.post(`/api/v1/approval-requests/${request.id}/approve`, { version: request.version }));
    const approved = ok(await w.sales.get(`/api/v1/sales-orders/${third.id}`));
    assert.equal(approved.state, 'confirmed');
    assert.equal(qty(approved.lines[0].qtyReserved), 2);
    assert.deepEqual(await stockOf(w.warehouse, w.warehouseId, a.id), {
      onHand: 10,
      reserved: 6,
      available: 4,
    });
    await assertStockConsistent(w.warehouse);
  });

  test('price list and unit conversion: 3 boxes of 12 at the ≥ 24-piece rule, 5 % off, VAT 13 %', async () => {
    const w = await salesWorld(ctx.db);
    const a = await makeProduct(w.admin, {
      salePrice: '2.6',
      units: [{ uomCode: 'BOX12', factor: '12' }],
    });
    const customer = await makeCustomer(w.sales, { tags: ['vip'] });
    ok(
      await w.admin.post('/api/v1/price-lists', {
        code: `VIP-${Date.now()}`,
        name: { en: 'VIP' },
        customerGroup: 'vip',
        rules: [
          { productId: a.id, minQty: '0', price: '2.5' },
          { productId: a.id, minQty: '24', price: '2.35' },
        ],
      }),
      201,
    );
    const quote = ok(
      await w.sales.post('/api/v1/quotes', {
        customerId: customer.id,
        lines: [{ productId: a.id, qty: '3', uomCode: 'BOX12', discountPercent: '5' }],
      }),
      201,
    );
    const l = quote.lines[0];
    // 3 BOX12 = 36 PCS ≥ 24 → 2.35 per piece = 28.2 per box; 3 × 28.2 × 0.95 = 80.37;
    // tax 80.37 × 0.13 = 10.4481 → 10.45; total 90.82.
    assert.equal(l.qtyBase, '36.0000');
    assert.equal(l.unitPrice, '28.2000');
    assert.equal(l.priceSource.kind, 'rule');
    assert.equal(l.priceSource.minQty !== undefined ? Number(l.priceSource.minQty) : 24, 24);
    assert.deepEqual([l.subtotal, l.tax, l.total], ['80.37', '10.45', '90.82']);
    assert.deepEqual(
      [quote.subtotal, quote.taxTotal, quote.total, quote.totalCompany],
      ['80.37', '10.45', '90.82', '90.82'],
    );
    // 1 box = 12 pieces < 24 → the 2.5 rule: 30 per box, 30.00 + 3.90.
    const small = ok(
      await w.sales.post('/api/v1/quotes', {
        customerId: customer.id,
        lines: [{ productId: a.id, qty: '1', uomCode: 'BOX12' }],
      }),
      201,
    );
    assert.deepEqual([small.lines[0].unitPrice, small.total], ['30.0000', '33.90']);
  });

  test('record rule: another salesperson gets 404 on the order and on the customer', async () => {
    const w = await salesWorld(ctx.db);
    const a = await makeProduct(w.admin);
    const customer = await makeCustomer(w.sales);
    const order = ok(
      await w.sales.post('/api/v1/sales-orders', {
        customerId: customer.id,
        lines: [{ productId: a.id, qty: '1' }],
      }),
      201,
    );
    const other = await signedIn(ctx.db, await w.company.user('sales'));
    for (const res of [
      await other.get(`/api/v1/sales-orders/${order.id}`),
      await other.get(`/api/v1/sales-orders/${order.id}/print`),
      await other.post(`/api/v1/sales-orders/${order.id}/confirm`, { version: order.version }),
      await other.post('/api/v1/quotes', { customerId: customer.id, lines: [{ productId: a.id, qty: '1' }] }),
      await other.post('/api/v1/sales-orders', {
        customerId: customer.id,
        lines: [{ productId: a.id, qty: '1' }],
      }),
    ])
      assert.equal(res.status, 404, JSON.stringify(res.body));
    const list = ok(await other.get('/api/v1/sales-orders'));
    assert.equal(list.items.length, 0);
    // The salesperson's manager sees it (team scope).
    ok(await w.manager.get(`/api/v1/sales-orders/${order.id}`));
  });
});
