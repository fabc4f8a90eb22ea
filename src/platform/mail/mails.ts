import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { iso, isoOrNull } from '../db/time.ts';
import { type Executor, rows } from '../db/tx.ts';
import { badRequest } from '../errors.ts';
import { decodeCursor, encodeCursor } from '../http/schemas.ts';
import { isUuid } from '../ids.ts';
import { type Actor, requirePermission } from '../permissions/actor.ts';

export const MAIL_STATUSES = ['queued', 'sent', 'stored', 'failed'] as const;

export const MailView = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    status: z.enum(MAIL_STATUSES),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'Mail' });

export const MailListQuery = z.object({
  status: z.enum(MAIL_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

/**
 * One-time links (set a password, accept an invitation) are for their recipient alone: a reader of
 * the outbox — `*.*.read` grants it to viewers — must not be able to use them to take the account.
 */
export function maskSecrets(text: string): string {
  return text.replace(/([?&](?:token|code|key|secret)=)[^\s&#]+/gi, '$1…');
}

/** The company's outgoing mail, newest first, so the UI can show it when no SMTP server is set. */
export async function listMail(ex: Executor, actor: Actor, query: z.infer<typeof MailListQuery>) {
  requirePermission(actor, 'platform.mail.read');
  const where: SQL[] = [sql`company_id = ${actor.companyId}`];
  if (query.status) where.push(sql`status = ${query.status}`);
  const cursor = decodeCursor(query.cursor, 1);
  if (cursor) {
    if (!isUuid(cursor[0])) throw badRequest('bad_cursor', 'The cursor is not valid');
    where.push(sql`id < ${cursor[0]}`);
  }
  const list = await rows<Record<string, any>>(
    ex,
    sql`select id, kind, to_address, subject, text_body, status, attempts, last_error, created_at, sent_at
          from platform_mail where ${sql.join(where, sql` and `)} order by id desc limit ${query.limit + 1}`,
  );
  const page = list.slice(0, query.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      kind: r.kind,
      to: r.to_address,
      subject: r.subject,
      text: maskSecrets(r.text_body),
      status: r.status,
      attempts: r.attempts,
      lastError: r.last_error,
      createdAt: iso(r.created_at),
      sentAt: isoOrNull(r.sent_at),
    })),
    nextCursor: list.length > query.limit ? encodeCursor([String(page[page.length - 1].id)]) : null,
  };
}
