// Issue 7, must-show 4: an admin writes the rule "sales order amount > 100000 requires sales-manager
// approval" in the rules screen's API; a salesperson's large order waits in awaiting_approval with
// nothing reserved, a small one confirms at once, the sales manager approves through the approvals
// API and the order is confirmed with its stock reserved; a rejected one goes back to draft.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addStock,
  makeCustomer,
  makeProduct,
  ok,
  salesWorld,
  stockOf,
} from '../../src/modules/sales/fixtures.ts';
import { describeDb } from '../kit/index.ts';

describeDb('trigger rule: large sales orders need a sales manager (scenario)', (ctx) => {
  test('120,000 waits for approval, 50,000 confirms, approval confirms and reserves, rejection returns to draft', async () => {
    const w = await salesWorld(ctx.db);
    const product = await makeProduct(w.admin, { salePrice: '1000', taxCode: null });
    await addStock(w.admin, w.warehouseId, product.id, '500');
    const customer = await makeCustomer(w.sales);

    const rule = ok(
      await w.admin.post('/api/v1/trigger-rules', {
        name: 'Large orders need a sales manager',
        eventType: 'sales_order.confirming',
        condition: 'amount > 100000',
        actions: [{ type: 'require_approval', roleCode: 'sales_manager' }],
      }),
      201,
      'POST /trigger-rules',
    );
    assert.equal(rule.synchronous, true);

    const order = async (qty: string) =>
      ok(
        await w.sales.post('/api/v1/sales-orders', {
          customerId: customer.id,
          lines: [{ productId: product.id, qty }],
        }),
        201,
      );
    const confirm = async (o: { id: string; version: number }) =>
      ok(await w.sales.post(`/api/v1/sales-orders/${o.id}/confirm`, { version: o.version }));

    // 120 × 1,000 = 120,000 > 100,000: the order waits, nothing is reserved, the reason is on the order.
    const big = await order('120');
    assert.equal(big.total, '120000.00');
    const waiting = await confirm(big);
    assert.equal(waiting.state, 'awaiting_approval');
    assert.equal(waiting.lines[0].qtyReserved, '0.0000');
    assert.match(waiting.history.at(-1).note, /Large orders need a sales manager/);
    assert.equal((await stockOf(w.admin, w.warehouseId, product.id)).reserved, 0);
    const again = await w.sales.post(`/api/v1/sales-orders/${big.id}/confirm`, { version: waiting.version });
    assert.equal(again.status, 409, 'a waiting order cannot be confirmed around the approval');

    // 50 × 1,000 = 50,000: confirmed at once with its stock reserved.
    const small = await confirm(await order('50'));
    assert.equal(small.state, 'confirmed');
    assert.equal((await stockOf(w.admin, w.warehouseId, product.id)).reserved, 50);

    // The salesperson cannot approve it; the sales manager can, through the approvals API.
    const pending = ok(await w.manager.get('/api/v1/approval-requests?state=pending'));
    const request = pending.items.find((r: any) => r.subjectId === big.id);
    assert.ok(request, 'the sales manager sees the request');
    assert.equal(request.kind, 'sales.order_approval');
    assert.match(request.summary, /amount > 100000/);
    const bySales = await w.sales.post(`/api/v1/approval-requests/${request.id}/approve`, {
      version: request.version,
    });
    assert.ok([403, 404].includes(bySales.status), `salesperson approving: ${bySales.status}`);
    ok(await w.manager.post(`/api/v1/approval-requests/${request.id}/approve`, { version: request.version }));
    const approved = ok(await w.sales.get(`/api/v1/sales-orders/${big.id}`));
    assert.equal(approved.state, 'confirmed');
    assert.equal(approved.lines[0].qtyReserved, '120.0000');
    assert.equal((await stockOf(w.admin, w.warehouseId, product.id)).reserved, 170);

    // 150,000: waits; the manager rejects; back to draft with nothing reserved, and it can be changed.
    const third = await order('150');
    assert.equal((await confirm(third)).state, 'awaiting_approval');
    const next = ok(await w.manager.get('/api/v1/approval-requests?state=pending')).items.find(
      (r: any) => r.subjectId === third.id,
    );
    ok(
      await w.manager.post(`/api/v1/approval-requests/${next.id}/reject`, {
        version: next.version,
        reason: 'Split it into two deliveries',
      }),
    );
    const rejected = ok(await w.sales.get(`/api/v1/sales-orders/${third.id}`));
    assert.equal(rejected.state, 'draft');
    assert.equal((await stockOf(w.admin, w.warehouseId, product.id)).reserved, 170);

    // The rule's run log shows both holds and the order that passed.
    const runs = ok(await w.admin.get(`/api/v1/trigger-rules/${rule.id}/runs`));
    assert.deepEqual(runs.items.map((r: any) => r.outcome).sort(), ['held', 'held', 'not_matched']);

    // Disabled, the rule no longer holds anything.
    ok(await w.admin.patch(`/api/v1/trigger-rules/${rule.id}`, { version: rule.version, enabled: false }));
    const redo = ok(await w.sales.get(`/api/v1/sales-orders/${third.id}`));
    assert.equal((await confirm(redo)).state, 'confirmed');
  });
});
