import { type SQL, sql } from 'drizzle-orm';
import { iso } from '../../../platform/db/time.ts';
import { type Executor, one } from '../../../platform/db/tx.ts';
import { notFound } from '../../../platform/errors.ts';
import { type Actor, recordScopeSql } from '../../../platform/permissions/actor.ts';
import type { TargetView } from './contract.ts';

export const TARGET_ENTITY = 'crm.target';

/**
 * The departments the actor belongs to or manages, with their sub-departments: the teams whose
 * targets the actor may see below a company-wide scope.
 */
export function actorTeamsSql(actor: Actor): SQL {
  return sql`(with recursive dept(id) as (
      select d.id from platform_department d
       where d.company_id = ${actor.companyId}
         and (d.manager_user_id = ${actor.userId}
              or d.id in (select m.department_id from platform_membership m
                           where m.company_id = ${actor.companyId} and m.user_id = ${actor.userId}))
      union
      select c.id from platform_department c join dept on c.parent_id = dept.id where c.company_id = ${actor.companyId}
    ) select id from dept)`;
}

/** A person's target follows the record rule on that person; a team's, the actor's teams. */
export function visibleTargetSql(actor: Actor, alias = sql`t`): SQL {
  if (actor.recordScope === 'company') return sql`true`;
  return sql`((${alias}.user_id is not null and ${recordScopeSql(actor, sql`${alias}.user_id`)})
           or (${alias}.team_id is not null and ${alias}.team_id in ${actorTeamsSql(actor)}))`;
}

export const selectTarget = sql`select t.*, t.amount::text as amount_text, t.month::text as month_text,
    u.name as user_name, d.name as team_name
  from crm_target t
  left join platform_user u on u.id = t.user_id
  left join platform_department d on d.company_id = t.company_id and d.id = t.team_id`;

export function toTarget(r: Record<string, any>): TargetView {
  return {
    id: r.id,
    kind: r.kind,
    month: r.month_text,
    userId: r.user_id,
    userName: r.user_name ?? null,
    teamId: r.team_id,
    teamName: r.team_name ?? null,
    amount: r.amount_text,
    currency: r.currency,
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export function auditableTarget(t: TargetView) {
  return {
    kind: t.kind,
    month: t.month,
    userId: t.userId,
    teamId: t.teamId,
    amount: t.amount,
    currency: t.currency,
  };
}

export async function findVisibleTarget(ex: Executor, actor: Actor, id: string, lock = false) {
  const row = await one<Record<string, any>>(
    ex,
    sql`${selectTarget} where t.company_id = ${actor.companyId} and t.id = ${id} and ${visibleTargetSql(actor)}
        ${lock ? sql`for update of t` : sql``}`,
  );
  if (!row) throw notFound('target', id);
  return toTarget(row);
}
