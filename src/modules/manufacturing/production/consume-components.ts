import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { consumeForProduction, releaseReservations } from '../../inventory/index.ts';
import { bookProduction } from './book-production.ts';
import type { ConsumeInput, ProductionOrder, ProductionOrderSummary } from './contract.ts';
import {
  bumpOrder,
  findOrder,
  loadOrder,
  ORIGIN_TYPE,
  orderLines,
  PRODUCTION_ENTITY,
} from './production.repo.ts';
import { productionTransition } from './production.ts';

/**
 * Moves components of an order in progress into production (their reservations first, then free stock)
 * and books their value into WIP. Shared by the consume route and the produce step's backflush.
 */
export async function consumeLines(
  tx: Tx,
  actor: Actor,
  order: ProductionOrderSummary,
  wanted: Array<{ lineId: string; qty: string; lotNo?: string | null }>,
): Promise<string> {
  const companyId = actor.companyId;
  const lines = await orderLines(tx, companyId, order.id, actor.locale);
  const byId = new Map(lines.map((l) => [l.id, l]));
  const unknown = wanted.filter((w) => !byId.has(w.lineId.toLowerCase())).map((w) => w.lineId);
  if (unknown.length > 0)
    throw unprocessable('manufacturing.line_unknown', 'These lines are not components of the order', {
      lineIds: unknown,
    });
  const consumed = await consumeForProduction(tx, actor, {
    warehouseId: order.warehouseId,
    originType: ORIGIN_TYPE,
    originId: order.id,
    originNumber: order.number,
    lines: wanted.map((w) => ({
      originLineId: w.lineId.toLowerCase(),
      productId: byId.get(w.lineId.toLowerCase())?.productId as string,
      qty: w.qty,
      lotNo: w.lotNo ?? null,
    })),
  });
  for (const l of consumed.lines)
    await tx.execute(
      sql`update manufacturing_production_order_line
             set qty_consumed = qty_consumed + ${l.qty}, consumed_value = consumed_value + ${l.value},
                 version = version + 1, updated_at = now()
           where company_id = ${companyId} and id = ${l.originLineId}`,
    );
  // A line consumed in full (e.g. from another lot than the one held) holds nothing back any more.
  const satisfied = (await orderLines(tx, companyId, order.id, actor.locale)).filter(
    (l) => new Decimal(l.qtyReserved).gt(0) && new Decimal(l.qtyConsumed).gte(l.qtyPlanned),
  );
  if (satisfied.length > 0)
    await releaseReservations(tx, actor, {
      originType: ORIGIN_TYPE,
      originId: order.id,
      originLineIds: satisfied.map((l) => l.id),
    });
  await bumpOrder(tx, companyId, order.id, sql`consumed_value = consumed_value + ${consumed.value}`);
  await bookProduction(tx, actor, {
    type: 'consume',
    id: newId(),
    memo: `Production ${order.number}: components consumed`,
    value: consumed.value,
  });
  await recordAudit(tx, actor, {
    entity: PRODUCTION_ENTITY,
    entityId: order.id,
    action: 'consume',
    after: { value: consumed.value, lines: consumed.lines },
  });
  return new Decimal(consumed.value).toFixed(2);
}

/** Records components consumed by an order in progress: actual quantities (more or less than planned), lots. */
export async function consumeComponents(
  tx: Tx,
  actor: Actor,
  id: string,
  input: ConsumeInput,
): Promise<ProductionOrder> {
  requirePermission(actor, 'manufacturing.production.consume');
  const order = await findOrder(tx, actor.companyId, id, { lock: true, version: input.version });
  productionTransition(order.state, 'work');
  await consumeLines(tx, actor, order, input.lines);
  return loadOrder(tx, actor.companyId, id, actor.locale);
}
