// A sales order short of a bought product becomes a requisition, an order to the best supplier and a
// receipt; the salesperson's line gets the expected date of the purchase order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeCustomer, makeProduct, ok, salesWorld } from '../../src/modules/sales/fixtures.ts';
import { drainOutbox } from '../../src/platform/outbox/dispatcher.ts';
import { describeDb, signedIn } from '../kit/index.ts';

describeDb('purchase from a sales shortage (scenario)', (ctx) => {
  test('sales order short → need → requisition → PO → confirm (need planned) → received', async () => {
    const w = await salesWorld(ctx.db);
    const buyer = await signedIn(ctx.db, await w.company.user('purchasing'));
    const part = await makeProduct(w.admin, { procureMethod: 'buy' });
    const supplier = ok(
      await buyer.post('/api/v1/suppliers', {
        party: { name: 'Hebei Fasteners', ignoreDuplicates: true },
        leadTimeDays: 6,
      }),
      201,
    );
    ok(
      await buyer.post('/api/v1/supplier-prices', {
        supplierId: supplier.id,
        productId: part.id,
        price: '4.20',
      }),
      201,
    );

    const customer = await makeCustomer(w.sales);
    const draft = ok(
      await w.sales.post('/api/v1/sales-orders', {
        customerId: customer.id,
        lines: [{ productId: part.id, qty: '7' }],
      }),
      201,
    );
    ok(await w.sales.post(`/api/v1/sales-orders/${draft.id}/confirm`, { version: draft.version }));
    await drainOutbox(ctx.db);

    const reqs = ok(await buyer.get(`/api/v1/purchase-requisitions?originId=${draft.id}`));
    assert.equal(reqs.items.length, 1);
    const req = reqs.items[0];
    assert.deepEqual(
      [req.state, req.qty, req.originType, req.originNumber],
      ['draft', '7.0000', 'sales_order', draft.number],
    );
    assert.notEqual(req.needId, null);
    // Redelivering the need's event adds nothing (one requisition per need).
    await drainOutbox(ctx.db);
    assert.equal(ok(await buyer.get(`/api/v1/purchase-requisitions?originId=${draft.id}`)).items.length, 1);

    const grouped = ok(
      await buyer.post('/api/v1/purchase-requisitions/to-orders', { requisitionIds: [req.id] }),
      201,
    );
    const summary = grouped.orders[0];
    assert.deepEqual([summary.supplierId, summary.total], [supplier.id, '29.40']);
    const po = ok(
      await buyer.post(`/api/v1/purchase-orders/${summary.id}/confirm`, { version: summary.version }),
    );
    assert.equal(po.state, 'confirmed');
    const needs = ok(await w.admin.get('/api/v1/procurement-needs?state=planned'));
    const need = needs.items.find((n: any) => n.id === req.needId);
    assert.deepEqual([need?.state, need?.expectedDate], ['planned', po.expectedDate]);

    const receipt = ok(await w.warehouse.get(`/api/v1/receipts/${po.receiptId}`));
    ok(await w.warehouse.post(`/api/v1/receipts/${receipt.id}/validate`, { version: receipt.version }));
    await drainOutbox(ctx.db);
    assert.equal(ok(await buyer.get(`/api/v1/purchase-orders/${po.id}`)).state, 'received');
  });
});
