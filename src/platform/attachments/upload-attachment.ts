import { createHash } from 'node:crypto';
import { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import type { Tx } from '../db/tx.ts';
import { AppError, badRequest, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { publish } from '../outbox/publish.ts';
import { type Actor, requirePermission } from '../permissions/actor.ts';
import { findAttachment, RecordId, RecordType } from './attachments.ts';
import { cleanFileName, extensionOf } from './file-name.ts';
import { attachableFor } from './registry.ts';
import { attachment } from './schema.ts';
import { ALLOWED, sniff } from './sniff.ts';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const UploadQuery = z.strictObject({
  recordType: RecordType,
  recordId: RecordId,
  fileName: z.string().min(1).max(1000),
});

const unsupported = (code: string, message: string, details: Record<string, unknown>) =>
  new AppError(415, code, message, details);

/** Which allowed type the bytes are, and that the name's extension says the same; else 415. */
function classify(content: Buffer, fileName: string) {
  const kind = sniff(content);
  if (!kind)
    throw unsupported('attachment.type_not_allowed', 'This kind of file cannot be attached', {
      allowed: Object.keys(ALLOWED),
    });
  const ext = extensionOf(fileName);
  const declared = ALLOWED[ext];
  if (!declared || declared.kind !== kind)
    throw unsupported(
      'attachment.extension_mismatch',
      'The file name’s extension does not match its content',
      {
        extension: ext,
        detected: kind,
      },
    );
  return declared.contentType;
}

/** Stores a file on a record the actor may change; the row id is the storage key, the name only metadata. */
export async function uploadAttachment(
  tx: Tx,
  actor: Actor,
  query: z.infer<typeof UploadQuery>,
  content: unknown,
) {
  requirePermission(actor, 'platform.attachment.create');
  const parent = attachableFor(query.recordType);
  if (!(await parent.canWrite(tx, actor, query.recordId))) throw notFound(query.recordType, query.recordId);
  if (!Buffer.isBuffer(content) || content.length === 0)
    throw badRequest('attachment.empty', 'Send the file’s bytes as the request body');
  if (content.length > MAX_ATTACHMENT_BYTES)
    throw new AppError(413, 'payload_too_large', 'Files are limited to 10 MB', {
      limit: MAX_ATTACHMENT_BYTES,
    });
  const fileName = cleanFileName(query.fileName);
  if (!fileName) throw badRequest('attachment.bad_name', 'The file name is empty once cleaned');
  const contentType = classify(content, fileName);
  const id = newId();
  const sha256 = createHash('sha256').update(content).digest('hex');
  await tx.insert(attachment).values({
    companyId: actor.companyId,
    id,
    recordType: query.recordType,
    recordId: query.recordId,
    fileName,
    contentType,
    sizeBytes: content.length,
    sha256,
    content,
    createdBy: actor.userId,
  });
  const meta = { recordType: query.recordType, recordId: query.recordId, fileName, contentType, sha256 };
  await recordAudit(tx, actor, {
    entity: 'platform.attachment',
    entityId: id,
    action: 'create',
    after: { ...meta, sizeBytes: content.length },
  });
  await publish(tx, actor, {
    type: 'attachment.created',
    aggregateType: 'attachment',
    aggregateId: id,
    payload: { attachmentId: id, ...meta },
  });
  return (await findAttachment(tx, actor, id, 'write')).view;
}
