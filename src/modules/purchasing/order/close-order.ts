import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { cancelOpenPickings } from '../../inventory/index.ts';
import type { OrderView, VersionInput } from './contract.ts';
import { assertVersion, findOrder, loadOrder, ORDER_ENTITY, ORDER_ORIGIN, setOrder } from './order.repo.ts';
import { transition } from './order.ts';

/** Nothing more will come or be billed: closed; a backorder receipt still open is cancelled. */
export async function closePurchaseOrder(
  tx: Tx,
  actor: Actor,
  id: string,
  input: VersionInput,
): Promise<OrderView> {
  requirePermission(actor, 'purchasing.order.close');
  const order = await findOrder(tx, actor.companyId, id, true);
  assertVersion(order, input.version);
  transition(order.state, 'closed');
  await cancelOpenPickings(tx, actor, { originType: ORDER_ORIGIN, originId: id });
  await setOrder(tx, actor.companyId, id, sql`state = 'closed'`);
  await recordAudit(tx, actor, {
    entity: ORDER_ENTITY,
    entityId: id,
    action: 'close',
    before: { state: order.state },
    after: { state: 'closed' },
    reason: input.reason,
  });
  return loadOrder(tx, actor.companyId, id, actor.locale);
}
