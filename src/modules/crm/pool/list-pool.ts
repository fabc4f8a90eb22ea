import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { badRequest } from '../../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/schemas.ts';
import { isUuid } from '../../../platform/ids.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { searchCondition } from '../customer/list-customers.ts';
import { isCursorTimestamp } from '../timeline/list-timeline.ts';
import type { PoolListQuery } from './contract.ts';
import { toPoolCustomer } from './pool.repo.ts';

const SINCE = sql`coalesce(c.pool_since, c.created_at)`;

/** The public pool (公海): open to everyone who may claim, whoever owned the customers before. Newest first. */
export async function listPool(ex: Executor, actor: Actor, query: PoolListQuery) {
  requirePermission(actor, 'crm.pool.claim');
  const where: SQL[] = [
    sql`c.company_id = ${actor.companyId}`,
    sql`c.in_pool`,
    sql`c.merged_into_id is null`,
  ];
  if (query.q) {
    const cond = searchCondition(query.q, actor.companyId);
    if (cond) where.push(cond);
  }
  if (query.teamId) where.push(sql`c.team_id = ${query.teamId}`);
  const cursor = decodeCursor(query.cursor, 2);
  if (cursor) {
    const [at, id] = cursor;
    if (!isCursorTimestamp(at) || !isUuid(id)) throw badRequest('bad_cursor', 'The cursor is not valid');
    where.push(sql`(${SINCE}, c.id) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const list = await rows<Record<string, any>>(
    ex,
    sql`select c.*, null as owner_name, ${SINCE}::text as sort_since from crm_customer c
         where ${sql.join(where, sql` and `)} order by ${SINCE} desc, c.id desc limit ${query.limit + 1}`,
  );
  const page = list.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toPoolCustomer(actor, r)),
    nextCursor: list.length > query.limit && last ? encodeCursor([last.sort_since, last.id]) : null,
  };
}
