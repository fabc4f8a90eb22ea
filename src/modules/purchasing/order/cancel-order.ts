import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { cancelOpenPickings } from '../../inventory/index.ts';
import type { OrderView, VersionInput } from './contract.ts';
import {
  assertVersion,
  findOrder,
  loadOrder,
  ORDER_ENTITY,
  ORDER_ORIGIN,
  orderLines,
  setOrder,
} from './order.repo.ts';
import { transition } from './order.ts';

/**
 * Cancels an order nothing was received on: its open receipt is cancelled (no longer incoming) and
 * its requisitions go back to `approved`, to be ordered elsewhere. Needs already planned stay planned.
 */
export async function cancelPurchaseOrder(
  tx: Tx,
  actor: Actor,
  id: string,
  input: VersionInput,
): Promise<OrderView> {
  requirePermission(actor, 'purchasing.order.create');
  const order = await findOrder(tx, actor.companyId, id, true);
  assertVersion(order, input.version);
  transition(order.state, 'cancelled');
  const lines = await orderLines(tx, actor.companyId, id, actor.locale);
  if (lines.some((l) => new Decimal(l.qtyReceived).gt(0)))
    throw unprocessable('purchasing.order_received', 'Goods were received on this order; close it instead', {
      state: order.state,
    });
  await cancelOpenPickings(tx, actor, { originType: ORDER_ORIGIN, originId: id });
  await tx.execute(
    sql`update purchasing_requisition set state = 'approved', order_id = null, order_line_id = null,
           version = version + 1, updated_at = now()
         where company_id = ${actor.companyId} and order_id = ${id} and state = 'ordered'`,
  );
  await setOrder(tx, actor.companyId, id, sql`state = 'cancelled'`);
  await recordAudit(tx, actor, {
    entity: ORDER_ENTITY,
    entityId: id,
    action: 'cancel',
    before: { state: order.state },
    after: { state: 'cancelled' },
    reason: input.reason,
  });
  await publish(tx, actor, {
    type: 'purchase_order.cancelled',
    aggregateType: ORDER_ENTITY,
    aggregateId: id,
    payload: {
      orderId: id,
      number: order.number,
      supplierId: order.supplierId,
      customerId: order.partyId,
      summary: `Purchase order ${order.number} cancelled`,
    },
  });
  return loadOrder(tx, actor.companyId, id, actor.locale);
}
