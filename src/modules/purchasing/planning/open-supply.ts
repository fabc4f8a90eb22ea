import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { purchasingSettings } from '../settings.ts';
import { uuidArray } from './lead-times.ts';

/** The shape of inventory's IncomingSupply (kept structural so purchasing does not wait on it). */
export interface PurchaseSupply {
  productId: string;
  warehouseId: string;
  date: string;
  qty: string;
}

export interface SupplyFilter {
  productIds?: string[];
  warehouseId?: string;
  /** Up to this date (YYYY-MM-DD), inclusive. */
  to?: string;
}

/**
 * What purchasing will bring in that is not an inventory receipt line yet: open requisitions (draft,
 * approved) on their needed-by date (else today + the default lead time), and the lines of orders not
 * confirmed (draft, awaiting approval, sent) on the order's expected date (else order date + the default
 * lead time). Confirmed orders have draft receipts, which inventory counts itself. Summed per product,
 * warehouse and date; dates before today count today.
 */
export async function openPurchaseSupply(
  ex: Executor,
  companyId: string,
  filter: SupplyFilter = {},
): Promise<PurchaseSupply[]> {
  const { today, defaultLeadTimeDays: lead } = await purchasingSettings(ex, companyId);
  const products = filter.productIds ? sql`and product_id = any(${uuidArray(filter.productIds)})` : sql``;
  const warehouse = filter.warehouseId ? sql`and warehouse_id = ${filter.warehouseId}` : sql``;
  const found = await rows<{ product_id: string; warehouse_id: string; date: string; qty: string }>(
    ex,
    sql`with supply as (
          select r.product_id, r.warehouse_id, coalesce(r.needed_by, ${today}::date + ${lead}::int) as day, r.qty
            from purchasing_requisition r
           where r.company_id = ${companyId} and r.state in ('draft', 'approved')
          union all
          select l.product_id, o.warehouse_id, coalesce(o.expected_date, o.order_date + ${lead}::int) as day, l.qty
            from purchasing_order o
            join purchasing_order_line l on l.company_id = o.company_id and l.order_id = o.id
           where o.company_id = ${companyId} and o.state in ('draft', 'awaiting_approval', 'sent'))
        select product_id, warehouse_id, to_char(greatest(day, ${today}::date), 'YYYY-MM-DD') as date,
               sum(qty)::text as qty
          from supply
         where true ${products} ${warehouse}
           ${filter.to ? sql`and greatest(day, ${today}::date) <= ${filter.to}::date` : sql``}
         group by 1, 2, 3
         order by 1, 2, 3`,
  );
  return found.map((r) => ({
    productId: r.product_id,
    warehouseId: r.warehouse_id,
    date: r.date,
    qty: r.qty,
  }));
}
