// Test data only: a company with a purchaser, products written as catalog writes them, and helpers that
// drive purchasing through its HTTP routes (tests build their own data; nothing is mocked).
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { type Client, newCompany, signedIn, type TestCompany } from '../../../test/kit/index.ts';
import type { Db } from '../../platform/db/connect.ts';
import { one, withTransaction } from '../../platform/db/tx.ts';
import { newId } from '../../platform/ids.ts';

let n = 0;

export async function purchasingWorld(db: Db) {
  const company: TestCompany = await newCompany(db);
  const admin = await signedIn(db, company.admin);
  const purchaser = await signedIn(db, await company.user('purchasing'));
  const wh = await one<{ id: string }>(
    db.orm,
    sql`select id from inventory_warehouse where company_id = ${company.id} order by created_at limit 1`,
  );
  const warehouseId = wh?.id ?? (await admin.get('/api/v1/warehouses')).body.items[0].id;

  const product = async (f: { procureMethod?: 'buy' | 'make'; lotTracked?: boolean } = {}) => {
    const id = newId();
    n++;
    const sku = `PUR${process.pid}-${n}`;
    await withTransaction(db, (tx) =>
      tx.execute(
        sql`insert into catalog_product (company_id, id, sku, name, kind, uom_code, lot_tracked, procure_method)
            values (${company.id}, ${id}, ${sku}, ${JSON.stringify({ en: `Part ${sku}`, 'zh-CN': `零件 ${sku}` })}::jsonb,
                    'stocked', 'PCS', ${f.lotTracked ?? false}, ${f.procureMethod ?? 'buy'})`,
      ),
    );
    return id;
  };

  const supplier = async (body: Record<string, unknown> = {}, client: Client = purchaser) => {
    const res = await client.post('/api/v1/suppliers', {
      party: { name: `Supplier ${newId().slice(-8)}`, ignoreDuplicates: true },
      ...body,
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body as { id: string; partyId: string; code: string; version: number };
  };

  const price = async (body: Record<string, unknown>, client: Client = purchaser) => {
    const res = await client.post('/api/v1/supplier-prices', body);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body as { id: string; version: number };
  };

  const settings = (values: Record<string, unknown>) =>
    withTransaction(db, (tx) =>
      tx.execute(
        sql`update platform_company
               set settings = jsonb_set(coalesce(settings, '{}'::jsonb), '{purchasing}',
                     coalesce(settings -> 'purchasing', '{}'::jsonb) || ${JSON.stringify(values)}::jsonb)
             where id = ${company.id}`,
      ),
    );

  return { company, admin, purchaser, warehouseId, product, supplier, price, settings };
}
