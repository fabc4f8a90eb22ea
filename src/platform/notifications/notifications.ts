import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { iso, isoOrNull } from '../db/time.ts';
import { type Executor, one, rows, type Tx } from '../db/tx.ts';
import { badRequest, notFound } from '../errors.ts';
import { decodeCursor, encodeCursor } from '../http/schemas.ts';
import { isUuid } from '../ids.ts';
import type { Actor } from '../permissions/actor.ts';

// Notifications belong to one person: every query below is scoped to the actor's own user and
// current company, so there is no permission to check and another user's id is simply not found.
// Marking one read is personal state, not a business change, so it is not written to the audit log.

export const NotificationView = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable(),
    readAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Notification' });
export type NotificationView = z.infer<typeof NotificationView>;

export const NotificationListQuery = z.object({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

function view(r: Record<string, any>): NotificationView {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    link: r.link,
    readAt: isoOrNull(r.read_at),
    createdAt: iso(r.created_at),
  };
}

/** The actor's notifications in the current company, newest first (ids are time-ordered). */
export async function listNotifications(
  ex: Executor,
  actor: Actor,
  query: z.infer<typeof NotificationListQuery>,
) {
  const where: SQL[] = [sql`company_id = ${actor.companyId}`, sql`user_id = ${actor.userId}`];
  if (query.unread === 'true') where.push(sql`read_at is null`);
  if (query.unread === 'false') where.push(sql`read_at is not null`);
  const cursor = decodeCursor(query.cursor, 1);
  if (cursor) {
    if (!isUuid(cursor[0])) throw badRequest('bad_cursor', 'The cursor is not valid');
    where.push(sql`id < ${cursor[0]}`);
  }
  const list = await rows(
    ex,
    sql`select id, kind, title, body, link, read_at, created_at from platform_notification
         where ${sql.join(where, sql` and `)} order by id desc limit ${query.limit + 1}`,
  );
  const page = list.slice(0, query.limit);
  return {
    items: page.map(view),
    nextCursor: list.length > query.limit ? encodeCursor([String(page[page.length - 1].id)]) : null,
  };
}

export async function unreadCount(ex: Executor, actor: Actor): Promise<number> {
  const row = await one<{ n: number }>(
    ex,
    sql`select count(*)::int as n from platform_notification
         where company_id = ${actor.companyId} and user_id = ${actor.userId} and read_at is null`,
  );
  return Number(row?.n ?? 0);
}

/** Marks one of the actor's own notifications read; reading it again keeps the first time. */
export async function markNotificationRead(tx: Tx, actor: Actor, id: string): Promise<NotificationView> {
  const row = await one(
    tx,
    sql`update platform_notification set read_at = coalesce(read_at, now())
         where company_id = ${actor.companyId} and user_id = ${actor.userId} and id = ${id}
        returning id, kind, title, body, link, read_at, created_at`,
  );
  if (!row) throw notFound('notification', id);
  return view(row);
}

export async function markAllNotificationsRead(tx: Tx, actor: Actor): Promise<number> {
  const updated = await rows(
    tx,
    sql`update platform_notification set read_at = now()
         where company_id = ${actor.companyId} and user_id = ${actor.userId} and read_at is null
        returning id`,
  );
  return updated.length;
}
