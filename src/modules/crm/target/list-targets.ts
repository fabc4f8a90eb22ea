import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import type { TargetListQuery } from './contract.ts';
import { selectTarget, toTarget, visibleTargetSql } from './target.repo.ts';

/** The targets the actor may see (a month has a few per person and team: no paging needed). */
export async function listTargets(ex: Executor, actor: Actor, query: TargetListQuery) {
  requirePermission(actor, 'crm.target.read');
  const where: SQL[] = [sql`t.company_id = ${actor.companyId}`, visibleTargetSql(actor)];
  if (query.month) where.push(sql`t.month = ${query.month}::date`);
  if (query.kind) where.push(sql`t.kind = ${query.kind}`);
  if (query.userId) where.push(sql`t.user_id = ${query.userId}`);
  if (query.teamId) where.push(sql`t.team_id = ${query.teamId}`);
  const list = await rows<Record<string, any>>(
    ex,
    sql`${selectTarget} where ${sql.join(where, sql` and `)}
         order by t.month desc, t.kind, t.team_id nulls first, u.name, t.id limit 1000`,
  );
  return { items: list.map(toTarget), nextCursor: null };
}
