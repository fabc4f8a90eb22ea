import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { loadActor } from '../auth/load-actor.ts';
import type { Db } from '../db/connect.ts';
import { one, rows } from '../db/tx.ts';
import { conflict, unprocessable } from '../errors.ts';
import { type Actor, can, requirePermission, systemActor } from '../permissions/actor.ts';
import { type BatchView, batchView, getBatch } from './batches.ts';
import { resolveMapping } from './mapping.ts';
import { inspectFile, pathSource, readRows } from './read-file.ts';
import { findImporter } from './registry.ts';
import { finishBatch, type ImportOptions, importPass, storedFile } from './run-import.ts';

type ResumeOptions = ImportOptions & { fileDir: string };

/**
 * Claims a `running` batch whose lease ran out (its process died): one statement, so of two
 * resumers only one wins. Whatever the lease says, a chunk never commits twice: each row result's
 * primary key (batch, row) refuses the second, and the chunk's records roll back with it.
 */
async function claim(db: Db, companyId: string, id: string, leaseSeconds: number) {
  return one(
    db.orm,
    sql`update platform_import_batch
           set lease_until = now() + make_interval(secs => ${leaseSeconds}), version = version + 1
         where company_id = ${companyId} and id = ${id} and status = 'running'
           and (lease_until is null or lease_until < now())
         returning *`,
  );
}

async function resumeClaimed(db: Db, actor: Actor, batch: BatchView, options: ResumeOptions) {
  const importer = findImporter(batch.entity);
  const file = storedFile(options.fileDir, batch.id);
  if (!importer || !fs.existsSync(file)) {
    await finishBatch(db, actor, batch.id, 'failed');
    throw unprocessable('import.file_gone', 'The file of this import is no longer kept; import it again', {
      batchId: batch.id,
    });
  }
  const source = pathSource(file);
  const shape = await inspectFile(source);
  let header: string[] = [];
  for await (const row of readRows(source, shape)) {
    header = row.cells;
    break;
  }
  const done = await one<{ last: number | null }>(
    db.orm,
    sql`select max(row_no) as last from platform_import_row
         where company_id = ${actor.companyId} and batch_id = ${batch.id}`,
  );
  return importPass(
    db,
    actor,
    {
      batch,
      importer,
      resolved: resolveMapping(importer.columns, header, batch.mapping),
      headerWidth: header.length,
      source,
      shape,
      after: Number(done?.last ?? 0),
      kept: file,
    },
    options,
  );
}

/**
 * `POST /imports/{id}/resume`: goes on with an import a crash interrupted, from the row after the
 * last committed chunk, as the person resuming it (who must be allowed to run that import).
 */
export async function resumeImport(
  db: Db,
  actor: Actor,
  id: string,
  options: ResumeOptions,
): Promise<BatchView> {
  requirePermission(actor, 'platform.import.run');
  const seen = await getBatch(db.orm, actor, id);
  const importer = findImporter(seen.entity);
  if (importer) requirePermission(actor, importer.permission);
  const claimed = await claim(db, actor.companyId, id, options.leaseSeconds ?? 600);
  if (!claimed)
    throw conflict(
      'import.not_resumable',
      seen.status === 'running'
        ? 'This import is still running'
        : 'Only an import interrupted while running can be resumed',
      { status: seen.status },
    );
  return resumeClaimed(db, actor, batchView(claimed), options);
}

/**
 * The platform job (at start-up and then every minute): every interrupted batch of every company
 * goes on as the person who started it; one whose person may no longer import is ended as failed.
 */
export async function resumeInterruptedImports(db: Db, options: ResumeOptions): Promise<number> {
  const stale = await rows<{ company_id: string; id: string; created_by: string }>(
    db.orm,
    sql`select company_id, id, created_by from platform_import_batch
         where status = 'running' and lease_until < now() order by created_at limit 20`,
  );
  let resumed = 0;
  for (const s of stale) {
    const claimed = await claim(db, s.company_id, s.id, options.leaseSeconds ?? 600);
    if (!claimed) continue;
    const batch = batchView(claimed);
    const person = await loadActor(db.orm, { userId: s.created_by, companyId: s.company_id });
    const importer = findImporter(batch.entity);
    const reason = `resume of import batch ${batch.id}`;
    const actor: Actor = person ? { ...person, reason } : systemActor(s.company_id, reason);
    if (!person || !importer || !can(actor, importer.permission) || !can(actor, 'platform.import.run')) {
      await finishBatch(db, actor, batch.id, 'failed');
      continue;
    }
    await resumeClaimed(db, actor, batch, options).catch(() => {});
    resumed++;
  }
  return resumed;
}
