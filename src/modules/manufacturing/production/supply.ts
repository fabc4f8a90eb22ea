import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows, textArray } from '../../../platform/db/tx.ts';
import type { IncomingSupply } from '../../inventory/index.ts';
import { ORIGIN_TYPE } from './production.repo.ts';

const OPEN = sql`o.state in ('draft', 'planned', 'confirmed', 'in_progress')`;

async function supply(ex: Executor, companyId: string, filter: SQL): Promise<IncomingSupply[]> {
  return rows<IncomingSupply>(
    ex,
    sql`select o.product_id as "productId", o.warehouse_id as "warehouseId",
               to_char(coalesce(o.planned_finish, (now() at time zone c.time_zone)::date), 'YYYY-MM-DD') as date,
               (o.qty - o.qty_produced - o.qty_scrapped)::numeric(18, 4)::text as qty
          from manufacturing_production_order o
          join platform_company c on c.id = o.company_id
         where o.company_id = ${companyId} and ${OPEN} and o.qty - o.qty_produced - o.qty_scrapped > 0 ${filter}
         order by o.planned_finish nulls first, o.id`,
  );
}

/**
 * Output of open production orders (draft, planned, confirmed, in progress) not yet produced or
 * scrapped, on their planned finish date. Also inventory's incoming-supply provider, so the
 * availability projection and the sales expected date count it.
 */
export function openProductionSupply(ex: Executor, companyId: string): Promise<IncomingSupply[]> {
  return supply(ex, companyId, sql``);
}

/** The provider inventory calls, narrowed to a warehouse, some products and a horizon. */
export function productionSupplyFor(
  ex: Executor,
  companyId: string,
  filter: { productIds: string[]; warehouseId: string; to: string },
): Promise<IncomingSupply[]> {
  if (filter.productIds.length === 0) return Promise.resolve([]);
  return supply(
    ex,
    companyId,
    sql`and o.warehouse_id = ${filter.warehouseId}
        and o.product_id::text = any(${textArray(filter.productIds.map((p) => p.toLowerCase()))})
        and coalesce(o.planned_finish, (now() at time zone c.time_zone)::date) <= ${filter.to}::date`,
  );
}

/**
 * Components open production orders still need, on their planned start: planned − consumed − what is
 * reserved for the line now (reserved stock is no longer available, so counting it again would plan it
 * twice). Substitutes are not demand.
 */
export function openProductionDemand(ex: Executor, companyId: string): Promise<IncomingSupply[]> {
  return rows<IncomingSupply>(
    ex,
    sql`select l.product_id as "productId", o.warehouse_id as "warehouseId",
               to_char(coalesce(o.planned_start, (now() at time zone c.time_zone)::date), 'YYYY-MM-DD') as date,
               (l.qty_planned - l.qty_consumed - coalesce(r.reserved, 0))::numeric(18, 4)::text as qty
          from manufacturing_production_order o
          join platform_company c on c.id = o.company_id
          join manufacturing_production_order_line l on l.company_id = o.company_id and l.order_id = o.id
          left join lateral (
            select sum(res.qty) as reserved from inventory_reservation res
             where res.company_id = l.company_id and res.origin_type = ${ORIGIN_TYPE}
               and res.origin_line_id = l.id and res.state = 'active'
          ) r on true
         where o.company_id = ${companyId} and ${OPEN} and l.substitute_of is null
           and l.qty_planned - l.qty_consumed - coalesce(r.reserved, 0) > 0
         order by o.planned_start nulls first, o.id, l.position`,
  );
}
