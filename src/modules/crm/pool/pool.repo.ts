import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { isoOrNull } from '../../../platform/db/time.ts';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, applyMask } from '../../../platform/permissions/actor.ts';
import { RESOURCE, toCustomer, visibleCustomerSql } from '../customer/customer.repo.ts';

export function toPoolCustomer(actor: Actor, r: Record<string, any>) {
  return applyMask(actor, RESOURCE, { ...toCustomer(r), poolSince: isoOrNull(r.pool_since) });
}

/**
 * Locks a customer for a claim or an allocation and checks it is still in the pool. Visibility is
 * computed after the lock, not used to find the row: a parallel claim that won changed the owner,
 * and filtering on visibility would turn the loser's 409 into a 404. A customer that has been in
 * the pool (pool_since is kept after it leaves) was public, so saying "taken" reveals nothing; any
 * other customer the actor may not see stays a 404.
 */
export async function lockPoolCustomer(tx: Tx, actor: Actor, id: string): Promise<Record<string, any>> {
  const row = await one<Record<string, any>>(
    tx,
    sql`select c.*, ${visibleCustomerSql(actor)} as visible from crm_customer c
         where c.company_id = ${actor.companyId} and c.id = ${id} and c.merged_into_id is null
         for update of c`,
  );
  if (!row || (!row.in_pool && !row.visible && !row.pool_since)) throw notFound('customer', id);
  if (!row.in_pool)
    throw conflict(
      'crm.not_in_pool',
      'This customer is not in the public pool (someone may just have claimed it)',
      {
        id,
      },
    );
  return row;
}

/**
 * Gives a pool customer to its new owner: out of the pool, and its follow-up clock restarted (the
 * new owner gets the full period before the rule could take it back). pool_since stays as the last
 * time it entered the pool (see lockPoolCustomer). Audited and published.
 */
export async function takeFromPool(
  tx: Tx,
  actor: Actor,
  row: Record<string, any>,
  move: { toUserId: string; action: 'claim' | 'allocate'; event: string; summary: string; reason: string },
): Promise<void> {
  await tx.execute(
    sql`update crm_customer set owner_user_id = ${move.toUserId}, in_pool = false, pool_warned_at = null, last_activity_at = now(), version = version + 1, updated_at = now()
         where company_id = ${actor.companyId} and id = ${row.id}`,
  );
  await recordAudit(tx, actor, {
    entity: 'crm.customer',
    entityId: row.id,
    action: move.action,
    before: { ownerUserId: null, inPool: true },
    after: { ownerUserId: move.toUserId, inPool: false },
    reason: move.reason,
  });
  await publish(tx, actor, {
    type: move.event,
    aggregateType: 'customer',
    aggregateId: row.id,
    payload: {
      customerId: row.id,
      code: row.code,
      name: row.name,
      toUserId: move.toUserId,
      summary: move.summary,
    },
  });
}
