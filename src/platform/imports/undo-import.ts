import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import { one, rows, type Tx } from '../db/tx.ts';
import { notFound, staleVersion, unprocessable } from '../errors.ts';
import { publish } from '../outbox/publish.ts';
import { type Actor, requirePermission } from '../permissions/actor.ts';
import { type BatchView, batchView, getBatch } from './batches.ts';
import { findImporter } from './registry.ts';

export const UndoImportInput = z.strictObject({ version: z.number().int().min(1) });

const UNDO_CHUNK = 500;

/**
 * Reverses a finished import: the importer undoes every record the batch created (each audited
 * with the reason "undo of import batch <id>"), and the batch becomes `undone`. All in the
 * caller's one transaction, so a batch is either wholly undone or not at all.
 */
export async function undoImport(
  tx: Tx,
  actor: Actor,
  id: string,
  input: z.infer<typeof UndoImportInput>,
): Promise<BatchView> {
  requirePermission(actor, 'platform.import.undo');
  await getBatch(tx, actor, id); // 404 unless the actor may see the batch
  const locked = await one(
    tx,
    sql`select * from platform_import_batch where company_id = ${actor.companyId} and id = ${id} for update`,
  );
  if (!locked) throw notFound('import batch', id);
  const batch = batchView(locked);
  const importer = findImporter(batch.entity);
  if (!importer)
    throw unprocessable('import.unknown_entity', `Nothing can be imported as ${batch.entity} any more`);
  requirePermission(actor, importer.undoPermission ?? importer.permission);
  if (batch.version !== input.version) throw staleVersion('import batch', input.version, batch.version);
  if (batch.dryRun || batch.status !== 'done')
    throw unprocessable(
      'import.not_undoable',
      'Only a finished import that was not a dry run can be undone',
      {
        status: batch.status,
        dryRun: batch.dryRun,
      },
    );

  const reason = `undo of import batch ${id}`;
  const undoActor: Actor = { ...actor, reason };
  let undone = 0;
  for (let after = 0; ; ) {
    const page = await rows<{ row_no: number; record_id: string }>(
      tx,
      sql`select row_no, record_id from platform_import_row
           where company_id = ${actor.companyId} and batch_id = ${id} and status = 'ok'
             and (outcome is null or outcome = 'new') and record_id is not null and row_no > ${after}
           order by row_no limit ${UNDO_CHUNK}`,
    );
    if (page.length === 0) break;
    await importer.undo(
      tx,
      undoActor,
      page.map((r) => r.record_id),
    );
    undone += page.length;
    after = page[page.length - 1].row_no;
  }

  const row = await one(
    tx,
    sql`update platform_import_batch set status = 'undone', undone_at = now(), version = version + 1
         where company_id = ${actor.companyId} and id = ${id} returning *`,
  );
  await recordAudit(tx, undoActor, {
    entity: 'platform.import_batch',
    entityId: id,
    action: 'undo',
    before: { status: batch.status },
    after: { status: 'undone', undoneRecords: undone },
    reason,
  });
  await publish(tx, actor, {
    type: 'import_batch.undone',
    aggregateType: 'import_batch',
    aggregateId: id,
    payload: { batchId: id, entity: batch.entity, undoneRecords: undone },
  });
  return batchView(row!);
}
