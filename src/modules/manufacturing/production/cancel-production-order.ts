import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { releaseReservations } from '../../inventory/index.ts';
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
 * Cancels an order that has not consumed or produced anything (422 `manufacturing.production_started`
 * otherwise: finish it instead); its component reservations are released.
 */
export async function cancelProductionOrder(
  tx: Tx,
  actor: Actor,
  id: string,
  input: { version: number },
): Promise<ProductionOrder> {
  requirePermission(actor, 'manufacturing.production.cancel');
  const companyId = actor.companyId;
  const order = await findOrder(tx, companyId, id, { lock: true, version: input.version });
  const next = productionTransition(order.state, 'cancel');
  const worked = await one(
    tx,
    sql`select 1 from manufacturing_production_order_line
         where company_id = ${companyId} and order_id = ${id} and qty_consumed > 0 limit 1`,
  );
  if (worked || new Decimal(order.qtyProduced).gt(0) || new Decimal(order.qtyScrapped).gt(0))
    throw unprocessable(
      'manufacturing.production_started',
      'Components were consumed or output recorded; finish the order instead',
      {
        state: order.state,
      },
    );
  await releaseReservations(tx, actor, { originType: ORIGIN_TYPE, originId: id });
  await bumpOrder(tx, companyId, id, sql`state = ${next}, cancelled_at = now()`);
  await recordAudit(tx, actor, {
    entity: PRODUCTION_ENTITY,
    entityId: id,
    action: 'cancel',
    before: { state: order.state },
    after: { state: next },
  });
  await publish(tx, actor, {
    type: 'production_order.cancelled',
    aggregateType: PRODUCTION_ENTITY,
    aggregateId: id,
    payload: eventPayload(order),
  });
  return loadOrder(tx, companyId, id, actor.locale);
}
