import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { purchasingSettings } from '../settings.ts';

/** One `uuid[]` parameter for any number of ids (a bound list would hit the parameter limit). */
export const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/**
 * Purchase lead time per product in days: the best valid supplier price's (preferred first, then the
 * cheapest, then the smallest minimum) own lead time, else that supplier's; products without any valid
 * price of an active supplier get the company default (settings.purchasing.defaultLeadTimeDays, 7).
 */
export async function purchaseLeadTimes(
  ex: Executor,
  companyId: string,
  productIds: string[],
): Promise<Map<string, number>> {
  const settings = await purchasingSettings(ex, companyId);
  const ids = [...new Set(productIds)];
  const result = new Map(ids.map((id) => [id, settings.defaultLeadTimeDays]));
  if (ids.length === 0) return result;
  const found = await rows<{ product_id: string; lead: number }>(
    ex,
    sql`select distinct on (sp.product_id) sp.product_id, coalesce(sp.lead_time_days, s.lead_time_days) as lead
          from purchasing_supplier_price sp
          join purchasing_supplier s on s.company_id = sp.company_id and s.id = sp.supplier_id and s.active
         where sp.company_id = ${companyId} and sp.product_id = any(${uuidArray(ids)})
           and (sp.valid_from is null or sp.valid_from <= ${settings.today}::date)
           and (sp.valid_to is null or sp.valid_to >= ${settings.today}::date)
         order by sp.product_id, sp.preferred desc, sp.price, sp.min_qty, sp.id`,
  );
  for (const r of found) result.set(r.product_id, Number(r.lead));
  return result;
}
