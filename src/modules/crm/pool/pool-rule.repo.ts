import { type SQL, sql } from 'drizzle-orm';
import { iso } from '../../../platform/db/time.ts';
import { type Executor, one } from '../../../platform/db/tx.ts';
import { notFound } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import type { PoolRule } from './contract.ts';

/**
 * The teams whose pool rule the actor may manage: all with company scope; otherwise the departments
 * they manage or belong to, and those departments' sub-departments (the same reach as the record rule).
 */
export function manageableTeamSql(actor: Actor, teamColumn: SQL): SQL {
  if (actor.recordScope === 'company') return sql`true`;
  return sql`${teamColumn} in (
    with recursive dept(id) as (
      select d.id from platform_department d
       where d.company_id = ${actor.companyId}
         and (d.manager_user_id = ${actor.userId}
              or d.id in (select m.department_id from platform_membership m
                           where m.company_id = ${actor.companyId} and m.user_id = ${actor.userId}))
      union
      select c.id from platform_department c join dept on c.parent_id = dept.id where c.company_id = ${actor.companyId}
    )
    select id from dept)`;
}

export const selectPoolRule = sql`select r.*, d.name as team_name from crm_pool_rule r
  left join platform_department d on d.company_id = r.company_id and d.id = r.team_id`;

export function toPoolRule(r: Record<string, any>): PoolRule {
  return {
    id: r.team_id,
    teamId: r.team_id,
    teamName: r.team_name ?? null,
    daysWithoutFollowUp: r.days_without_follow_up,
    daysWithoutDeal: r.days_without_deal,
    warnDaysBefore: r.warn_days_before,
    claimLimit: r.claim_limit,
    active: r.active,
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export async function findPoolRule(
  ex: Executor,
  actor: Actor,
  teamId: string,
  lock = false,
): Promise<Record<string, any>> {
  const row = await one<Record<string, any>>(
    ex,
    sql`${selectPoolRule} where r.company_id = ${actor.companyId} and r.team_id = ${teamId}
          and ${manageableTeamSql(actor, sql`r.team_id`)} ${lock ? sql`for update of r` : sql``}`,
  );
  if (!row) throw notFound('pool rule', teamId);
  return row;
}

/** The audited fields of a rule. */
export function ruleFields(r: PoolRule): Record<string, unknown> {
  const { teamName: _n, createdAt: _c, updatedAt: _u, id: _i, ...rest } = r;
  return rest;
}
