import { sql } from 'drizzle-orm';
import { type Executor, one } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';

/**
 * What a scanned code means: a SKU or a product barcode is one stock unit, a packaging barcode (box
 * of 12) is that many. SKU first, so a SKU that happens to look like a barcode still finds its product.
 */
export async function resolveCode(
  ex: Executor,
  companyId: string,
  code: string,
): Promise<{ productId: string; factor: string }> {
  const found = await one<{ product_id: string; factor: string }>(
    ex,
    sql`select product_id, factor from (
          select id as product_id, '1'::text as factor, 1 as rank from catalog_product
           where company_id = ${companyId} and sku = ${code}
          union all
          select id, '1', 2 from catalog_product where company_id = ${companyId} and barcode = ${code}
          union all
          select product_id, factor::text, 3 from catalog_product_unit where company_id = ${companyId} and barcode = ${code}
        ) x order by rank limit 1`,
  );
  if (!found) throw unprocessable('inventory.code_unknown', 'No product has this SKU or barcode', { code });
  return { productId: found.product_id, factor: found.factor };
}
