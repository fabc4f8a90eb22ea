import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, signedIn } from '../../../../test/kit/index.ts';
import { one, rows } from '../../../platform/db/tx.ts';
import { drainOutbox } from '../../../platform/outbox/dispatcher.ts';
import { accountForRole } from '../../accounting/index.ts';
import { addStock, makeCustomer, makeProduct, ok, salesWorld } from '../fixtures.ts';

const qtyOf = (order: any) => order.lines.map((l: any) => [Number(l.qtyDelivered), Number(l.qtyInvoiced)]);

describeDb('invoicing sales orders and the credit check with posted invoices', (ctx) => {
  test('delivery policy bills what shipped, order policy the rest; a cancelled invoice gives it back', async () => {
    const w = await salesWorld(ctx.db);
    const finance = await signedIn(ctx.db, await w.company.user('finance'));
    const a = await makeProduct(w.admin, { salePrice: '10' });
    await addStock(w.admin, w.warehouseId, a.id, '10');
    const customer = await makeCustomer(w.sales);
    const draft = ok(
      await w.sales.post('/api/v1/sales-orders', {
        customerId: customer.id,
        lines: [{ productId: a.id, qty: '10' }],
      }),
      201,
    );
    let order = ok(
      await w.sales.post(`/api/v1/sales-orders/${draft.id}/confirm`, { version: draft.version }),
    );
    const none = await finance.post(`/api/v1/sales-orders/${order.id}/invoice`, {});
    assert.equal(none.status, 422, 'nothing delivered yet');
    assert.equal(none.body.error.code, 'sales.nothing_to_invoice');
    assert.equal((await w.sales.post(`/api/v1/sales-orders/${order.id}/invoice`, {})).status, 403);

    const delivery = ok(await w.warehouse.get(`/api/v1/deliveries/${order.deliveries[0].id}`));
    ok(
      await w.warehouse.post(`/api/v1/deliveries/${delivery.id}/ship`, {
        version: delivery.version,
        lines: [{ lineId: delivery.lines[0].id, qty: '4' }],
      }),
    );
    await drainOutbox(ctx.db);
    const first = ok(await finance.post(`/api/v1/sales-orders/${order.id}/invoice`, {}), 201);
    assert.deepEqual([first.state, first.originId, first.reference], ['posted', order.id, order.number]);
    assert.deepEqual(
      first.lines.map((l: any) => [l.quantity, l.unitPrice, l.taxCode, l.total]),
      [['4.0000', '10.0000', 'VAT13-OUT', '45.20']],
    );
    order = ok(await w.sales.get(`/api/v1/sales-orders/${order.id}`));
    assert.deepEqual(qtyOf(order), [[4, 4]]);
    const again = await finance.post(`/api/v1/sales-orders/${order.id}/invoice`, {});
    assert.equal(again.body.error?.code, 'sales.nothing_to_invoice');

    await ctx.db.orm.execute(
      sql`update platform_company set settings = jsonb_set(coalesce(settings, '{}'::jsonb), '{accounting}',
            '{"invoicePolicy": "order"}'::jsonb) where id = ${w.company.id}`,
    );
    const rest = ok(await finance.post(`/api/v1/sales-orders/${order.id}/invoice`, { post: false }), 201);
    assert.deepEqual([rest.state, rest.lines[0].quantity, rest.total], ['draft', '6.0000', '67.80']);
    order = ok(await w.sales.get(`/api/v1/sales-orders/${order.id}`));
    assert.deepEqual(qtyOf(order), [[4, 10]]);
    ok(await finance.post(`/api/v1/invoices/${rest.id}/cancel`, { reason: 'bill later' }));
    await drainOutbox(ctx.db);
    order = ok(await w.sales.get(`/api/v1/sales-orders/${order.id}`));
    assert.deepEqual(qtyOf(order), [[4, 4]], 'the cancelled draft’s quantity is invoiceable again');
  });

  test('posted invoices count: refused with the figures, a salesperson cannot override, a manager can (audited)', async () => {
    const w = await salesWorld(ctx.db);
    const finance = await signedIn(ctx.db, await w.company.user('finance'));
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
    const confirmed = ok(
      await w.sales.post(`/api/v1/sales-orders/${first.id}/confirm`, { version: first.version }),
    );
    const delivery = ok(await w.warehouse.get(`/api/v1/deliveries/${confirmed.deliveries[0].id}`));
    ok(await w.warehouse.post(`/api/v1/deliveries/${delivery.id}/ship`, { version: delivery.version }));
    await drainOutbox(ctx.db);
    const invoice = ok(await finance.post(`/api/v1/sales-orders/${first.id}/invoice`, {}), 201);
    assert.equal(invoice.totalCompany, '200.00');
    // The whole order is now a receivable, not an uninvoiced order: counted once.
    const summary = ok(await finance.get(`/api/v1/customers/${customer.id}/account-summary`));
    assert.deepEqual(
      [summary.openReceivables, summary.committedOrders, summary.creditLimit, summary.creditLeft],
      ['200.00', '0.00', '250.00', '50.00'],
    );

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
    const unchanged = ok(await w.sales.get(`/api/v1/sales-orders/${second.id}`));
    assert.deepEqual([unchanged.state, unchanged.version], ['draft', second.version]);
    // The salesperson holds no override: the same refusal however asked.
    const again = await w.sales.post(`/api/v1/sales-orders/${second.id}/confirm`, {
      version: second.version,
    });
    assert.equal(again.status, 409);

    const overridden = ok(
      await w.manager.post(`/api/v1/sales-orders/${second.id}/confirm`, { version: second.version }),
    );
    assert.equal(overridden.state, 'confirmed');
    const audit = await one<{ actor_user_id: string }>(
      ctx.db.orm,
      sql`select actor_user_id from platform_audit_log
           where company_id = ${w.company.id} and entity = 'sales.order' and entity_id = ${second.id} and action = 'confirm'`,
    );
    assert.equal(audit?.actor_user_id, w.managerUser.id);

    // Paid: the receivable is gone and only the second order is exposure.
    ok(
      await finance.post('/api/v1/payments', {
        direction: 'inbound',
        partnerId: customer.id,
        accountId: await accountForRole(ctx.db.orm, w.company.id, 'bank'),
        amount: '200.00',
        allocations: [{ invoiceId: invoice.id, amount: '200.00' }],
      }),
      201,
    );
    const after = ok(await finance.get(`/api/v1/customers/${customer.id}/account-summary`));
    assert.deepEqual(
      [after.openReceivables, after.committedOrders, after.creditLeft],
      ['0.00', '200.00', '50.00'],
    );
    const lines = await rows<{ qty_invoiced: string }>(
      ctx.db.orm,
      sql`select qty_invoiced::text from sales_order_line where company_id = ${w.company.id} and order_id = ${first.id}`,
    );
    assert.deepEqual(
      lines.map((l) => l.qty_invoiced),
      ['2.0000'],
    );
  });
});
