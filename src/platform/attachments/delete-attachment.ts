import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.ts';
import type { Tx } from '../db/tx.ts';
import { publish } from '../outbox/publish.ts';
import { type Actor, requirePermission } from '../permissions/actor.ts';
import { findAttachment } from './attachments.ts';

/** Deletes a file from a record the actor may change; the audit row keeps what it was. */
export async function deleteAttachment(tx: Tx, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'platform.attachment.delete');
  const { view } = await findAttachment(tx, actor, id, 'write', { lock: true });
  await tx.execute(sql`delete from platform_attachment where company_id = ${actor.companyId} and id = ${id}`);
  const { recordType, recordId, fileName, contentType, sizeBytes, sha256 } = view;
  await recordAudit(tx, actor, {
    entity: 'platform.attachment',
    entityId: id,
    action: 'delete',
    before: { recordType, recordId, fileName, contentType, sizeBytes, sha256 },
  });
  await publish(tx, actor, {
    type: 'attachment.deleted',
    aggregateType: 'attachment',
    aggregateId: id,
    payload: { attachmentId: id, recordType, recordId, fileName },
  });
}
