import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { badRequest } from '../../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/schemas.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { collectedSql, planViews, selectPlans, visiblePlanSql } from './collection.repo.ts';
import type { CollectionPlanQuery } from './contract.ts';

/** Plans the actor may see, newest first; by customer, owner, state, or still open on or before a date. */
export async function listCollectionPlans(
  ex: Executor,
  actor: Actor,
  query: z.infer<typeof CollectionPlanQuery>,
) {
  requirePermission(actor, 'accounting.collection.read');
  const where: SQL[] = [sql`p.company_id = ${actor.companyId}`, visiblePlanSql(actor)];
  if (query.customerId) where.push(sql`p.customer_id = ${query.customerId}`);
  if (query.ownerUserId) where.push(sql`p.owner_user_id = ${query.ownerUserId}`);
  if (query.state) where.push(sql`p.state = ${query.state}`);
  if (query.dueBy)
    where.push(
      sql`p.state = 'open' and (select coalesce(sum(l.amount), 0) from accounting_collection_plan_line l
             where l.company_id = p.company_id and l.plan_id = p.id and l.due_date <= ${query.dueBy}::date)
          > (${collectedSql(sql`p`)})`,
    );
  if (query.q?.trim()) {
    const like = `%${query.q
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(lower(c.name) like ${like} or lower(coalesce(p.origin_number, '')) like ${like})`);
  }
  const cursor = decodeCursor(query.cursor, 1);
  if (cursor) {
    const last = String(cursor[0]);
    if (!/^[0-9a-f-]{36}$/.test(last)) throw badRequest('bad_cursor', 'The cursor is not valid');
    where.push(sql`p.id < ${last}::uuid`);
  }
  const list = await rows<Record<string, any>>(
    ex,
    sql`${selectPlans(collectedSql(sql`p`))} where ${sql.join(where, sql` and `)} order by p.id desc limit ${query.limit + 1}`,
  );
  const page = list.slice(0, query.limit);
  return {
    items: await planViews(ex, actor.companyId, page),
    nextCursor: list.length > query.limit ? encodeCursor([page[page.length - 1].id]) : null,
  };
}
