import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../../../platform/audit/record.ts';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { type CustomerMerge, findMerge, lockPair, mergeView, type UndoMergeInput } from './merge.repo.ts';
import { findMergeHandler, mergeHandlers, mergeNotUndoable } from './registry.ts';

/**
 * Why the merge cannot come apart, whatever the handlers say: merges undo in reverse order (the
 * survivor was merged on, or another customer was merged into it since), and the returning customer
 * must not collide with a customer that took its tax id meanwhile.
 */
async function assertUndoable(tx: Tx, actor: Actor, m: Record<string, any>, merged: Record<string, any>) {
  if (m.undone_at) throw mergeNotUndoable('it was already undone', { mergeId: m.id });
  if (merged.merged_into_id !== m.survivor_id)
    throw mergeNotUndoable('the merged customer no longer points at the survivor', { mergeId: m.id });
  const later = await one<{ id: string }>(
    tx,
    sql`select id from crm_customer_merge
         where company_id = ${actor.companyId} and undone_at is null and id <> ${m.id}
           and created_at >= ${m.merged_at_text}::timestamptz
           and (survivor_id in (${m.survivor_id}, ${m.merged_id}) or merged_id = ${m.survivor_id})
         limit 1`,
  );
  if (later)
    throw mergeNotUndoable('a later merge involves these customers; undo it first', {
      laterMergeId: later.id,
    });
  if (merged.tax_id) {
    const taken = await one<{ id: string; code: string }>(
      tx,
      sql`select id, code from crm_customer
           where company_id = ${actor.companyId} and tax_id = ${merged.tax_id} and merged_into_id is null limit 1`,
    );
    if (taken)
      throw mergeNotUndoable(`customer ${taken.code} now has the same tax id`, { customerId: taken.id });
  }
}

/**
 * Undoes a merge: each handler checks that nothing new of its kind refers to the survivor since
 * the merge (else 409 `crm.merge_not_undoable`) and moves its records back; the merged customer
 * returns to lists. All in the caller's transaction, so a refusal leaves everything as it was.
 */
export async function undoMerge(
  tx: Tx,
  actor: Actor,
  mergeId: string,
  input: z.infer<typeof UndoMergeInput>,
): Promise<CustomerMerge> {
  requirePermission(actor, 'crm.customer.merge');
  const m = await findMerge(tx, actor, mergeId, true);
  const { merged, survivor } = await lockPair(tx, actor, m.merged_id, m.survivor_id);
  await assertUndoable(tx, actor, m, merged);

  const moved = (m.moved ?? {}) as Record<string, string[]>;
  for (const [name, ids] of Object.entries(moved))
    if (ids.length > 0 && !findMergeHandler(name))
      throw mergeNotUndoable(`records moved by ${name}, which is no longer installed`, { kind: name });
  const reason = `undo of merge ${mergeId}${input.reason ? `: ${input.reason}` : ''}`;
  const undoActor: Actor = { ...actor, reason };
  const info = { mergeId, mergedAt: m.merged_at_text as string };
  // Reverse order: a higher module's records (an order naming an opportunity) go back before crm's.
  for (const handler of mergeHandlers().reverse())
    await handler.undo(tx, undoActor, merged.id, survivor.id, moved[handler.name] ?? [], info);

  await tx.execute(
    sql`update crm_customer set merged_into_id = null, merged_at = null, version = version + 1, updated_at = now()
         where company_id = ${actor.companyId} and id = ${merged.id}`,
  );
  const row = await one<Record<string, any>>(
    tx,
    sql`update crm_customer_merge set undone_at = now(), undone_by = ${actor.userId}
         where company_id = ${actor.companyId} and id = ${mergeId} returning *`,
  );
  const view = mergeView(row!);
  await recordAudit(tx, undoActor, {
    entity: 'crm.customer',
    entityId: merged.id,
    action: 'merge_undo',
    before: { mergedIntoId: survivor.id },
    after: { mergedIntoId: null, mergeId },
  });
  await recordAudit(tx, undoActor, {
    entity: 'crm.customer',
    entityId: survivor.id,
    action: 'merge_undo',
    after: { mergedFromId: merged.id, mergedFromCode: merged.code, mergeId, movedBack: view.moved },
  });
  await publish(tx, actor, {
    type: 'customer.merge_undone',
    aggregateType: 'customer',
    aggregateId: survivor.id,
    payload: {
      customerId: survivor.id,
      mergedId: merged.id,
      mergedCode: merged.code,
      mergedName: merged.name,
      mergeId,
      summary: `Merge of customer ${merged.code} ${merged.name} undone`,
    },
  });
  return view;
}
