import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { badRequest } from '../../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/schemas.ts';
import { isUuid } from '../../../platform/ids.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { isCursorTimestamp } from '../timeline/list-timeline.ts';
import { activityView, selectActivity, visibleActivitySql } from './activity.repo.ts';
import type { ActivityListQuery } from './contract.ts';

/** When an activity happens, for filtering and sorting: its start, else its due time, else when it was logged. */
const WHEN = sql`coalesce(a.starts_at, a.due_at, a.created_at)`;

// The cursor keeps PostgreSQL's own text of the timestamp (microseconds included: a JS Date would
// drop them and skip rows); it is checked before it is cast, so a forged one is a 400, not a 500.

/** Activities the actor may see, newest first: by owner (`me`), time window, overdue, done, kind or linked record. */
export async function listActivities(ex: Executor, actor: Actor, query: ActivityListQuery) {
  requirePermission(actor, 'crm.activity.read');
  const where: SQL[] = [sql`a.company_id = ${actor.companyId}`, visibleActivitySql(actor)];
  if (query.owner) where.push(sql`a.owner_user_id = ${query.owner === 'me' ? actor.userId : query.owner}`);
  if (query.from) where.push(sql`${WHEN} >= ${query.from}`);
  if (query.to) where.push(sql`${WHEN} < ${query.to}`);
  const overdue = sql`(a.done_at is null and a.due_at < now())`;
  if (query.overdue) where.push(query.overdue === 'true' ? overdue : sql`not ${overdue}`);
  if (query.done) where.push(query.done === 'true' ? sql`a.done_at is not null` : sql`a.done_at is null`);
  if (query.kind) where.push(sql`a.kind = ${query.kind}`);
  if (query.customerId) where.push(sql`a.customer_id = ${query.customerId}`);
  if (query.leadId) where.push(sql`a.lead_id = ${query.leadId}`);
  if (query.opportunityId) where.push(sql`a.opportunity_id = ${query.opportunityId}`);
  const cursor = decodeCursor(query.cursor, 2);
  if (cursor) {
    const [at, id] = cursor;
    if (!isCursorTimestamp(at) || !isUuid(id)) throw badRequest('bad_cursor', 'The cursor is not valid');
    where.push(sql`(${WHEN}, a.id) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const list = await rows<Record<string, any>>(
    ex,
    sql`${selectActivity} where ${sql.join(where, sql` and `)} order by ${WHEN} desc, a.id desc limit ${query.limit + 1}`,
  );
  const page = list.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => activityView(actor, r)),
    nextCursor: list.length > query.limit && last ? encodeCursor([last.sort_when, last.id]) : null,
  };
}
