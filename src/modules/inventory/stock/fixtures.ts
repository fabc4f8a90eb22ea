// Test data only: a product row as catalog would write it, so inventory tests need not depend on
// catalog's use cases (tests build their own data; they do not mock the database).
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/connect.ts';
import { withTransaction } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';

export interface ProductFixture {
  sku?: string;
  kind?: 'stocked' | 'consumable' | 'service';
  lotTracked?: boolean;
  expiryTracked?: boolean;
  procureMethod?: 'buy' | 'make';
}

let n = 0;

export async function makeProduct(db: Db, companyId: string, f: ProductFixture = {}): Promise<string> {
  const id = newId();
  n++;
  const sku = f.sku ?? `P${process.pid}-${n}`;
  await withTransaction(db, (tx) =>
    tx.execute(
      sql`insert into catalog_product (company_id, id, sku, name, kind, uom_code, lot_tracked, expiry_tracked, procure_method)
          values (${companyId}, ${id}, ${sku}, ${JSON.stringify({ en: `Product ${sku}`, 'zh-CN': `产品 ${sku}` })}::jsonb,
                  ${f.kind ?? 'stocked'}, 'PCS', ${f.lotTracked ?? false}, ${f.expiryTracked ?? false},
                  ${f.procureMethod ?? 'buy'})`,
    ),
  );
  return id;
}

export async function setInventorySetting(
  db: Db,
  companyId: string,
  key: string,
  value: unknown,
): Promise<void> {
  await withTransaction(db, (tx) =>
    tx.execute(
      sql`update platform_company
             set settings = jsonb_set(coalesce(settings, '{}'::jsonb), '{inventory}',
                   coalesce(settings -> 'inventory', '{}'::jsonb) || jsonb_build_object(${key}::text, ${JSON.stringify(value)}::jsonb))
           where id = ${companyId}`,
    ),
  );
}
