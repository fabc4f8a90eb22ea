// Issue 6's end-to-end flow on both databases: a sales order for a make-to-order bike (2-level BOM: a
// frame made from steel tubes, plus bought wheels) with the tubes out of stock → MRP proposes two
// production orders and a purchase → the requisition becomes a PO, confirmed and received → the frame
// and then the bike are produced → the order's backorder is reserved and ships. Stock, unit costs and
// every ledger balance are checked with the figures worked out below.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { mrpRunsSettled } from '../../src/modules/manufacturing/index.ts';
import {
  addStock,
  makeCustomer,
  makeProduct,
  ok,
  salesWorld,
  stockOf,
} from '../../src/modules/sales/fixtures.ts';
import { rows } from '../../src/platform/db/tx.ts';
import { drainOutbox } from '../../src/platform/outbox/dispatcher.ts';
import { describeDb, signedIn } from '../kit/index.ts';

describeDb('make to order: MRP, purchase, production, delivery (scenario)', (ctx) => {
  test('5 bikes: MRP proposes MO bike, MO frame, PR tubes; bought, made, reserved, shipped at 280.00 a bike', async () => {
    const w = await salesWorld(ctx.db);
    const planner = await signedIn(ctx.db, await w.company.user('production'));
    const buyer = await signedIn(ctx.db, await w.company.user('purchasing'));
    const bike = await makeProduct(w.admin, { procureMethod: 'make', salePrice: '1200', taxCode: null });
    const frame = await makeProduct(w.admin, { procureMethod: 'make' });
    const tube = await makeProduct(w.admin, { procureMethod: 'buy' });
    const wheel = await makeProduct(w.admin, { procureMethod: 'buy' });
    await addStock(w.admin, w.warehouseId, wheel.id, '100', '80'); // 8,000.00 of wheels
    const bom = async (productId: string, labour: string, lines: { componentId: string; qty: string }[]) => {
      const draft = ok(
        await planner.post('/api/v1/boms', { productId, leadTimeDays: 2, labourCostPerUnit: labour, lines }),
        201,
      );
      ok(await planner.post(`/api/v1/boms/${draft.id}/activate`, { version: draft.version }));
    };
    await bom(frame.id, '10', [{ componentId: tube.id, qty: '3' }]);
    await bom(bike.id, '50', [
      { componentId: frame.id, qty: '1' },
      { componentId: wheel.id, qty: '2' },
    ]);
    const supplier = ok(
      await buyer.post('/api/v1/suppliers', {
        party: { name: '无锡精工钢管厂', ignoreDuplicates: true },
        leadTimeDays: 5,
      }),
      201,
    );
    ok(
      await buyer.post('/api/v1/supplier-prices', {
        supplierId: supplier.id,
        productId: tube.id,
        price: '20',
        preferred: true,
      }),
      201,
    );

    const customer = await makeCustomer(w.sales);
    const draft = ok(
      await w.sales.post('/api/v1/sales-orders', {
        customerId: customer.id,
        lines: [{ productId: bike.id, qty: '5' }],
      }),
      201,
    );
    ok(await w.sales.post(`/api/v1/sales-orders/${draft.id}/confirm`, { version: draft.version }));
    await drainOutbox(ctx.db);
    // The automatic route also asked purchasing for nothing: bikes are made, not bought.
    const early = ok(await buyer.get('/api/v1/purchase-requisitions?limit=50')).items;
    assert.equal(early.length, 0);

    // MRP: 5 bikes short → make 5 bikes → 5 frames (make) and 10 wheels (90 left after) → 15 tubes (buy).
    ok(await planner.post('/api/v1/mrp-runs', {}), 202);
    await mrpRunsSettled();
    const proposals = ok(await planner.get('/api/v1/mrp-proposals?limit=50')).items;
    const summary = (p: any) => [p.kind, p.productId, Number(p.qty)];
    assert.deepEqual(
      proposals.map(summary).sort((a: any, b: any) => String(a[1]).localeCompare(String(b[1]))),
      [
        ['make', bike.id, 5],
        ['make', frame.id, 5],
        ['buy', tube.id, 15],
      ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    );
    const confirmed = ok(
      await planner.post('/api/v1/mrp-proposals/confirm', { ids: proposals.map((p: any) => p.id) }),
    ).items;
    const doc = (productId: string) => confirmed.find((p: any) => p.productId === productId);
    assert.match(doc(bike.id).documentNumber, /^MO-\d{4}-\d{5}$/);
    assert.match(doc(frame.id).documentNumber, /^MO-\d{4}-\d{5}$/);
    assert.match(doc(tube.id).documentNumber, /^PR-\d{4}-\d{5}$/);

    // Purchasing: the requisition becomes a PO at the supplier's 20.00, confirmed and received.
    const made = ok(
      await buyer.post('/api/v1/purchase-requisitions/to-orders', {
        requisitionIds: [doc(tube.id).documentId],
      }),
      201,
    );
    const po = made.orders[0];
    const sent = ok(await buyer.post(`/api/v1/purchase-orders/${po.id}/confirm`, { version: po.version }));
    assert.equal(sent.state, 'confirmed');
    const receipt = ok(await w.warehouse.get(`/api/v1/receipts/${sent.receiptId}`));
    assert.deepEqual(
      receipt.lines.map((l: any) => [l.productId, l.qty, l.unitCost]),
      [[tube.id, '15.0000', '20.000000']],
    );
    ok(await w.warehouse.post(`/api/v1/receipts/${sent.receiptId}/validate`, { version: receipt.version }));
    await drainOutbox(ctx.db);
    assert.equal(ok(await buyer.get(`/api/v1/purchase-orders/${po.id}`)).state, 'received');

    // Production: the frames first (15 tubes × 20.00 + 5 × 10.00 labour = 350.00, 70.00 a frame), then the
    // bikes (5 frames × 70.00 + 10 wheels × 80.00 + 5 × 50.00 labour = 1,400.00, 280.00 a bike).
    const produce = async (id: string) => {
      let mo = ok(await planner.get(`/api/v1/production-orders/${id}`));
      for (const step of ['confirm', 'start'])
        mo = ok(await planner.post(`/api/v1/production-orders/${id}/${step}`, { version: mo.version }));
      return ok(
        await planner.post(`/api/v1/production-orders/${id}/produce`, {
          version: mo.version,
          qty: '5',
          backflush: true,
        }),
      );
    };
    const frames = await produce(doc(frame.id).documentId);
    assert.deepEqual(
      [frames.state, frames.consumedValue, frames.producedValue],
      ['done', '300.00', '350.00'],
    );
    const bikes = await produce(doc(bike.id).documentId);
    assert.deepEqual([bikes.state, bikes.consumedValue, bikes.producedValue], ['done', '1150.00', '1400.00']);

    // The arrival reserved the order's backorder; it ships.
    await drainOutbox(ctx.db);
    const order = ok(await w.sales.get(`/api/v1/sales-orders/${draft.id}`));
    assert.equal(order.lines[0].qtyReserved, '5.0000');
    const delivery = ok(await w.warehouse.get(`/api/v1/deliveries/${order.deliveries[0].id}`));
    assert.equal(delivery.state, 'ready');
    ok(await w.warehouse.post(`/api/v1/deliveries/${delivery.id}/ship`, { version: delivery.version }));
    await drainOutbox(ctx.db);
    assert.equal(ok(await w.sales.get(`/api/v1/sales-orders/${draft.id}`)).state, 'delivered');

    const onHand = async (productId: string) =>
      (await stockOf(w.admin, w.warehouseId, productId))?.onHand ?? '0';
    assert.deepEqual(
      [await onHand(bike.id), await onHand(frame.id), await onHand(tube.id), await onHand(wheel.id)].map(
        Number,
      ),
      [0, 0, 0, 90],
    );
    const moves = await rows<{ value: string }>(
      ctx.db.orm,
      sql`select sum(m.value)::numeric(18, 2)::text as value from inventory_move m
           where m.company_id = ${w.company.id} and m.product_id = ${bike.id} and m.kind = 'delivery'`,
    );
    assert.equal(moves[0]?.value, '1400.00', 'the bikes left at 280.00 each');

    // The ledger: wheels in 8,000; tubes received 300 (GRNI); production took 300 + 1,150 of components and
    // gave back 350 + 1,400 of goods (the 300 of labour absorbed sits as a credit on 生产成本 until payroll
    // books it); the bikes' cost of goods sold 1,400; inventory ends at the 90 wheels: 7,200.00.
    const balances = await rows<{ role: string; balance: string }>(
      ctx.db.orm,
      sql`select a.role, sum(l.debit - l.credit)::numeric(18, 2)::text as balance
            from accounting_entry_line l
            join accounting_entry e on e.company_id = l.company_id and e.id = l.entry_id and e.state = 'posted'
            join accounting_account a on a.company_id = l.company_id and a.id = l.account_id
           where l.company_id = ${w.company.id} and a.role is not null group by a.role`,
    );
    const by = Object.fromEntries(balances.map((b) => [b.role, b.balance]));
    assert.deepEqual(
      [by.inventory, by.grni, by.production, by.cogs, by.inventory_adjustment],
      ['7200.00', '-300.00', '-300.00', '1400.00', '-8000.00'],
    );
  });
});
