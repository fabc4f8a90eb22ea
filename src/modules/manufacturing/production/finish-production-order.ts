import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { releaseReservations } from '../../inventory/index.ts';
import { bookProduction } from './book-production.ts';
import type { ProductionOrder } from './contract.ts';
import {
  bumpOrder,
  eventPayload,
  findOrder,
  loadOrder,
  ORIGIN_TYPE,
  PRODUCTION_ENTITY,
} from './production.repo.ts';
import { productionTransition } from './production.ts';

/**
 * Closes an order (the caller holds its lock and checked the transition): reservations of components not
 * consumed are released, component value still in WIP is written off (Dr inventory adjustment), the
 * order is done and `production_order.done` published with the output's value and unit cost.
 */
export async function closeOrder(tx: Tx, actor: Actor, id: string): Promise<void> {
  const companyId = actor.companyId;
  const order = await findOrder(tx, companyId, id);
  const residual = new Decimal(order.consumedValue).sub(order.releasedValue);
  if (residual.gt(0))
    await bookProduction(tx, actor, {
      type: 'write_off',
      id: newId(),
      memo: `Production ${order.number}: WIP left at finish written off`,
      value: residual,
    });
  await releaseReservations(tx, actor, { originType: ORIGIN_TYPE, originId: id });
  await bumpOrder(tx, companyId, id, sql`state = 'done', done_at = now(), released_value = consumed_value`);
  const produced = new Decimal(order.qtyProduced);
  const unitCost = produced.gt(0) ? new Decimal(order.producedValue).div(produced) : new Decimal(0);
  await recordAudit(tx, actor, {
    entity: PRODUCTION_ENTITY,
    entityId: id,
    action: 'finish',
    before: { state: order.state },
    after: { state: 'done', writtenOff: residual.toFixed(2) },
  });
  await publish(tx, actor, {
    type: 'production_order.done',
    aggregateType: PRODUCTION_ENTITY,
    aggregateId: id,
    payload: {
      ...eventPayload(order),
      producedValue: order.producedValue,
      unitCost: unitCost.toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed(6),
    },
  });
}

/** Finishes an order in progress before all its quantity was produced (the rest will not be made). */
export async function finishProductionOrder(
  tx: Tx,
  actor: Actor,
  id: string,
  input: { version: number },
): Promise<ProductionOrder> {
  requirePermission(actor, 'manufacturing.production.finish');
  const order = await findOrder(tx, actor.companyId, id, { lock: true, version: input.version });
  productionTransition(order.state, 'finish');
  await closeOrder(tx, actor, id);
  return loadOrder(tx, actor.companyId, id, actor.locale);
}
