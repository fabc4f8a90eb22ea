import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { manageableTeamSql, selectPoolRule, toPoolRule } from './pool-rule.repo.ts';

/** The pool rules of the teams the actor may manage (a company has a handful: no paging needed). */
export async function listPoolRules(ex: Executor, actor: Actor) {
  requirePermission(actor, 'crm.pool.manage');
  const list = await rows<Record<string, any>>(
    ex,
    sql`${selectPoolRule} where r.company_id = ${actor.companyId} and ${manageableTeamSql(actor, sql`r.team_id`)}
         order by r.created_at, r.team_id limit 500`,
  );
  return { items: list.map(toPoolRule), nextCursor: null };
}
