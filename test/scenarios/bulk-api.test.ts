// Bulk endpoints for integrations: up to 1,000 rows a call, each row through the single-row use case,
// per-row results; refused rows leave nothing behind and the good rows are committed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { makeProduct, ok, salesWorld } from '../../src/modules/sales/fixtures.ts';
import { one } from '../../src/platform/db/tx.ts';
import { describeDb } from '../kit/index.ts';

describeDb('bulk API', (ctx) => {
  test('customers, products and orders in bulk: per-row results, refused rows leave no trace', async () => {
    const w = await salesWorld(ctx.db);
    const tag = Date.now().toString(36).toUpperCase();

    // 60 customers in one call (the limit is 1,000; the customer import is the fast path for more), one of them a likely duplicate of another row of the same call.
    const items = Array.from({ length: 60 }, (_, i) => ({
      name: `Bulk ${tag} Trading ${i}`,
      ignoreDuplicates: true,
    }));
    items[59] = { name: `Bulk ${tag} Trading 0 Co., Ltd.`, ignoreDuplicates: false };
    const customers = ok(await w.sales.post('/api/v1/customers/bulk', { items }));
    assert.equal(customers.results.length, 60);
    assert.equal(customers.succeeded, 59);
    assert.equal(customers.failed, 1);
    const refused = customers.results[59];
    assert.deepEqual([refused.index, refused.status, refused.id], [59, 409, null]);
    assert.equal(refused.error.code, 'crm.duplicate_suspected');
    const stored = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from crm_customer where company_id = ${w.company.id} and name like ${`Bulk ${tag}%`}`,
    );
    assert.equal(stored!.n, 59);

    // 1,001 rows is over the limit: refused whole.
    const tooMany = await w.sales.post('/api/v1/customers/bulk', {
      items: Array.from({ length: 1001 }, (_, i) => ({ name: `Over ${tag} ${i}` })),
    });
    assert.equal(tooMany.status, 400);
    // A malformed row is refused whole too, naming the row; nothing is written.
    const malformed = await w.sales.post('/api/v1/customers/bulk', {
      items: [{ name: `Fine ${tag}` }, { name: 42 }],
    });
    assert.equal(malformed.status, 400);
    assert.match(JSON.stringify(malformed.body.error.details), /items\.1|\/items\/1/);
    const none = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from crm_customer where company_id = ${w.company.id} and name = ${`Fine ${tag}`}`,
    );
    assert.equal(none!.n, 0);

    // Products: a SKU taken by an earlier row of the same call is refused for that row only.
    const products = ok(
      await w.admin.post('/api/v1/products/bulk', {
        items: ['A', 'B', 'A'].map((s) => ({
          sku: `BULK-${tag}-${s}`,
          name: { en: `Bulk ${s}` },
          kind: 'stocked',
          uomCode: 'PCS',
          salePrice: '12.50',
          taxCode: 'VAT13-OUT',
        })),
      }),
    );
    assert.deepEqual(
      products.results.map((r: any) => [r.status, r.error?.code ?? null]),
      [
        [201, null],
        [201, null],
        [409, 'catalog.sku_taken'],
      ],
    );
    // A salesperson may not create products: the whole call is 403.
    assert.equal(
      (
        await w.sales.post('/api/v1/products/bulk', {
          items: [{ sku: 'X', name: { en: 'X' }, kind: 'service', uomCode: 'PCS' }],
        })
      ).status,
      403,
    );

    // Orders: one for a product of this company, one naming a product id that is not (422 for that row).
    const product = await makeProduct(w.admin, { salePrice: '20' });
    const orders = ok(
      await w.sales.post('/api/v1/sales-orders/bulk', {
        items: [
          { customerId: customers.results[0].id, lines: [{ productId: product.id, qty: '2' }] },
          {
            customerId: customers.results[1].id,
            lines: [{ productId: '0190aaaa-0000-7000-8000-000000000000', qty: '1' }],
          },
        ],
      }),
    );
    assert.deepEqual(
      orders.results.map((r: any) => r.status),
      [201, 422],
    );
    const order = ok(await w.sales.get(`/api/v1/sales-orders/${orders.results[0].id}`));
    assert.deepEqual([order.state, order.subtotal], ['draft', '40.00']);
  });
});
