import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import {
  assertVersion,
  auditablePicking,
  findPicking,
  loadPicking,
  PICKING_ENTITY,
  updatePicking,
} from './picking.repo.ts';
import { transition } from './picking.ts';

/** Marks a picked delivery packed (ready to hand to the carrier). */
export async function packDelivery(tx: Tx, actor: Actor, id: string, input: { version: number }) {
  requirePermission(actor, 'inventory.delivery.ship');
  const before = await findPicking(tx, actor.companyId, id, 'delivery', true);
  assertVersion(before, input.version);
  const state = transition('delivery', before.state, 'pack');
  await updatePicking(tx, actor.companyId, id, sql`state = ${state}, packed_at = now()`);
  await recordAudit(tx, actor, {
    entity: PICKING_ENTITY,
    entityId: id,
    action: 'pack',
    before: auditablePicking(before),
    after: auditablePicking({ ...before, state }),
  });
  return loadPicking(tx, actor.companyId, id, 'delivery', actor.locale);
}
