import { type SQL, sql } from 'drizzle-orm';
import { iso } from '../../../platform/db/time.ts';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { badRequest } from '../../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/schemas.ts';
import { isUuid } from '../../../platform/ids.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { findVisibleCustomer } from '../customer/customer.repo.ts';
import type { TimelineEntry, TimelineQuery } from './contract.ts';

const TIMESTAMP_TEXT = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(\.\d{1,6})?([+-](\d\d)(:\d\d)?|Z)$/;

/**
 * Whether a cursor's timestamp (PostgreSQL's own text of a timestamptz) is one PostgreSQL will cast:
 * a forged cursor with February 31st must be a 400, not a cast error.
 */
export function isCursorTimestamp(value: unknown): value is string {
  const m = typeof value === 'string' ? TIMESTAMP_TEXT.exec(value) : null;
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (
    year >= 1 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    (m[9] === undefined || Number(m[9]) <= 14)
  );
}

/**
 * One page of a customer's timeline, newest first. Entries of customers merged into this one are
 * included (they stay where they were written, so undoing a merge needs no moving back). The caller
 * has already checked that the actor may see the customer.
 */
export async function timelinePage(
  ex: Executor,
  companyId: string,
  customerId: string,
  query: TimelineQuery,
): Promise<{ items: TimelineEntry[]; nextCursor: string | null }> {
  const where: SQL[] = [sql`t.company_id = ${companyId}`];
  const cursor = decodeCursor(query.cursor, 2);
  if (cursor) {
    const [at, id] = cursor;
    if (!isCursorTimestamp(at) || !isUuid(id)) throw badRequest('bad_cursor', 'The cursor is not valid');
    // Events of one transaction share a time; the source event id (UUIDv7) keeps their order.
    where.push(sql`(t.occurred_at, t.source_event_id) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const list = await rows<Record<string, any>>(
    ex,
    sql`with recursive family(id) as (
          select ${customerId}::uuid
          union
          select c.id from crm_customer c join family f on c.merged_into_id = f.id where c.company_id = ${companyId}
        )
        select t.*, t.occurred_at::text as sort_at, u.name as actor_name
          from crm_timeline_entry t left join platform_user u on u.id = t.actor_user_id
         where ${sql.join(where, sql` and `)} and t.customer_id in (select id from family)
         order by t.occurred_at desc, t.source_event_id desc limit ${query.limit + 1}`,
  );
  const page = list.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      customerId: r.customer_id,
      occurredAt: iso(r.occurred_at),
      type: r.type,
      summary: r.summary,
      ref: r.ref ?? {},
      actorUserId: r.actor_user_id,
      actorName: r.actor_name ?? null,
    })),
    nextCursor: list.length > query.limit && last ? encodeCursor([last.sort_at, last.source_event_id]) : null,
  };
}

/** The timeline of a customer the actor may see (404 otherwise). */
export async function listTimeline(ex: Executor, actor: Actor, customerId: string, query: TimelineQuery) {
  requirePermission(actor, 'crm.customer.read');
  await findVisibleCustomer(ex, actor, customerId);
  return timelinePage(ex, actor.companyId, customerId, query);
}
