import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, signedIn } from '../../../../test/kit/index.ts';
import { rows } from '../../../platform/db/tx.ts';
import { drainOutbox } from '../../../platform/outbox/dispatcher.ts';
import { purchasingWorld } from '../fixtures.ts';

describeDb('purchase orders: requisitions → RFQ → confirm → receipts → received', (ctx) => {
  test('requisitions group by best supplier; partial receipt → partly received; the rest → received', async () => {
    const w = await purchasingWorld(ctx.db);
    const bolt = await w.product();
    const nut = await w.product();
    const cheap = await w.supplier({ leadTimeDays: 5 });
    const dear = await w.supplier({ leadTimeDays: 2 });
    await w.price({ supplierId: cheap.id, productId: bolt, price: '2.00' });
    await w.price({ supplierId: dear.id, productId: bolt, price: '2.50' });
    await w.price({ supplierId: cheap.id, productId: nut, price: '0.40', leadTimeDays: 9 });

    const req = async (productId: string, qty: string) => {
      const r = await w.purchaser.post('/api/v1/purchase-requisitions', {
        productId,
        qty,
        neededBy: '2031-05-01',
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body;
    };
    const r1 = await req(bolt, '60');
    const r2 = await req(bolt, '40');
    const r3 = await req(nut, '250');
    const approved = await w.purchaser.post(`/api/v1/purchase-requisitions/${r3.id}/approve`, {
      version: r3.version,
    });
    assert.equal(approved.body.state, 'approved');

    const grouped = await w.purchaser.post('/api/v1/purchase-requisitions/to-orders', {
      requisitionIds: [r1.id, r2.id, r3.id],
      orderDate: '2031-04-01',
    });
    assert.equal(grouped.status, 201, JSON.stringify(grouped.body));
    assert.equal(grouped.body.orders.length, 1);
    const summary = grouped.body.orders[0];
    assert.match(summary.number, /^PO-\d{4}-\d{5}$/);
    assert.equal(summary.supplierId, cheap.id);
    // 100 × 2.00 + 250 × 0.40 = 300.00, no VAT; expected 2031-04-01 + 9 days (the longest lead time).
    assert.deepEqual([summary.state, summary.total, summary.expectedDate], ['draft', '300.00', '2031-04-10']);
    let po = (await w.purchaser.get(`/api/v1/purchase-orders/${summary.id}`)).body;
    assert.deepEqual(
      po.lines.map((l: any) => [l.productId, l.qty, l.unitPrice, l.subtotal, l.requisitionIds.length]),
      [
        [bolt, '100.0000', '2.0000', '200.00', 2],
        [nut, '250.0000', '0.4000', '100.00', 1],
      ],
    );
    assert.equal((await w.purchaser.get(`/api/v1/purchase-requisitions/${r1.id}`)).body.state, 'ordered');

    po = (await w.purchaser.post(`/api/v1/purchase-orders/${po.id}/send`, { version: po.version })).body;
    assert.equal(po.state, 'sent');
    const confirmed = await w.purchaser.post(`/api/v1/purchase-orders/${po.id}/confirm`, {
      version: po.version,
    });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    po = confirmed.body;
    assert.equal(po.state, 'confirmed');

    // The draft receipt: scheduled on the expected date, lines linked to the PO lines at the PO price.
    const receipt = (await w.admin.get(`/api/v1/receipts/${po.receiptId}`)).body;
    assert.equal(receipt.originType, 'purchase_order');
    assert.equal(receipt.scheduledDate, '2031-04-10');
    assert.deepEqual(
      receipt.lines.map((l: any) => [l.productId, l.qty, l.unitCost]),
      [
        [bolt, '100.0000', '2.000000'],
        [nut, '250.0000', '0.400000'],
      ],
    );

    // 30 bolts arrive, no nuts: partly received; the backorder receipt holds the rest.
    const warehouse = await signedIn(ctx.db, await w.company.user('warehouse'));
    const boltLine = receipt.lines.find((l: any) => l.productId === bolt);
    const part = await warehouse.post(`/api/v1/receipts/${receipt.id}/validate`, {
      version: receipt.version,
      lines: [{ lineId: boltLine.id, qty: '30' }],
    });
    assert.equal(part.status, 200, JSON.stringify(part.body));
    await drainOutbox(ctx.db);
    po = (await w.purchaser.get(`/api/v1/purchase-orders/${po.id}`)).body;
    assert.equal(po.state, 'partly_received');
    assert.deepEqual(
      po.lines.map((l: any) => l.qtyReceived),
      ['30.0000', '0.0000'],
    );
    const back = (await warehouse.get(`/api/v1/receipts/${part.body.backorderId}`)).body;
    const rest = await warehouse.post(`/api/v1/receipts/${back.id}/validate`, { version: back.version });
    assert.equal(rest.status, 200, JSON.stringify(rest.body));
    await drainOutbox(ctx.db);
    po = (await w.purchaser.get(`/api/v1/purchase-orders/${po.id}`)).body;
    assert.equal(po.state, 'received');
    assert.deepEqual(
      po.lines.map((l: any) => l.qtyReceived),
      ['100.0000', '250.0000'],
    );
    const cancel = await w.purchaser.post(`/api/v1/purchase-orders/${po.id}/cancel`, { version: po.version });
    assert.equal(cancel.status, 422);

    // Stock in at the PO prices: 100 × 2.00 + 250 × 0.40.
    const stock = await rows<{ product_id: string; on_hand: string }>(
      ctx.db.orm,
      sql`select product_id, sum(on_hand)::text as on_hand from inventory_balance
           where company_id = ${w.company.id} group by product_id order by product_id`,
    );
    assert.deepEqual(Object.fromEntries(stock.map((s) => [s.product_id, s.on_hand])), {
      [bolt]: '100.0000',
      [nut]: '250.0000',
    });
  });

  test('above the approval amount the order waits; the approver confirms it; another company sees 404', async () => {
    const w = await purchasingWorld(ctx.db);
    await w.settings({ approvalAmount: '1000' });
    const valve = await w.product();
    const s = await w.supplier();
    await w.price({ supplierId: s.id, productId: valve, price: '150' });
    const small = (
      await w.purchaser.post('/api/v1/purchase-orders', {
        supplierId: s.id,
        lines: [{ productId: valve, qty: '6' }],
      })
    ).body;
    assert.equal(small.total, '900.00');
    const ok = await w.purchaser.post(`/api/v1/purchase-orders/${small.id}/confirm`, {
      version: small.version,
    });
    assert.equal(ok.body.state, 'confirmed');

    const big = await w.purchaser.post('/api/v1/purchase-orders', {
      supplierId: s.id,
      lines: [{ productId: valve, qty: '10', taxCode: 'VAT13-IN' }],
    });
    assert.equal(big.status, 201, JSON.stringify(big.body));
    assert.deepEqual(
      [big.body.subtotal, big.body.taxTotal, big.body.total],
      ['1500.00', '195.00', '1695.00'],
    );
    const waiting = await w.purchaser.post(`/api/v1/purchase-orders/${big.body.id}/confirm`, {
      version: big.body.version,
    });
    assert.equal(waiting.status, 200, JSON.stringify(waiting.body));
    assert.equal(waiting.body.state, 'awaiting_approval');
    assert.equal(waiting.body.receiptId, null);

    const approval = (await w.admin.get(`/api/v1/approval-requests/${waiting.body.approvalId}`)).body;
    const decided = await w.admin.post(`/api/v1/approval-requests/${approval.id}/approve`, {
      version: approval.version,
    });
    assert.equal(decided.status, 200, JSON.stringify(decided.body));
    const after = (await w.purchaser.get(`/api/v1/purchase-orders/${big.body.id}`)).body;
    assert.equal(after.state, 'confirmed');
    assert.notEqual(after.approvedAt, null);
    assert.notEqual(after.receiptId, null);

    const other = await purchasingWorld(ctx.db);
    assert.equal((await other.purchaser.get(`/api/v1/purchase-orders/${big.body.id}`)).status, 404);
    const stranger = await other.purchaser.post(`/api/v1/purchase-orders/${big.body.id}/cancel`, {
      version: 1,
    });
    assert.equal(stranger.status, 404);
    const foreignSupplier = await other.purchaser.post('/api/v1/purchase-orders', {
      supplierId: s.id,
      lines: [{ productId: valve, qty: '1', unitPrice: '1' }],
    });
    assert.equal(foreignSupplier.status, 404);
    const seller = await signedIn(ctx.db, await w.company.user('sales'));
    assert.equal((await seller.get('/api/v1/purchase-orders')).status, 403);
  });
});
