import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { badRequest } from '../../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/schemas.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { toHalfWidth } from '../customer/normalize.ts';
import type { OpportunityListQuery } from './contract.ts';
import { selectOpportunity, toOpportunity, visibleOpportunitySql } from './opportunity.repo.ts';

/** Opportunities the actor may see, newest first; `q` matches the opportunity's or customer's name. */
export async function listOpportunities(ex: Executor, actor: Actor, query: OpportunityListQuery) {
  requirePermission(actor, 'crm.opportunity.read');
  const where: SQL[] = [sql`o.company_id = ${actor.companyId}`, visibleOpportunitySql(actor)];
  if (query.q) {
    const like = `%${toHalfWidth(query.q)
      .toLowerCase()
      .replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    where.push(sql`(lower(o.name) like ${like} or lower(c.name) like ${like})`);
  }
  if (query.status) where.push(sql`o.status = ${query.status}`);
  if (query.ownerUserId) where.push(sql`o.owner_user_id = ${query.ownerUserId}`);
  if (query.customerId) where.push(sql`o.customer_id = ${query.customerId}`);
  if (query.pipelineId) where.push(sql`o.pipeline_id = ${query.pipelineId}`);
  if (query.stageId) where.push(sql`o.stage_id = ${query.stageId}`);
  const cursor = decodeCursor(query.cursor, 2);
  if (cursor) {
    if (cursor[0] === '__invalid__' || !/^[0-9a-f-]{36}$/i.test(String(cursor[1])))
      throw badRequest('bad_cursor', 'The cursor is not valid');
    where.push(sql`(o.created_at::text, o.id) < (${String(cursor[0])}, ${String(cursor[1])}::uuid)`);
  }
  const list = await rows<Record<string, any>>(
    ex,
    sql`${selectOpportunity} where ${sql.join(where, sql` and `)}
         order by o.created_at::text desc, o.id desc limit ${query.limit + 1}`,
  );
  const page = list.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toOpportunity),
    nextCursor:
      list.length > query.limit && last ? encodeCursor([String(last.created_at_text), last.id]) : null,
  };
}
