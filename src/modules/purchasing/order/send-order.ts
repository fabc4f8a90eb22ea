import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import type { OrderView, VersionInput } from './contract.ts';
import { assertVersion, findOrder, loadOrder, ORDER_ENTITY, setOrder } from './order.repo.ts';
import { transition } from './order.ts';

/** The RFQ went to the supplier (printed or mailed by the user): draft → sent; it stays editable. */
export async function sendPurchaseOrder(
  tx: Tx,
  actor: Actor,
  id: string,
  input: VersionInput,
): Promise<OrderView> {
  requirePermission(actor, 'purchasing.order.create');
  const order = await findOrder(tx, actor.companyId, id, true);
  assertVersion(order, input.version);
  transition(order.state, 'sent');
  await setOrder(tx, actor.companyId, id, sql`state = 'sent', sent_at = now()`);
  await recordAudit(tx, actor, {
    entity: ORDER_ENTITY,
    entityId: id,
    action: 'send',
    before: { state: order.state },
    after: { state: 'sent' },
    reason: input.reason,
  });
  await publish(tx, actor, {
    type: 'purchase_order.sent',
    aggregateType: ORDER_ENTITY,
    aggregateId: id,
    payload: {
      orderId: id,
      number: order.number,
      supplierId: order.supplierId,
      customerId: order.partyId,
      summary: `Purchase order ${order.number} sent to the supplier`,
    },
  });
  return loadOrder(tx, actor.companyId, id, actor.locale);
}
