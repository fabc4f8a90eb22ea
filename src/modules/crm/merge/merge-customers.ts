import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { conflict, staleVersion } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { type CustomerMerge, lockPair, type MergeInput, mergeView } from './merge.repo.ts';
import { mergeHandlers } from './registry.ts';

function assertNotMerged(row: Record<string, any>): void {
  if (row.merged_into_id)
    throw conflict('crm.customer_merged', `Customer ${row.code} was already merged into another`, {
      customerId: row.id,
      mergedIntoId: row.merged_into_id,
    });
}

/**
 * Merges the customer `mergedId` into `input.survivorId`: every registered handler moves its open
 * records, the merged customer gets `merged_into_id` (and so leaves lists and duplicate checks), the
 * moves are kept on the merge for its undo, and both customers' histories say so.
 */
export async function mergeCustomers(
  tx: Tx,
  actor: Actor,
  mergedId: string,
  input: MergeInput,
): Promise<CustomerMerge> {
  requirePermission(actor, 'crm.customer.merge');
  const { merged, survivor } = await lockPair(tx, actor, mergedId, input.survivorId);
  if (merged.version !== input.version) throw staleVersion('customer', input.version, merged.version);
  assertNotMerged(merged);
  assertNotMerged(survivor);

  const mergeId = newId();
  const reason = `merge ${mergeId} of ${merged.code} into ${survivor.code}${input.reason ? `: ${input.reason}` : ''}`;
  const moveActor: Actor = { ...actor, reason };
  const moved: Record<string, string[]> = {};
  for (const handler of mergeHandlers())
    moved[handler.name] = await handler.move(tx, moveActor, mergedId, survivor.id);

  await tx.execute(
    sql`update crm_customer set merged_into_id = ${survivor.id}, merged_at = now(), version = version + 1,
           updated_at = now()
         where company_id = ${actor.companyId} and id = ${mergedId}`,
  );
  const row = await one<Record<string, any>>(
    tx,
    sql`insert into crm_customer_merge (company_id, id, survivor_id, merged_id, moved, merged_by)
        values (${actor.companyId}, ${mergeId}, ${survivor.id}, ${mergedId}, ${JSON.stringify(moved)}::jsonb,
                ${actor.userId})
        returning *`,
  );
  const view = mergeView(row!);
  await recordAudit(tx, moveActor, {
    entity: 'crm.customer',
    entityId: mergedId,
    action: 'merge',
    before: { mergedIntoId: null },
    after: { mergedIntoId: survivor.id, mergeId },
  });
  // The survivor's history shows what came in, so the merge can be found (and undone) from there.
  await recordAudit(tx, moveActor, {
    entity: 'crm.customer',
    entityId: survivor.id,
    action: 'merge_in',
    after: { mergedFromId: mergedId, mergedFromCode: merged.code, mergeId, moved: view.moved },
  });
  await publish(tx, actor, {
    type: 'customer.merged',
    aggregateType: 'customer',
    aggregateId: survivor.id,
    payload: {
      customerId: survivor.id,
      mergedId,
      mergedCode: merged.code,
      mergedName: merged.name,
      mergeId,
      moved: view.moved,
      summary: `Customer ${merged.code} ${merged.name} merged into this customer`,
    },
  });
  return view;
}
