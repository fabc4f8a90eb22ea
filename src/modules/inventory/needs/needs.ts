import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { type Executor, one, rows, type Tx } from '../../../platform/db/tx.ts';
import { conflict, notFound, unprocessable } from '../../../platform/errors.ts';
import { isUuid, newId } from '../../../platform/ids.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { stockProducts } from '../stock/products.repo.ts';

export interface NeedInput {
  productId: string;
  warehouseId: string;
  qty: string;
  neededBy: string | null;
  originType: string;
  originId: string;
  originLineId: string | null;
  originNumber: string;
}

export type NeedState = 'open' | 'planned' | 'done' | 'cancelled';

export interface ProcurementNeed {
  id: string;
  productId: string;
  sku: string;
  productName: Record<string, string>;
  warehouseId: string;
  qty: string;
  qtyFilled: string;
  method: 'buy' | 'make';
  neededBy: string | null;
  state: NeedState;
  originType: string;
  originId: string;
  originLineId: string | null;
  originNumber: string | null;
  expectedDate: string | null;
  plannedBy: { type: string; id: string; number: string } | null;
  version: number;
}

/** Records shortages as procurement needs (method from the product) and publishes `procurement.needed` each. */
export async function recordProcurementNeeds(tx: Tx, actor: Actor, needs: NeedInput[]): Promise<void> {
  const wanted = needs.filter((n) => new Decimal(n.qty).gt(0));
  if (wanted.length === 0) return;
  const products = await stockProducts(
    tx,
    actor.companyId,
    wanted.map((n) => n.productId),
  );
  for (const n of wanted) {
    const method = products.get(n.productId)?.procureMethod === 'make' ? 'make' : 'buy';
    const id = newId();
    const qty = new Decimal(n.qty).toFixed(4);
    await tx.execute(
      sql`insert into inventory_procurement_need (company_id, id, product_id, warehouse_id, qty, method, needed_by,
            origin_type, origin_id, origin_line_id, origin_number)
          values (${actor.companyId}, ${id}, ${n.productId}, ${n.warehouseId}, ${qty}, ${method}, ${n.neededBy},
            ${n.originType}, ${n.originId}, ${n.originLineId}, ${n.originNumber})`,
    );
    await recordAudit(tx, actor, {
      entity: 'inventory.procurement_need',
      entityId: id,
      action: 'create',
      after: {
        productId: n.productId,
        warehouseId: n.warehouseId,
        qty,
        method,
        originNumber: n.originNumber,
      },
    });
    await publish(tx, actor, {
      type: 'procurement.needed',
      aggregateType: 'inventory.procurement_need',
      aggregateId: id,
      payload: {
        needId: id,
        productId: n.productId,
        warehouseId: n.warehouseId,
        qty,
        method,
        neededBy: n.neededBy,
        originType: n.originType,
        originId: n.originId,
        originNumber: n.originNumber,
      },
    });
  }
}

/** Cancels the open needs of an origin (its document was cancelled); planned ones stay with their planner. */
export async function cancelProcurementNeeds(
  tx: Tx,
  actor: Actor,
  input: { originType: string; originId: string },
) {
  const cancelled = await rows<{ id: string }>(
    tx,
    sql`update inventory_procurement_need set state = 'cancelled', version = version + 1, updated_at = now()
         where company_id = ${actor.companyId} and origin_type = ${input.originType} and origin_id = ${input.originId}
           and state = 'open' returning id`,
  );
  for (const c of cancelled)
    await recordAudit(tx, actor, {
      entity: 'inventory.procurement_need',
      entityId: c.id,
      action: 'cancel',
      before: { state: 'open' },
      after: { state: 'cancelled' },
    });
}

interface NeedRow {
  id: string;
  product_id: string;
  sku: string;
  product_name: Record<string, string>;
  warehouse_id: string;
  qty: string;
  qty_filled: string;
  method: 'buy' | 'make';
  needed_by: string | null;
  state: NeedState;
  origin_type: string;
  origin_id: string;
  origin_line_id: string | null;
  origin_number: string | null;
  expected_date: string | null;
  planned_by_type: string | null;
  planned_by_id: string | null;
  planned_by_number: string | null;
  version: number;
}

const mapNeed = (r: NeedRow): ProcurementNeed => ({
  id: r.id,
  productId: r.product_id,
  sku: r.sku,
  productName: r.product_name,
  warehouseId: r.warehouse_id,
  qty: new Decimal(r.qty).toFixed(4),
  qtyFilled: new Decimal(r.qty_filled).toFixed(4),
  method: r.method,
  neededBy: r.needed_by,
  state: r.state,
  originType: r.origin_type,
  originId: r.origin_id,
  originLineId: r.origin_line_id,
  originNumber: r.origin_number,
  expectedDate: r.expected_date,
  plannedBy:
    r.planned_by_type && r.planned_by_id
      ? { type: r.planned_by_type, id: r.planned_by_id, number: r.planned_by_number ?? '' }
      : null,
  version: Number(r.version),
});

/** Needs by state (default open), oldest first, paged by id. */
export async function listNeeds(
  ex: Executor,
  companyId: string,
  filter: { state?: NeedState; method?: 'buy' | 'make'; productId?: string; after?: string; limit?: number },
): Promise<ProcurementNeed[]> {
  const found = await rows<NeedRow>(
    ex,
    sql`select n.id, n.product_id, p.sku, p.name as product_name, n.warehouse_id, n.qty, n.qty_filled, n.method,
               to_char(n.needed_by, 'YYYY-MM-DD') as needed_by, n.state, n.origin_type, n.origin_id, n.origin_line_id,
               n.origin_number, to_char(n.expected_date, 'YYYY-MM-DD') as expected_date, n.planned_by_type,
               n.planned_by_id, n.planned_by_number, n.version
          from inventory_procurement_need n
          join catalog_product p on p.company_id = n.company_id and p.id = n.product_id
         where n.company_id = ${companyId} and n.state = ${filter.state ?? 'open'}
           ${filter.method ? sql`and n.method = ${filter.method}` : sql``}
           ${filter.productId ? sql`and n.product_id = ${filter.productId}` : sql``}
           ${filter.after ? sql`and n.id > ${filter.after}` : sql``}
         order by n.id limit ${filter.limit ?? 500}`,
  );
  return found.map(mapNeed);
}

/** Open needs for purchasing / production planning (optionally of one method). */
export function listOpenNeeds(ex: Executor, companyId: string, filter: { method?: 'buy' | 'make' } = {}) {
  return listNeeds(ex, companyId, { state: 'open', method: filter.method, limit: 10_000 });
}

export interface PlannedBy {
  type: string;
  id: string;
  number: string;
}

export interface MarkNeedPlannedInput {
  needId: string;
  qtyFilled?: string;
  reason?: string;
  /** When the goods are expected (YYYY-MM-DD): sales shows it on the order line. */
  expectedDate?: string | null;
  /** The document that will bring the goods (a purchase or production order). */
  plannedBy?: PlannedBy | null;
}

/**
 * A planner took the need into a purchase or production order: state → planned, with what it covers
 * (qtyFilled, default all), when it is expected and by which document; publishes `procurement.planned`
 * (sales moves the order line's expected date and tells the salesperson). 409 when it is no longer open.
 */
export async function markNeedPlanned(tx: Tx, actor: Actor, input: MarkNeedPlannedInput): Promise<void> {
  if (!isUuid(input.needId)) throw notFound('procurement need', input.needId);
  const need = await one<
    Pick<
      NeedRow,
      | 'product_id'
      | 'warehouse_id'
      | 'state'
      | 'qty'
      | 'origin_type'
      | 'origin_id'
      | 'origin_line_id'
      | 'origin_number'
    >
  >(
    tx,
    sql`select product_id, warehouse_id, state, qty, origin_type, origin_id, origin_line_id, origin_number
          from inventory_procurement_need
         where company_id = ${actor.companyId} and id = ${input.needId} for update`,
  );
  if (!need) throw notFound('procurement need', input.needId);
  if (need.state !== 'open')
    throw conflict('inventory.need_not_open', 'The need is no longer open', { state: need.state });
  const filled = input.qtyFilled ?? need.qty;
  if (!/^\d{1,14}(\.\d{1,4})?$/.test(filled))
    throw unprocessable('inventory.qty_invalid', 'A quantity must be a decimal ≥ 0', { qty: filled });
  const expectedDate = input.expectedDate ?? null;
  if (expectedDate !== null && !/^\d{4}-\d{2}-\d{2}$/.test(expectedDate))
    throw unprocessable('inventory.date_invalid', 'The expected date must be YYYY-MM-DD', { expectedDate });
  const by = input.plannedBy ?? null;
  if (by && !isUuid(by.id))
    throw unprocessable('inventory.planned_by_invalid', 'plannedBy.id must be a UUID', { id: by.id });
  await tx.execute(
    sql`update inventory_procurement_need set state = 'planned', qty_filled = ${filled},
           expected_date = ${expectedDate}::date, planned_by_type = ${by?.type ?? null},
           planned_by_id = ${by?.id ?? null}::uuid, planned_by_number = ${by?.number ?? null},
           version = version + 1, updated_at = now()
         where company_id = ${actor.companyId} and id = ${input.needId}`,
  );
  await recordAudit(tx, actor, {
    entity: 'inventory.procurement_need',
    entityId: input.needId,
    action: 'plan',
    before: { state: 'open' },
    after: { state: 'planned', qtyFilled: filled, expectedDate, plannedBy: by },
    reason: input.reason,
  });
  await publish(tx, actor, {
    type: 'procurement.planned',
    aggregateType: 'inventory.procurement_need',
    aggregateId: input.needId,
    payload: {
      needId: input.needId,
      productId: need.product_id,
      warehouseId: need.warehouse_id,
      qty: new Decimal(filled).toFixed(4),
      originType: need.origin_type,
      originId: need.origin_id,
      originLineId: need.origin_line_id,
      originNumber: need.origin_number,
      expectedDate,
      plannedBy: by,
    },
  });
}
