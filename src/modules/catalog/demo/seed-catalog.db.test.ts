import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, newCompany } from '../../../../test/kit/index.ts';
import { one, rows, withTransaction } from '../../../platform/db/tx.ts';
import { priceFor } from '../index.ts';
import { seedCatalogDemo } from './seed-catalog.ts';

describeDb('catalog demo data', (ctx) => {
  test('38 products in 7 categories, boxes, three price lists that price as documented', async () => {
    const company = await newCompany(ctx.db);
    const purchasing = await company.user('purchasing');
    await withTransaction(ctx.db, (tx) =>
      seedCatalogDemo(tx, { companyId: company.id, users: { purchasing: purchasing.id }, departments: {} }),
    );
    const count = (table: string) =>
      rows(ctx.db.orm, sql`select 1 from ${sql.raw(table)} where company_id = ${company.id}`).then(
        (r) => r.length,
      );
    assert.equal(await count('catalog_product'), 38);
    assert.equal(await count('catalog_category'), 7);
    assert.equal(await count('catalog_price_list'), 3);
    assert.ok((await count('catalog_product_unit')) >= 15);
    const pen = await one<{ id: string }>(
      ctx.db.orm,
      sql`select id from catalog_product where company_id = ${company.id} and sku = 'WRT-GEL-05'`,
    );
    await withTransaction(ctx.db, async (tx) => {
      const vip = (qtyBase: string) =>
        priceFor(tx, company.id, {
          productId: pen!.id,
          qtyBase,
          customerId: null,
          customerGroups: ['VIP'],
          currency: 'CNY',
          date: '2026-05-01',
        });
      assert.equal((await vip('12')).unitPrice, '2.2000');
      assert.equal((await vip('120')).unitPrice, '2.0000');
      const usd = await priceFor(tx, company.id, {
        productId: pen!.id,
        qtyBase: '1',
        customerId: null,
        customerGroups: [],
        currency: 'USD',
        date: '2026-05-01',
      });
      assert.deepEqual([usd.unitPrice, usd.source.kind], ['0.3521', 'list_price']);
    });
  });
});
