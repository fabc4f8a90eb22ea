import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { rows, type Tx, textArray } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { releaseReservations } from '../stock/reservations.ts';
import { endLineReservations } from './line-reservations.ts';
import {
  assertVersion,
  auditablePicking,
  findPicking,
  loadPicking,
  PICKING_ENTITY,
  type PickingRow,
  selectPicking,
  toSummary,
  updatePicking,
} from './picking.repo.ts';
import { OPEN_STATES, type PickingState, transition } from './picking.ts';

/** Cancels one open document (already locked) and frees what its lines hold. */
async function cancelLocked(tx: Tx, actor: Actor, p: PickingRow): Promise<PickingState> {
  const state = transition(p.kind, p.state, 'cancel');
  const lines = await rows<{ id: string; origin_line_id: string | null }>(
    tx,
    sql`select id, origin_line_id from inventory_picking_line where company_id = ${actor.companyId} and picking_id = ${p.id}`,
  );
  const fromOrigin = lines.filter((l) => l.origin_line_id).map((l) => l.origin_line_id as string);
  if (p.originType && p.originId && fromOrigin.length > 0)
    await releaseReservations(tx, actor, {
      originType: p.originType,
      originId: p.originId,
      originLineIds: fromOrigin,
    });
  // Whatever is still linked to a line without an origin line (none today) is freed too.
  for (const l of lines)
    await endLineReservations(tx, actor.companyId, {
      pickingLineId: l.id,
      qty: 'all',
      state: 'released',
    });
  await updatePicking(tx, actor.companyId, p.id, sql`state = ${state}`);
  await recordAudit(tx, actor, {
    entity: PICKING_ENTITY,
    entityId: p.id,
    action: 'cancel',
    before: auditablePicking(p),
    after: auditablePicking({ ...p, state }),
  });
  return state;
}

/** Cancels a delivery or receipt that is not done; a delivery's reservations are released. */
export async function cancelPicking(
  tx: Tx,
  actor: Actor,
  kind: 'delivery' | 'receipt',
  id: string,
  input: { version: number },
) {
  requirePermission(actor, kind === 'delivery' ? 'inventory.delivery.ship' : 'inventory.receipt.validate');
  const before = await findPicking(tx, actor.companyId, id, kind, true);
  assertVersion(before, input.version);
  await cancelLocked(tx, actor, before);
  return loadPicking(tx, actor.companyId, id, kind, actor.locale);
}

/**
 * Cancels the origin's documents that are not done and releases their reservations (an order was
 * cancelled). The caller's use case has authorized the action.
 */
export async function cancelOpenPickings(
  tx: Tx,
  actor: Actor,
  input: { originType: string; originId: string },
): Promise<void> {
  const open = await rows<Record<string, any>>(
    tx,
    sql`${selectPicking} where p.company_id = ${actor.companyId} and p.origin_type = ${input.originType}
          and p.origin_id = ${input.originId} and p.kind in ('delivery', 'receipt')
          and p.state = any(${textArray(OPEN_STATES)})
        order by p.id for update of p`,
  );
  for (const r of open) await cancelLocked(tx, actor, toSummary(r));
}
