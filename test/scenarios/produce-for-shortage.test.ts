// A sales order short of a made product: the need becomes a production order (as MRP or the planner
// makes it), the salesperson's line gets its planned finish, and the output reserves the order's backorder.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createProductionOrders } from '../../src/modules/manufacturing/index.ts';
import { addStock, makeCustomer, makeProduct, ok, salesWorld } from '../../src/modules/sales/fixtures.ts';
import { withTransaction } from '../../src/platform/db/tx.ts';
import { drainOutbox } from '../../src/platform/outbox/dispatcher.ts';
import { describeDb, signedIn } from '../kit/index.ts';

describeDb('produce for a sales shortage (scenario)', (ctx) => {
  test('sales order short → need (make) → production order → consumed and produced → order reserved', async () => {
    const w = await salesWorld(ctx.db);
    const plannerUser = await w.company.user('production');
    const planner = await signedIn(ctx.db, plannerUser);
    const chair = await makeProduct(w.admin, { procureMethod: 'make' });
    const board = await makeProduct(w.admin);
    await addStock(w.admin, w.warehouseId, board.id, '10', '3');
    const bom = ok(
      await planner.post('/api/v1/boms', {
        productId: chair.id,
        leadTimeDays: 2,
        labourCostPerUnit: '1.5',
        lines: [{ componentId: board.id, qty: '2' }],
      }),
      201,
    );
    ok(await planner.post(`/api/v1/boms/${bom.id}/activate`, { version: bom.version }));

    const customer = await makeCustomer(w.sales);
    const draft = ok(
      await w.sales.post('/api/v1/sales-orders', {
        customerId: customer.id,
        lines: [{ productId: chair.id, qty: '3' }],
      }),
      201,
    );
    ok(await w.sales.post(`/api/v1/sales-orders/${draft.id}/confirm`, { version: draft.version }));
    await drainOutbox(ctx.db);
    const needs = ok(await w.admin.get('/api/v1/procurement-needs?state=open'));
    const need = needs.items.find((n: any) => n.originId === draft.id);
    assert.deepEqual([need?.method, need?.qty], ['make', '3.0000']);

    // What MRP's confirmed proposal does: an order for the need, finishing on a date.
    const actor = await w.company.actor(plannerUser);
    const [made] = await withTransaction(ctx.db, (tx) =>
      createProductionOrders(tx, actor, [
        {
          productId: chair.id,
          warehouseId: w.warehouseId,
          qty: '3',
          plannedStart: null,
          plannedFinish: '2030-05-20',
          originType: 'sales_order',
          originId: draft.id,
          originNumber: draft.number,
          needId: need.id,
        },
      ]),
    );
    await drainOutbox(ctx.db);
    let order = ok(await w.sales.get(`/api/v1/sales-orders/${draft.id}`));
    assert.deepEqual([order.lines[0].qtyReserved, order.lines[0].expectedDate], ['0.0000', '2030-05-20']);

    let mo = ok(await planner.get(`/api/v1/production-orders/${made.id}`));
    for (const step of ['confirm', 'start'])
      mo = ok(await planner.post(`/api/v1/production-orders/${mo.id}/${step}`, { version: mo.version }));
    // 6 boards at 3.00 + 3 × 1.50 labour = 22.50, 7.50 a chair.
    mo = ok(
      await planner.post(`/api/v1/production-orders/${mo.id}/produce`, {
        version: mo.version,
        qty: '3',
        backflush: true,
      }),
    );
    assert.deepEqual([mo.state, mo.consumedValue, mo.producedValue], ['done', '18.00', '22.50']);
    await drainOutbox(ctx.db);
    order = ok(await w.sales.get(`/api/v1/sales-orders/${draft.id}`));
    assert.equal(order.lines[0].qtyReserved, '3.0000');
  });
});
