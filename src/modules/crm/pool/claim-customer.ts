import { sql } from 'drizzle-orm';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { customerView, findVisibleCustomer } from '../customer/customer.repo.ts';
import { lockPoolCustomer, takeFromPool } from './pool.repo.ts';

/**
 * The claim limit of the actor's team rule, with the number of customers the actor owns now. The
 * actor's membership row is locked first, so two parallel claims by one person (of two customers)
 * are counted one after the other and cannot both slip under the limit. `no key update` leaves rows
 * that merely reference the membership (activities, notifications) unblocked.
 */
async function claimAllowance(tx: Tx, actor: Actor): Promise<{ limit: number | null; owned: number }> {
  const me = await one<{ department_id: string | null }>(
    tx,
    sql`select department_id from platform_membership
         where company_id = ${actor.companyId} and user_id = ${actor.userId} and active for no key update`,
  );
  if (!me) throw unprocessable('crm.not_a_member', 'Only members of the company can claim customers');
  const rule = me.department_id
    ? await one<{ claim_limit: number }>(
        tx,
        sql`select claim_limit from crm_pool_rule
             where company_id = ${actor.companyId} and team_id = ${me.department_id} and active`,
      )
    : undefined;
  const owned = await one<{ n: number }>(
    tx,
    sql`select count(*)::int as n from crm_customer
         where company_id = ${actor.companyId} and owner_user_id = ${actor.userId}
           and not in_pool and merged_into_id is null`,
  );
  return { limit: rule ? rule.claim_limit : null, owned: owned!.n };
}

/** Takes a customer from the public pool for oneself, within the team rule's claim limit. */
export async function claimCustomer(tx: Tx, actor: Actor, id: string) {
  requirePermission(actor, 'crm.pool.claim');
  const { limit, owned } = await claimAllowance(tx, actor);
  const row = await lockPoolCustomer(tx, actor, id);
  if (limit !== null && owned >= limit)
    throw unprocessable('crm.claim_limit', `You already own ${owned} customers; your team allows ${limit}`, {
      limit,
      owned,
    });
  await takeFromPool(tx, actor, row, {
    toUserId: actor.userId,
    action: 'claim',
    event: 'customer.claimed',
    summary: `Claimed from the public pool by ${actor.name}`,
    reason: 'claimed from the public pool',
  });
  const scoped = { ...actor, recordScope: 'company' as const };
  return customerView(tx, actor, await findVisibleCustomer(tx, scoped, id));
}
