import { sql } from 'drizzle-orm';
import { type Executor, rows, textArray } from '../../../platform/db/tx.ts';
import { inventorySettings } from '../settings.ts';

/** What inventory knows for planning (MRP), for a whole company, in stock units. */
export interface PlanningSnapshot {
  /** Today in the company's time zone (YYYY-MM-DD); overdue and undated documents are dated today. */
  today: string;
  /** On hand − reserved in the warehouses' stock locations, per product and warehouse (non-zero only). */
  stock: Array<{ productId: string; warehouseId: string; available: string }>;
  /** Open delivery lines (sales orders …) not yet covered by a reservation, by scheduled date. */
  demand: Array<{
    productId: string;
    warehouseId: string;
    date: string;
    qty: string;
    originType: string | null;
    originId: string | null;
    originNumber: string | null;
    /** The origin document's line (a sales order line): what procurement needs point at. */
    originLineId: string | null;
  }>;
  /** Open receipt lines still to arrive, by scheduled date. */
  receipts: Array<{ productId: string; warehouseId: string; date: string; qty: string }>;
  /** Open procurement needs per origin line (the newest when a line has several). */
  needs: Array<{ needId: string; originType: string; originLineId: string }>;
  /**
   * What was ordered per product, warehouse and month (first day), from today's month on: every
   * delivery line not cancelled, whether reserved, shipped or still open, by origin type. MRP consumes
   * the month's forecast with it.
   */
  ordered: Array<{
    productId: string;
    warehouseId: string;
    month: string;
    originType: string | null;
    qty: string;
  }>;
}

/**
 * Five set-based reads, one per part, however many products there are: planning a company's
 * 10,000 products must not cost 10,000 queries. Counts what `projectAvailability` counts per product.
 */
export async function planningSnapshot(ex: Executor, companyId: string): Promise<PlanningSnapshot> {
  const { today } = await inventorySettings(ex, companyId);
  const stock = await rows<PlanningSnapshot['stock'][number]>(
    ex,
    sql`select b.product_id as "productId", b.warehouse_id as "warehouseId",
               sum(b.on_hand - b.reserved)::text as available
          from inventory_balance b
          join inventory_location l on l.company_id = b.company_id and l.id = b.location_id and l.kind = 'stock'
         where b.company_id = ${companyId}
         group by b.product_id, b.warehouse_id
        having sum(b.on_hand - b.reserved) <> 0`,
  );
  // A delivery line's reservations hang on the line, or (reserved at order confirmation, before the
  // delivery existed) on the origin line only: summed separately, then joined, never per line.
  const demand = await rows<PlanningSnapshot['demand'][number]>(
    ex,
    sql`with res_line as (
          select picking_line_id, sum(qty) as qty from inventory_reservation
           where company_id = ${companyId} and state = 'active' and picking_line_id is not null
           group by picking_line_id),
        res_origin as (
          select origin_line_id, sum(qty) as qty from inventory_reservation
           where company_id = ${companyId} and state = 'active' and picking_line_id is null
           group by origin_line_id)
        select pl.product_id as "productId", p.warehouse_id as "warehouseId",
               to_char(greatest(coalesce(p.scheduled_date, ${today}::date), ${today}::date), 'YYYY-MM-DD') as date,
               (pl.qty - pl.qty_done - coalesce(rl.qty, 0) - coalesce(ro.qty, 0))::text as qty,
               p.origin_type as "originType", p.origin_id as "originId", p.origin_number as "originNumber",
               pl.origin_line_id as "originLineId"
          from inventory_picking p
          join inventory_picking_line pl on pl.company_id = p.company_id and pl.picking_id = p.id
          left join res_line rl on rl.picking_line_id = pl.id
          left join res_origin ro on ro.origin_line_id = pl.origin_line_id
         where p.company_id = ${companyId} and p.kind = 'delivery' and p.state not in ('done', 'cancelled')
           and pl.qty - pl.qty_done - coalesce(rl.qty, 0) - coalesce(ro.qty, 0) > 0
         order by p.scheduled_date nulls first, p.id, pl.line_no`,
  );
  const receipts = await rows<PlanningSnapshot['receipts'][number]>(
    ex,
    sql`select pl.product_id as "productId", p.warehouse_id as "warehouseId",
               to_char(greatest(coalesce(p.scheduled_date, ${today}::date), ${today}::date), 'YYYY-MM-DD') as date,
               sum(pl.qty - pl.qty_done)::text as qty
          from inventory_picking p
          join inventory_picking_line pl on pl.company_id = p.company_id and pl.picking_id = p.id
         where p.company_id = ${companyId} and p.kind = 'receipt' and p.state not in ('done', 'cancelled')
           and pl.qty > pl.qty_done
         group by 1, 2, 3`,
  );
  const needs = await rows<PlanningSnapshot['needs'][number]>(
    ex,
    sql`select distinct on (origin_type, origin_line_id) id as "needId", origin_type as "originType",
               origin_line_id as "originLineId"
          from inventory_procurement_need
         where company_id = ${companyId} and state = 'open' and origin_line_id is not null
         order by origin_type, origin_line_id, id desc`,
  );
  const ordered = await rows<PlanningSnapshot['ordered'][number]>(
    ex,
    sql`select pl.product_id as "productId", p.warehouse_id as "warehouseId",
               to_char(date_trunc('month', coalesce(p.scheduled_date, ${today}::date)), 'YYYY-MM-DD') as month,
               p.origin_type as "originType", sum(pl.qty)::text as qty
          from inventory_picking p
          join inventory_picking_line pl on pl.company_id = p.company_id and pl.picking_id = p.id
         where p.company_id = ${companyId} and p.kind = 'delivery' and p.state <> 'cancelled'
           and coalesce(p.scheduled_date, ${today}::date) >= date_trunc('month', ${today}::date)
         group by 1, 2, 3, 4`,
  );
  return { today, stock, demand, receipts, needs, ordered };
}

/** Which of these procurement needs are still open (a planner about to plan them skips the others). */
export async function openNeedIds(ex: Executor, companyId: string, needIds: string[]): Promise<Set<string>> {
  if (needIds.length === 0) return new Set();
  const found = await rows<{ id: string }>(
    ex,
    sql`select id from inventory_procurement_need
         where company_id = ${companyId} and state = 'open' and id::text = any(${textArray(needIds)})`,
  );
  return new Set(found.map((r) => r.id));
}
