import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { rows, type Tx, textArray } from '../../../platform/db/tx.ts';
import type { CostState } from './valuation.ts';

/** Creates missing valuation rows and locks them FOR UPDATE by product id (after the balances). */
export async function lockCosts(
  tx: Tx,
  companyId: string,
  productIds: string[],
): Promise<Map<string, CostState>> {
  const ids = [...new Set(productIds.map((id) => id.toLowerCase()))].sort();
  if (ids.length === 0) return new Map();
  for (const id of ids)
    await tx.execute(
      sql`insert into inventory_cost (company_id, product_id) values (${companyId}, ${id}) on conflict do nothing`,
    );
  const found = await rows<{ product_id: string; qty: string; value: string; avg_cost: string }>(
    tx,
    sql`select product_id, qty, value, avg_cost from inventory_cost
         where company_id = ${companyId} and product_id::text = any(${textArray(ids)})
         order by product_id for update`,
  );
  return new Map(
    found.map((r) => [
      r.product_id,
      { qty: new Decimal(r.qty), value: new Decimal(r.value), avgCost: new Decimal(r.avg_cost) },
    ]),
  );
}

export async function writeCost(tx: Tx, companyId: string, productId: string, s: CostState): Promise<void> {
  await tx.execute(
    sql`update inventory_cost set qty = ${s.qty.toFixed(4)}, value = ${s.value.toFixed(2)}, avg_cost = ${s.avgCost.toFixed(6)},
           version = version + 1, updated_at = now()
         where company_id = ${companyId} and product_id = ${productId}`,
  );
}
