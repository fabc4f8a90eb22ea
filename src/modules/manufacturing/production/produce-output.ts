import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { allocateArrivals, receiveFromProduction } from '../../inventory/index.ts';
import { bookProduction } from './book-production.ts';
import { consumeLines } from './consume-components.ts';
import type { ProduceInput, ProductionOrder, ProductionOrderSummary, ScrapInput } from './contract.ts';
import { closeOrder } from './finish-production-order.ts';
import {
  bumpOrder,
  findOrder,
  loadOrder,
  ORIGIN_TYPE,
  orderLines,
  PRODUCTION_ENTITY,
} from './production.repo.ts';
import { componentCostPerUnit, outputValue, productionTransition } from './production.ts';

/** What the plan says `qty` more units need of each main component, less what was consumed already. */
async function backflush(tx: Tx, actor: Actor, order: ProductionOrderSummary, qty: Decimal): Promise<void> {
  const done = new Decimal(order.qtyProduced).add(order.qtyScrapped).add(qty);
  const share = Decimal.min(1, done.div(order.qty));
  const wanted = (await orderLines(tx, actor.companyId, order.id, actor.locale))
    .filter((l) => l.substituteOf === null)
    .map((l) => ({
      lineId: l.id,
      qty: new Decimal(l.qtyPlanned).mul(share).toDecimalPlaces(4, Decimal.ROUND_UP).sub(l.qtyConsumed),
    }))
    .filter((w) => w.qty.gt(0))
    .map((w) => ({ lineId: w.lineId, qty: w.qty.toFixed(4) }));
  if (wanted.length > 0) await consumeLines(tx, actor, order, wanted);
}

/**
 * Finished goods of an order in progress come into stock (partial steps allowed, lots and expiry): valued
 * at the component value consumed for them plus labour and overhead per unit, booked Dr inventory / Cr
 * production. Waiting sales backorders get the arrivals; the order is done once produced + scrapped
 * reaches its quantity.
 */
export async function produceOutput(
  tx: Tx,
  actor: Actor,
  id: string,
  input: ProduceInput,
): Promise<ProductionOrder> {
  requirePermission(actor, 'manufacturing.production.produce');
  const companyId = actor.companyId;
  let order = await findOrder(tx, companyId, id, { lock: true, version: input.version });
  productionTransition(order.state, 'work');
  const qty = new Decimal(input.qty);
  if (input.backflush) {
    await backflush(tx, actor, order, qty);
    order = await findOrder(tx, companyId, id);
  }
  const last = new Decimal(order.qtyProduced).add(order.qtyScrapped).add(qty).gte(order.qty);
  const lines = await orderLines(tx, companyId, id, actor.locale);
  const valued = outputValue({
    qty,
    componentCostPerUnit: componentCostPerUnit(order.qty, lines),
    consumedValue: order.consumedValue,
    releasedValue: order.releasedValue,
    labourPerUnit: order.labourCostPerUnit,
    overheadPerUnit: order.overheadCostPerUnit,
    last,
  });
  const outputId = newId();
  const received = await receiveFromProduction(tx, actor, {
    warehouseId: order.warehouseId,
    originType: ORIGIN_TYPE,
    originId: id,
    originNumber: order.number,
    lines: [
      {
        originLineId: outputId,
        productId: order.productId,
        qty: qty.toFixed(4),
        unitCost: valued.unitCost.toFixed(6),
        lotNo: input.lotNo ?? null,
        expiryDate: input.expiryDate ?? null,
      },
    ],
  });
  await tx.execute(
    sql`insert into manufacturing_production_output (company_id, id, order_id, kind, qty, unit_cost, value, lot_no,
          expiry_date, created_by)
        values (${companyId}, ${outputId}, ${id}, 'produced', ${qty.toFixed(4)}, ${valued.unitCost.toFixed(6)},
          ${received.value}, ${input.lotNo ?? null}, ${input.expiryDate ?? null},
          ${actor.name === 'system' ? null : actor.userId})`,
  );
  await bumpOrder(
    tx,
    companyId,
    id,
    sql`qty_produced = qty_produced + ${qty.toFixed(4)}, produced_value = produced_value + ${received.value},
        released_value = released_value + ${valued.released.toFixed(2)}`,
  );
  await bookProduction(tx, actor, {
    type: 'produce',
    id: outputId,
    memo: `Production ${order.number}: ${qty.toFixed(4)} produced`,
    value: received.value,
  });
  await recordAudit(tx, actor, {
    entity: PRODUCTION_ENTITY,
    entityId: id,
    action: 'produce',
    after: {
      qty: qty.toFixed(4),
      unitCost: valued.unitCost.toFixed(6),
      value: received.value,
      lotNo: input.lotNo ?? null,
    },
  });
  if (last) await closeOrder(tx, actor, id);
  await allocateArrivals(tx, actor, { warehouseId: order.warehouseId, productIds: [order.productId] });
  return loadOrder(tx, companyId, id, actor.locale);
}

/**
 * Finished units lost in production: they never reach stock and carry no value, so the components
 * consumed for them stay in WIP and go to the good units (normal spoilage). Closes the order once
 * produced + scrapped reaches its quantity.
 */
export async function scrapOutput(
  tx: Tx,
  actor: Actor,
  id: string,
  input: ScrapInput,
): Promise<ProductionOrder> {
  requirePermission(actor, 'manufacturing.production.scrap');
  const companyId = actor.companyId;
  const order = await findOrder(tx, companyId, id, { lock: true, version: input.version });
  productionTransition(order.state, 'work');
  const qty = new Decimal(input.qty);
  await tx.execute(
    sql`insert into manufacturing_production_output (company_id, id, order_id, kind, qty, reason, created_by)
        values (${companyId}, ${newId()}, ${id}, 'scrapped', ${qty.toFixed(4)}, ${input.reason},
          ${actor.name === 'system' ? null : actor.userId})`,
  );
  await bumpOrder(tx, companyId, id, sql`qty_scrapped = qty_scrapped + ${qty.toFixed(4)}`);
  await recordAudit(tx, actor, {
    entity: PRODUCTION_ENTITY,
    entityId: id,
    action: 'scrap',
    after: { qty: qty.toFixed(4), reason: input.reason },
  });
  if (new Decimal(order.qtyProduced).add(order.qtyScrapped).add(qty).gte(order.qty))
    await closeOrder(tx, actor, id);
  return loadOrder(tx, companyId, id, actor.locale);
}
