import { type SQL, sql } from 'drizzle-orm';
import { iso, isoOrNull } from '../../../platform/db/time.ts';
import { type Executor, one, rows, type Tx } from '../../../platform/db/tx.ts';
import { notFound, staleVersion } from '../../../platform/errors.ts';
import { productName } from '../contract-common.ts';
import type {
  ProductionLine,
  ProductionOrder,
  ProductionOrderSummary,
  ProductionOutput,
} from './contract.ts';

export const PRODUCTION_ENTITY = 'manufacturing.production_order';
export const ORIGIN_TYPE = 'production_order';

export const selectOrder = (locale: string) =>
  sql`select o.*, pr.sku, ${productName(sql`pr`, locale)} as product_name,
             o.qty::text as qty_text, o.qty_produced::text as produced_text, o.qty_scrapped::text as scrapped_text,
             to_char(o.planned_start, 'YYYY-MM-DD') as start_text, to_char(o.planned_finish, 'YYYY-MM-DD') as finish_text,
             o.labour_cost_per_unit::text as labour_text, o.overhead_cost_per_unit::text as overhead_text,
             o.consumed_value::text as consumed_text, o.released_value::text as released_text,
             o.produced_value::text as produced_value_text
        from manufacturing_production_order o
        join catalog_product pr on pr.company_id = o.company_id and pr.id = o.product_id`;

export function toOrderSummary(r: Record<string, any>): ProductionOrderSummary {
  return {
    id: r.id,
    number: r.number,
    state: r.state,
    productId: r.product_id,
    sku: r.sku,
    productName: r.product_name,
    warehouseId: r.warehouse_id,
    bomId: r.bom_id,
    qty: r.qty_text,
    qtyProduced: r.produced_text,
    qtyScrapped: r.scrapped_text,
    plannedStart: r.start_text,
    plannedFinish: r.finish_text,
    labourCostPerUnit: r.labour_text,
    overheadCostPerUnit: r.overhead_text,
    consumedValue: r.consumed_text,
    releasedValue: r.released_text,
    producedValue: r.produced_value_text,
    originType: r.origin_type,
    originId: r.origin_id,
    originNumber: r.origin_number,
    needId: r.need_id,
    notes: r.notes,
    confirmedAt: isoOrNull(r.confirmed_at),
    startedAt: isoOrNull(r.started_at),
    doneAt: isoOrNull(r.done_at),
    cancelledAt: isoOrNull(r.cancelled_at),
    version: Number(r.version),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** One production order of the company (locked when asked); 404 outside it; 409 on a stale version. */
export async function findOrder(
  ex: Executor,
  companyId: string,
  id: string,
  opts: { lock?: boolean; version?: number; locale?: string } = {},
): Promise<ProductionOrderSummary> {
  const row = await one<Record<string, any>>(
    ex,
    sql`${selectOrder(opts.locale ?? 'zh-CN')} where o.company_id = ${companyId} and o.id = ${id}
        ${opts.lock ? sql`for update of o` : sql``}`,
  );
  if (!row) throw notFound('production order', id);
  const order = toOrderSummary(row);
  if (opts.version !== undefined && order.version !== opts.version)
    throw staleVersion('production order', opts.version, order.version);
  return order;
}

export async function orderLines(ex: Executor, companyId: string, orderId: string, locale: string) {
  const found = await rows<Record<string, any>>(
    ex,
    sql`select l.id, l.position, l.product_id, pr.sku, pr.uom_code, ${productName(sql`pr`, locale)} as product_name,
               l.bom_line_id, l.substitute_of, l.qty_planned::text as planned, l.qty_consumed::text as consumed,
               l.consumed_value::text as consumed_value, l.version,
               coalesce((select sum(r.qty) from inventory_reservation r
                          where r.company_id = l.company_id and r.origin_type = ${ORIGIN_TYPE}
                            and r.origin_line_id = l.id and r.state = 'active'), 0)::numeric(18, 4)::text as reserved
          from manufacturing_production_order_line l
          join catalog_product pr on pr.company_id = l.company_id and pr.id = l.product_id
         where l.company_id = ${companyId} and l.order_id = ${orderId}
         order by l.position`,
  );
  return found.map(
    (l): ProductionLine => ({
      id: l.id,
      position: Number(l.position),
      productId: l.product_id,
      sku: l.sku,
      productName: l.product_name,
      uomCode: l.uom_code,
      bomLineId: l.bom_line_id,
      substituteOf: l.substitute_of,
      qtyPlanned: l.planned,
      qtyReserved: l.reserved,
      qtyConsumed: l.consumed,
      consumedValue: l.consumed_value,
      version: Number(l.version),
    }),
  );
}

async function orderOutputs(ex: Executor, companyId: string, orderId: string): Promise<ProductionOutput[]> {
  const found = await rows<Record<string, any>>(
    ex,
    sql`select id, kind, qty::text as qty, unit_cost::text as unit_cost, value::text as value, lot_no,
               to_char(expiry_date, 'YYYY-MM-DD') as expiry, reason, created_at
          from manufacturing_production_output
         where company_id = ${companyId} and order_id = ${orderId} order by id`,
  );
  return found.map((o) => ({
    id: o.id,
    kind: o.kind,
    qty: o.qty,
    unitCost: o.unit_cost,
    value: o.value,
    lotNo: o.lot_no,
    expiryDate: o.expiry,
    reason: o.reason,
    createdAt: iso(o.created_at),
  }));
}

export async function loadOrder(
  ex: Executor,
  companyId: string,
  id: string,
  locale: string,
): Promise<ProductionOrder> {
  const order = await findOrder(ex, companyId, id, { locale });
  return {
    ...order,
    lines: await orderLines(ex, companyId, id, locale),
    outputs: await orderOutputs(ex, companyId, id),
  };
}

/** Bumps the order's version with the given changes (the caller holds its lock). */
export async function bumpOrder(tx: Tx, companyId: string, id: string, set: SQL): Promise<void> {
  await tx.execute(
    sql`update manufacturing_production_order set ${set}, version = version + 1, updated_at = now()
         where company_id = ${companyId} and id = ${id}`,
  );
}

/** The fields events about an order carry. */
export function eventPayload(o: ProductionOrderSummary) {
  return {
    orderId: o.id,
    number: o.number,
    productId: o.productId,
    warehouseId: o.warehouseId,
    qty: o.qty,
    qtyProduced: o.qtyProduced,
    plannedFinish: o.plannedFinish,
    originType: o.originType,
    originId: o.originId,
    originNumber: o.originNumber,
    needId: o.needId,
  };
}
