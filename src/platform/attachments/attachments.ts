import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { iso } from '../db/time.ts';
import { type Executor, one, rows } from '../db/tx.ts';
import { AppError, badRequest, notFound } from '../errors.ts';
import { decodeCursor, encodeCursor } from '../http/schemas.ts';
import { isUuid } from '../ids.ts';
import { type Actor, requirePermission } from '../permissions/actor.ts';
import { attachableFor } from './registry.ts';

export const RecordType = z.string().regex(/^[a-z_]+\.[a-z_]+$/, 'a record type such as platform.user');
export const RecordId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, 'a record id');

export const AttachmentView = z
  .object({
    id: z.uuid(),
    recordType: z.string(),
    recordId: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    createdBy: z.object({ id: z.uuid(), name: z.string() }),
    createdAt: z.string(),
  })
  .meta({ id: 'Attachment' });
export type AttachmentView = z.infer<typeof AttachmentView>;

export const AttachmentListQuery = z.object({
  recordType: RecordType,
  recordId: RecordId,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

// Every column but the content, which only the download reads.
const META = sql`a.id, a.record_type, a.record_id, a.file_name, a.content_type, a.size_bytes, a.sha256,
  a.created_by, a.created_at, u.name as created_by_name`;

function view(r: Record<string, any>): AttachmentView {
  return {
    id: r.id,
    recordType: r.record_type,
    recordId: r.record_id,
    fileName: r.file_name,
    contentType: r.content_type,
    sizeBytes: Number(r.size_bytes),
    sha256: r.sha256,
    createdBy: { id: r.created_by, name: r.created_by_name ?? '' },
    createdAt: iso(r.created_at),
  };
}

/** The files on one record the actor may read, newest first; a record they cannot read is a 404. */
export async function listAttachments(
  ex: Executor,
  actor: Actor,
  query: z.infer<typeof AttachmentListQuery>,
) {
  requirePermission(actor, 'platform.attachment.read');
  const parent = attachableFor(query.recordType);
  if (!(await parent.canRead(ex, actor, query.recordId))) throw notFound(query.recordType, query.recordId);
  const cursor = decodeCursor(query.cursor, 1);
  if (cursor && !isUuid(cursor[0])) throw badRequest('bad_cursor', 'The cursor is not valid');
  const list = await rows(
    ex,
    sql`select ${META} from platform_attachment a left join platform_user u on u.id = a.created_by
         where a.company_id = ${actor.companyId} and a.record_type = ${query.recordType}
           and a.record_id = ${query.recordId} ${cursor ? sql`and a.id < ${cursor[0]}` : sql``}
         order by a.id desc limit ${query.limit + 1}`,
  );
  const page = list.slice(0, query.limit);
  return {
    items: page.map(view),
    nextCursor: list.length > query.limit ? encodeCursor([String(page[page.length - 1].id)]) : null,
  };
}

/**
 * One attachment of the company whose parent record the actor may read (or write, for changes);
 * anything else — another company's id, a parent out of the actor's reach — is the same 404.
 */
export async function findAttachment(
  ex: Executor,
  actor: Actor,
  id: string,
  need: 'read' | 'write',
  options: { content?: boolean; lock?: boolean } = {},
) {
  const row = await one<Record<string, any>>(
    ex,
    sql`select ${META} ${options.content ? sql`, a.content` : sql``}
          from platform_attachment a left join platform_user u on u.id = a.created_by
         where a.company_id = ${actor.companyId} and a.id = ${id} ${options.lock ? sql`for update of a` : sql``}`,
  );
  if (!row) throw notFound('attachment', id);
  const parent = attachableFor(row.record_type);
  const allowed =
    need === 'read'
      ? await parent.canRead(ex, actor, row.record_id)
      : await parent.canWrite(ex, actor, row.record_id);
  if (!allowed) throw notFound('attachment', id);
  return { view: view(row), content: options.content ? Buffer.from(row.content) : undefined };
}

/** Whether the actor may see this attachment (and so its history in the audit log). */
export async function canSeeAttachment(ex: Executor, actor: Actor, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  try {
    await findAttachment(ex, actor, id, 'read');
    return true;
  } catch (error) {
    if (error instanceof AppError && error.status === 404) return false;
    throw error;
  }
}

/** The stored bytes and how to serve them. */
export async function downloadAttachment(ex: Executor, actor: Actor, id: string) {
  requirePermission(actor, 'platform.attachment.read');
  const found = await findAttachment(ex, actor, id, 'read', { content: true });
  return { ...found.view, content: found.content! };
}
