import { sql } from 'drizzle-orm';
import { type Executor, one } from '../../../platform/db/tx.ts';
import type { SupplierPriceView } from './contract.ts';
import { selectPrice, toPrice } from './price.repo.ts';

export interface BestPriceResult {
  price: SupplierPriceView;
  /** The price in company currency (the latest rate on or before the date). */
  priceCompany: string;
}

/**
 * The price to buy a quantity of a product at on a date: among active suppliers' prices valid on that
 * date whose minimum quantity the quantity reaches, a preferred price first, then the lowest in company
 * currency (prices in a currency without a rate come last), then the shortest lead time. Optionally
 * only from one supplier.
 */
export async function bestPrice(
  ex: Executor,
  companyId: string,
  input: { productId: string; qty: string; date: string; supplierId?: string | null },
): Promise<BestPriceResult | null> {
  const row = await one<Record<string, any>>(
    ex,
    sql`with candidates as (
          ${selectPrice}
          where sp.company_id = ${companyId} and sp.product_id = ${input.productId} and s.active
            and sp.min_qty <= ${input.qty}::numeric
            and (sp.valid_from is null or sp.valid_from <= ${input.date}::date)
            and (sp.valid_to is null or sp.valid_to >= ${input.date}::date)
            ${input.supplierId ? sql`and sp.supplier_id = ${input.supplierId}` : sql``})
        select x.*, round(x.price * fx.rate, 4)::text as price_company
          from candidates x
          cross join lateral (
            select case when x.currency = co.currency then 1::numeric
                        else (select r.rate from platform_exchange_rate r
                               where r.company_id = x.company_id and r.currency_code = x.currency
                                 and r.rate_date <= ${input.date}::date
                               order by r.rate_date desc limit 1) end as rate
              from platform_company co where co.id = x.company_id) fx
         order by x.preferred desc, (x.price * fx.rate) asc nulls last,
                  coalesce(x.lead_time_days, x.supplier_lead), x.min_qty desc, x.id
         limit 1`,
  );
  if (!row) return null;
  return { price: toPrice(row), priceCompany: row.price_company ?? row.price_t };
}
