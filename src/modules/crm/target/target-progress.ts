import { Decimal } from 'decimal.js';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, one, rows } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import type { TargetView } from './contract.ts';
import { selectTarget, toTarget, visibleTargetSql } from './target.repo.ts';

/** The owners a target counts: the person, or everyone in the team and its sub-departments. */
function ownersOf(target: TargetView, companyId: string): SQL {
  if (target.userId) return sql`o.owner_user_id = ${target.userId}`;
  return sql`o.owner_user_id in (
    with recursive tree(id) as (
      select ${target.teamId}::uuid
      union
      select d.id from platform_department d join tree on d.parent_id = tree.id where d.company_id = ${companyId}
    )
    select m.user_id from platform_membership m where m.company_id = ${companyId} and m.department_id in (select id from tree))`;
}

/**
 * How far each visible target of the month is: a sales target counts the amounts of opportunities
 * WON in that month (in the company's time zone) by the person or the team's members, in the
 * target's currency. Collections are received payments, which accounting will provide: until it
 * exists they show 0 with `source: 'accounting'` and a note saying so.
 */
export async function targetProgress(ex: Executor, actor: Actor, month: string) {
  requirePermission(actor, 'crm.target.read');
  const company = await one<{ time_zone: string }>(
    ex,
    sql`select time_zone from platform_company where id = ${actor.companyId}`,
  );
  const tz = company?.time_zone ?? 'UTC';
  const targets = (
    await rows<Record<string, any>>(
      ex,
      sql`${selectTarget} where t.company_id = ${actor.companyId} and t.month = ${month}::date and ${visibleTargetSql(actor)}
           order by t.kind, t.team_id nulls first, u.name, t.id`,
    )
  ).map(toTarget);
  const items = [];
  for (const target of targets) {
    let achieved = new Decimal(0);
    if (target.kind === 'sales') {
      const sum = await one<{ total: string | null }>(
        ex,
        sql`select sum(o.amount)::text as total from crm_opportunity o
             where o.company_id = ${actor.companyId} and o.status = 'won' and o.currency = ${target.currency}
               and o.closed_at >= (${month}::date)::timestamp at time zone ${tz}
               and o.closed_at < ((${month}::date + interval '1 month')::timestamp at time zone ${tz})
               and ${ownersOf(target, actor.companyId)}`,
      );
      achieved = new Decimal(sum?.total ?? 0);
    }
    const goal = new Decimal(target.amount);
    items.push({
      target,
      achieved: achieved.toFixed(2),
      percentage: goal.isZero() ? null : achieved.div(goal).times(100).toDecimalPlaces(1).toFixed(1),
      source: target.kind === 'sales' ? ('opportunities' as const) : ('accounting' as const),
      note:
        target.kind === 'sales'
          ? null
          : 'Collections come from accounting (received payments), which is not installed yet; shown as 0',
    });
  }
  return { month, items };
}
