import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { iso, isoOrNull } from '../../../platform/db/time.ts';
import { type Executor, one, rows, type Tx } from '../../../platform/db/tx.ts';
import { notFound, unprocessable } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { findVisibleCustomer } from '../customer/customer.repo.ts';

export const MergeInput = z.strictObject({
  /** The customer that stays; the one in the URL is merged into it. */
  survivorId: z.uuid(),
  /** The version of the customer being merged, as read. */
  version: z.number().int().min(1),
  reason: z.string().trim().max(500).optional(),
});
export type MergeInput = z.infer<typeof MergeInput>;

export const UndoMergeInput = z.strictObject({ reason: z.string().trim().max(500).optional() });

export const CustomerMerge = z
  .object({
    id: z.uuid(),
    survivorId: z.uuid(),
    mergedId: z.uuid(),
    /** How many records of each kind moved to the survivor. */
    moved: z.record(z.string(), z.number().int()),
    mergedBy: z.uuid(),
    createdAt: z.string(),
    undoneAt: z.string().nullable(),
    undoneBy: z.uuid().nullable(),
  })
  .meta({ id: 'CustomerMerge' });
export type CustomerMerge = z.infer<typeof CustomerMerge>;

export function mergeView(r: Record<string, any>): CustomerMerge {
  const moved = (r.moved ?? {}) as Record<string, string[]>;
  return {
    id: r.id,
    survivorId: r.survivor_id,
    mergedId: r.merged_id,
    moved: Object.fromEntries(Object.entries(moved).map(([k, v]) => [k, v.length])),
    mergedBy: r.merged_by,
    createdAt: iso(r.created_at),
    undoneAt: isoOrNull(r.undone_at),
    undoneBy: r.undone_by,
  };
}

/**
 * Both customers of a merge, locked, in id order: two people merging the same pair in opposite
 * directions then wait for each other instead of deadlocking. 404 unless the actor sees both.
 */
export async function lockPair(
  tx: Tx,
  actor: Actor,
  mergedId: string,
  survivorId: string,
): Promise<{ merged: Record<string, any>; survivor: Record<string, any> }> {
  if (mergedId === survivorId)
    throw unprocessable('crm.merge_same', 'A customer cannot be merged into itself', { id: mergedId });
  const locked = new Map<string, Record<string, any>>();
  for (const id of [mergedId, survivorId].sort())
    locked.set(id, await findVisibleCustomer(tx, actor, id, true));
  return { merged: locked.get(mergedId)!, survivor: locked.get(survivorId)! };
}

export async function findMerge(tx: Tx, actor: Actor, id: string, lock = false) {
  const row = await one<Record<string, any>>(
    tx,
    sql`select m.*, m.created_at::text as merged_at_text from crm_customer_merge m
         where m.company_id = ${actor.companyId} and m.id = ${id} ${lock ? sql`for update` : sql``}`,
  );
  if (!row) throw notFound('customer merge', id);
  return row;
}

/** The merges a customer took part in (as survivor or as the merged one), newest first. */
export async function mergesOf(ex: Executor, actor: Actor, customerId: string): Promise<CustomerMerge[]> {
  await findVisibleCustomer(ex, actor, customerId);
  const list = await rows<Record<string, any>>(
    ex,
    sql`select * from crm_customer_merge
         where company_id = ${actor.companyId} and (survivor_id = ${customerId} or merged_id = ${customerId})
         order by created_at desc, id desc limit 100`,
  );
  return list.map(mergeView);
}
