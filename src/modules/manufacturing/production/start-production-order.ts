import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import type { ProductionOrder } from './contract.ts';
import { bumpOrder, eventPayload, findOrder, loadOrder, PRODUCTION_ENTITY } from './production.repo.ts';
import { productionTransition } from './production.ts';

/** Starts a confirmed order: from now on components are consumed and output produced. */
export async function startProductionOrder(
  tx: Tx,
  actor: Actor,
  id: string,
  input: { version: number },
): Promise<ProductionOrder> {
  requirePermission(actor, 'manufacturing.production.start');
  const companyId = actor.companyId;
  const order = await findOrder(tx, companyId, id, { lock: true, version: input.version });
  const next = productionTransition(order.state, 'start');
  await bumpOrder(tx, companyId, id, sql`state = ${next}, started_at = now()`);
  await recordAudit(tx, actor, {
    entity: PRODUCTION_ENTITY,
    entityId: id,
    action: 'start',
    before: { state: order.state },
    after: { state: next },
  });
  await publish(tx, actor, {
    type: 'production_order.started',
    aggregateType: PRODUCTION_ENTITY,
    aggregateId: id,
    payload: eventPayload(order),
  });
  return loadOrder(tx, companyId, id, actor.locale);
}
