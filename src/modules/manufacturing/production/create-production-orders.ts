import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { nextNumberInYear } from '../../../platform/sequences/next-number.ts';
import { getProducts } from '../../catalog/index.ts';
import { defaultWarehouse, getWarehouse, markNeedPlanned } from '../../inventory/index.ts';
import { type BomInForce, bomsById, bomsInForce } from '../bom/bom.repo.ts';
import { addDays, todayIn } from '../dates.ts';
import type { ProductionOrder, ProductionOrderInput } from './contract.ts';
import { loadOrder, ORIGIN_TYPE, PRODUCTION_ENTITY } from './production.repo.ts';
import { plannedQty } from './production.ts';

export interface NewProductionOrder {
  productId: string;
  warehouseId: string;
  qty: string;
  plannedStart: string | null;
  plannedFinish: string | null;
  originType: string;
  originId: string | null;
  originNumber: string | null;
  needId?: string | null;
}

interface Insert extends Omit<NewProductionOrder, 'originType'> {
  originType: string | null;
  state: 'draft' | 'planned';
  bomId?: string;
  notes?: string;
}

const QTY = /^\d{1,14}(\.\d{1,4})?$/;

/** MO-2026-00001: a counter per company and year of its calendar. */
async function nextOrderNumber(tx: Tx, companyId: string): Promise<string> {
  const { seq, year } = await nextNumberInYear(tx, companyId, 'manufacturing.production_order');
  return `MO-${year}-${String(seq).padStart(5, '0')}`;
}

/** The planned dates: the missing end from the other and the BOM's lead time; none given, start today. */
function plannedDates(
  o: { plannedStart: string | null; plannedFinish: string | null },
  lead: number,
  today: string,
) {
  if (o.plannedStart && o.plannedFinish) {
    if (o.plannedStart > o.plannedFinish)
      throw unprocessable('manufacturing.production_dates', 'The planned start is after the planned finish', {
        plannedStart: o.plannedStart,
        plannedFinish: o.plannedFinish,
      });
    return { start: o.plannedStart, finish: o.plannedFinish };
  }
  if (o.plannedFinish) return { start: addDays(o.plannedFinish, -lead), finish: o.plannedFinish };
  const start = o.plannedStart ?? today;
  return { start, finish: addDays(start, lead) };
}

async function chooseBom(tx: Tx, companyId: string, o: Insert, onDate: string): Promise<BomInForce> {
  if (o.bomId) {
    const bom = [...(await bomsById(tx, companyId, [o.bomId])).values()][0];
    if (!bom || bom.productId !== o.productId)
      throw unprocessable('manufacturing.bom_missing', 'That BOM is not one of this product', {
        bomId: o.bomId,
      });
    return bom;
  }
  const bom = (await bomsInForce(tx, companyId, [o.productId], onDate)).get(o.productId);
  if (!bom)
    throw unprocessable('manufacturing.bom_missing', 'The product has no active BOM on that date', {
      productId: o.productId,
      date: onDate,
    });
  return bom;
}

async function insertOrders(tx: Tx, actor: Actor, orders: Insert[]) {
  const companyId = actor.companyId;
  for (const o of orders)
    if (!QTY.test(o.qty) || new Decimal(o.qty).lte(0))
      throw unprocessable('manufacturing.qty_invalid', 'A quantity must be a decimal > 0', { qty: o.qty });
  await getProducts(
    tx,
    companyId,
    orders.map((o) => o.productId),
  );
  const today = await todayIn(tx, companyId);
  const made: Array<{ id: string; number: string; productId: string; qty: string }> = [];
  for (const o of orders) {
    await getWarehouse(tx, companyId, o.warehouseId);
    // The lead time comes from the BOM in force on the date given; the order uses the one in force on its start.
    const asked = o.plannedStart ?? o.plannedFinish ?? today;
    const first = await chooseBom(tx, companyId, o, asked);
    const { start, finish } = plannedDates(o, first.leadTimeDays, today);
    const bom = o.bomId || start === asked ? first : await chooseBom(tx, companyId, o, start);
    const id = newId();
    const number = await nextOrderNumber(tx, companyId);
    const qty = new Decimal(o.qty).toFixed(4);
    await tx.execute(
      sql`insert into manufacturing_production_order (company_id, id, number, state, product_id, warehouse_id, bom_id, qty,
            planned_start, planned_finish, labour_cost_per_unit, overhead_cost_per_unit, origin_type, origin_id,
            origin_number, need_id, notes, created_by)
          values (${companyId}, ${id}, ${number}, ${o.state}, ${o.productId}, ${o.warehouseId}, ${bom.id}, ${qty},
            ${start}, ${finish}, ${bom.labourCostPerUnit}, ${bom.overheadCostPerUnit}, ${o.originType}, ${o.originId},
            ${o.originNumber}, ${o.needId ?? null}, ${o.notes ?? ''}, ${actor.name === 'system' ? null : actor.userId})`,
    );
    await writeOrderLines(tx, companyId, id, qty, bom);
    if (o.needId)
      await markNeedPlanned(tx, actor, {
        needId: o.needId,
        expectedDate: finish,
        plannedBy: { type: ORIGIN_TYPE, id, number },
      });
    await recordAudit(tx, actor, {
      entity: PRODUCTION_ENTITY,
      entityId: id,
      action: 'create',
      after: {
        number,
        state: o.state,
        productId: o.productId,
        warehouseId: o.warehouseId,
        bomId: bom.id,
        qty,
        start,
        finish,
        needId: o.needId ?? null,
      },
    });
    made.push({ id, number, productId: o.productId, qty });
  }
  return made;
}

/** The component lines of an order: each BOM line scaled to the quantity, substitutes pointing at their main line. */
export async function writeOrderLines(
  tx: Tx,
  companyId: string,
  orderId: string,
  qty: string,
  bom: BomInForce,
) {
  await tx.execute(
    sql`delete from manufacturing_production_order_line where company_id = ${companyId} and order_id = ${orderId}`,
  );
  const ids = new Map(bom.lines.map((l) => [l.id, newId()]));
  const doc = bom.lines.map((l, i) => ({
    id: ids.get(l.id),
    position: i + 1,
    product_id: l.componentId,
    bom_line_id: l.id,
    substitute_of: l.substituteOf ? (ids.get(l.substituteOf) ?? null) : null,
    qty_planned: plannedQty(qty, l, bom.outputQty),
  }));
  if (doc.length === 0) return;
  await tx.execute(
    sql`insert into manufacturing_production_order_line (company_id, id, order_id, position, product_id, bom_line_id,
          substitute_of, qty_planned)
        select ${companyId}, r.id, ${orderId}, r.position, r.product_id, r.bom_line_id, r.substitute_of, r.qty_planned
          from jsonb_to_recordset(${JSON.stringify(doc)}::jsonb)
               as r(id uuid, position int, product_id uuid, bom_line_id uuid, substitute_of uuid, qty_planned numeric)`,
  );
}

/**
 * Production orders from planning (MRP proposals confirmed, procurement needs): state `planned`, the
 * BOM in force on the planned start, components scaled from it. A needId marks that need planned with
 * the planned finish as its expected date. Returns what was made, in the input's order.
 */
export async function createProductionOrders(
  tx: Tx,
  actor: Actor,
  orders: NewProductionOrder[],
): Promise<Array<{ id: string; number: string; productId: string; qty: string }>> {
  requirePermission(actor, 'manufacturing.production.create');
  return insertOrders(
    tx,
    actor,
    orders.map((o) => ({
      ...o,
      productId: o.productId.toLowerCase(),
      warehouseId: o.warehouseId.toLowerCase(),
      state: 'planned',
    })),
  );
}

/** A production order made by hand: a draft, in the default warehouse unless one is given. */
export async function createProductionOrder(
  tx: Tx,
  actor: Actor,
  input: ProductionOrderInput,
): Promise<ProductionOrder> {
  requirePermission(actor, 'manufacturing.production.create');
  const warehouseId = input.warehouseId ?? (await defaultWarehouse(tx, actor.companyId)).id;
  const [made] = await insertOrders(tx, actor, [
    {
      productId: input.productId.toLowerCase(),
      warehouseId: warehouseId.toLowerCase(),
      qty: input.qty,
      plannedStart: input.plannedStart ?? null,
      plannedFinish: input.plannedFinish ?? null,
      originType: null,
      originId: null,
      originNumber: null,
      state: 'draft',
      bomId: input.bomId?.toLowerCase(),
      notes: input.notes,
    },
  ]);
  return loadOrder(tx, actor.companyId, made.id, actor.locale);
}
