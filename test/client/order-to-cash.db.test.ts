// The typed client (clients/typescript: openapi-fetch over types generated from /api/openapi.json)
// drives order to cash against a real listening server, as an outside integration would: each
// person's own API token, no cookies, every call checked by TypeScript against the served document.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { type TandemClient, tandemClient } from '../../clients/typescript/index.ts';
import { accountForRole } from '../../src/modules/accounting/index.ts';
import { salesWorld } from '../../src/modules/sales/fixtures.ts';
import { drainOutbox } from '../../src/platform/outbox/dispatcher.ts';
import { type Client, describeDb, signedIn, testApp } from '../kit/index.ts';

/** The data of a typed call, or a failure that names the operation and the error body. */
function data<T>(res: { data?: T; error?: unknown; response: Response }, what: string): T {
  assert.ok(
    res.response.ok && res.data !== undefined,
    `${what}: ${res.response.status} ${JSON.stringify(res.error)?.slice(0, 400)}`,
  );
  return res.data as T;
}

async function tokenFor(person: Client, name: string): Promise<string> {
  const res = await person.post('/api/v1/api-tokens', { name });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.token;
}

describeDb('typed API client', (ctx) => {
  test('the generated client drives order to cash over HTTP with API tokens', async (t) => {
    const w = await salesWorld(ctx.db);
    const financeUser = await w.company.user('finance');
    const app = await testApp(ctx.db);
    await app.listen({ port: 0, host: '127.0.0.1' });
    t.after(() => new Promise<void>((done) => app.server.close(() => done())));
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const as = async (person: Client, name: string): Promise<TandemClient> =>
      tandemClient(base, await tokenFor(person, name));
    const admin = await as(w.admin, 'shop sync');
    const sales = await as(w.sales, 'sales app');
    const warehouse = await as(w.warehouse, 'scanner');
    const finance = await as(await signedIn(ctx.db, financeUser), 'bank feed');

    const product = data(
      await admin.POST('/api/v1/products', {
        body: {
          sku: `API-${Date.now().toString(36)}`,
          name: { en: 'Typed widget', 'zh-CN': '类型部件' },
          kind: 'stocked',
          uomCode: 'PCS',
          salePrice: '80',
          taxCode: 'VAT13-OUT',
        },
      }),
      'POST /products',
    );
    const receipt = data(
      await warehouse.POST('/api/v1/receipts', {
        body: { warehouseId: w.warehouseId, lines: [{ productId: product.id, qty: '5', unitCost: '30' }] },
      }),
      'POST /receipts',
    );
    data(
      await warehouse.POST('/api/v1/receipts/{id}/validate', {
        params: { path: { id: receipt.id } },
        body: { version: receipt.version },
      }),
      'validate receipt',
    );

    const customer = data(
      await sales.POST('/api/v1/customers', {
        body: { name: `Typed buyer ${Date.now()}`, ignoreDuplicates: true },
      }),
      'POST /customers',
    );
    const draft = data(
      await sales.POST('/api/v1/sales-orders', {
        body: { customerId: customer.id, lines: [{ productId: product.id, qty: '3' }] },
      }),
      'POST /sales-orders',
    );
    assert.deepEqual([draft.subtotal, draft.taxTotal, draft.total], ['240.00', '31.20', '271.20']);
    const order = data(
      await sales.POST('/api/v1/sales-orders/{id}/confirm', {
        params: { path: { id: draft.id } },
        body: { version: draft.version },
      }),
      'confirm',
    );
    assert.equal(order.state, 'confirmed');

    const deliveryId = order.deliveries[0]!.id;
    const delivery = data(
      await warehouse.GET('/api/v1/deliveries/{id}', { params: { path: { id: deliveryId } } }),
      'GET delivery',
    );
    data(
      await warehouse.POST('/api/v1/deliveries/{id}/ship', {
        params: { path: { id: deliveryId } },
        body: { version: delivery.version },
      }),
      'ship',
    );
    await drainOutbox(ctx.db);

    const invoice = data(
      await finance.POST('/api/v1/sales-orders/{id}/invoice', {
        params: { path: { id: order.id } },
        body: {},
      }),
      'invoice the order',
    );
    assert.equal(invoice.total, '271.20');
    const bank = await accountForRole(ctx.db.orm, w.company.id, 'bank');
    data(
      await finance.POST('/api/v1/payments', {
        body: {
          direction: 'inbound',
          partnerId: customer.id,
          accountId: bank,
          amount: '271.20',
          allocations: [{ invoiceId: invoice.id, amount: '271.20' }],
        },
      }),
      'POST /payments',
    );
    const paid = data(
      await finance.GET('/api/v1/invoices/{id}', { params: { path: { id: invoice.id } } }),
      'GET invoice',
    );
    assert.deepEqual([paid.residual, paid.paymentState], ['0.00', 'paid']);
    await drainOutbox(ctx.db);

    // The salesperson sees the order delivered and the customer's account settled.
    const seen = data(
      await sales.GET('/api/v1/sales-orders/{id}', { params: { path: { id: order.id } } }),
      'GET order',
    );
    assert.equal(seen.state, 'delivered');
    const summary = data(
      await sales.GET('/api/v1/customers/{id}/account-summary', { params: { path: { id: customer.id } } }),
      'account summary',
    );
    assert.deepEqual([summary.openReceivables, summary.openInvoices], ['0.00', 0]);

    // Typed errors come back in the documented shape.
    const refused = await warehouse.POST('/api/v1/sales-orders/{id}/confirm', {
      params: { path: { id: order.id } },
      body: { version: order.version },
    });
    assert.equal(refused.response.status, 403);
    assert.equal(refused.error?.error.code, 'forbidden');
  });
});
