import { sql } from 'drizzle-orm';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import { type Actor, recordScopeSql, requirePermission } from '../../../platform/permissions/actor.ts';
import { customerView, findVisibleCustomer } from '../customer/customer.repo.ts';
import type { AllocateInput } from './contract.ts';
import { lockPoolCustomer, takeFromPool } from './pool.repo.ts';

/**
 * A manager gives a pool customer to someone in their reach. The claim limit is not applied: it
 * bounds what salespeople take for themselves, and the manager decides here knowingly.
 */
export async function allocateCustomer(tx: Tx, actor: Actor, id: string, input: AllocateInput) {
  requirePermission(actor, 'crm.pool.manage');
  const target = await one<{ name: string }>(
    tx,
    sql`select u.name from platform_membership m join platform_user u on u.id = m.user_id
         where m.company_id = ${actor.companyId} and m.user_id = ${input.userId} and m.active
           and u.disabled_at is null and ${recordScopeSql(actor, sql`m.user_id`)}
         for no key update of m`,
  );
  if (!target)
    throw unprocessable(
      'crm.owner_out_of_scope',
      'The new owner must be an active user whose records you may manage',
      { userId: input.userId },
    );
  const row = await lockPoolCustomer(tx, actor, id);
  await takeFromPool(tx, actor, row, {
    toUserId: input.userId,
    action: 'allocate',
    event: 'customer.allocated',
    summary: `Allocated from the public pool to ${target.name}`,
    reason: input.reason ?? 'allocated from the public pool',
  });
  await notify(tx, actor.companyId, [input.userId], {
    kind: 'crm.customer.allocated',
    title: { en: `${row.name} was allocated to you`, 'zh-CN': `客户 ${row.name} 已分配给您` },
    link: `/crm/customers/${id}`,
  });
  const scoped = { ...actor, recordScope: 'company' as const };
  return customerView(tx, actor, await findVisibleCustomer(tx, scoped, id));
}
