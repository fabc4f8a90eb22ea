import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/connect.ts';
import { one, type Tx, withTransaction } from '../db/tx.ts';
import { badRequest } from '../errors.ts';
import { newId } from '../ids.ts';
import { publish } from '../outbox/publish.ts';
import { type Actor, requirePermission } from '../permissions/actor.ts';
import { type BatchView, batchView } from './batches.ts';
import { type ResolvedMapping, resolveMapping } from './mapping.ts';
import {
  type FileShape,
  type FileSource,
  inspectFile,
  pathSource,
  readRows,
  type SheetRow,
} from './read-file.ts';
import { findImporter, type Importer } from './registry.ts';
import { runChunk } from './run-chunk.ts';

export interface ImportInput {
  entity: string;
  fileName: string;
  dryRun: boolean;
  /** File header → column key; without it headers are matched to column keys and labels. */
  mapping?: Record<string, string>;
  source: FileSource;
}

export interface ImportOptions {
  chunkSize?: number;
  /**
   * Where the file is kept while its batch runs (DATA_DIR/imports on a server), as `<batchId>`, so
   * a batch a crash interrupted can be resumed; without it the batch cannot be resumed.
   */
  fileDir?: string;
  /** How long a running batch stays claimed without a committed chunk (default 10 minutes). */
  leaseSeconds?: number;
  /** Called after every committed chunk with the batch as it now stands. */
  onProgress?(batch: BatchView): void | Promise<void>;
}

const DEFAULT_LEASE = 600;

/** Reads the whole file once before anything is written: a broken file is a 400 with no batch. No row cap: only a count. */
async function scanFile(
  source: FileSource,
  shape: FileShape,
): Promise<{ header: SheetRow; dataRows: number }> {
  let header: SheetRow | undefined;
  let dataRows = 0;
  for await (const row of readRows(source, shape)) {
    if (!header) header = row;
    else dataRows++;
  }
  if (!header) throw badRequest('import.empty_file', 'The file has no header row');
  return { header, dataRows };
}

async function createBatch(
  tx: Tx,
  actor: Actor,
  input: ImportInput,
  shape: FileShape,
  mapping: Record<string, string>,
  totalRows: number,
  leaseSeconds: number,
): Promise<BatchView> {
  const id = newId();
  const row = await one(
    tx,
    sql`insert into platform_import_batch
          (company_id, id, entity, file_name, format, mapping, dry_run, total_rows, created_by, lease_until)
        values (${actor.companyId}, ${id}, ${input.entity}, ${input.fileName}, ${shape.format},
                ${JSON.stringify(mapping)}::jsonb, ${input.dryRun}, ${totalRows}, ${actor.userId},
                now() + make_interval(secs => ${leaseSeconds}))
        returning *`,
  );
  await recordAudit(tx, actor, {
    entity: 'platform.import_batch',
    entityId: id,
    action: 'create',
    after: { entity: input.entity, fileName: input.fileName, dryRun: input.dryRun, totalRows },
  });
  return batchView(row!);
}

export function storedFile(fileDir: string, batchId: string): string {
  return path.join(fileDir, batchId);
}

export async function finishBatch(
  db: Db,
  actor: Actor,
  batchId: string,
  status: 'done' | 'failed',
): Promise<BatchView> {
  return withTransaction(db, async (tx) => {
    const row = await one(
      tx,
      sql`update platform_import_batch
             set status = ${status}, finished_at = now(), version = version + 1, lease_until = null,
                 total_rows = case when ${status} = 'done' then processed_rows else total_rows end
           where company_id = ${actor.companyId} and id = ${batchId} returning *`,
    );
    const batch = batchView(row!);
    await publish(tx, actor, {
      type: status === 'done' ? 'import_batch.finished' : 'import_batch.failed',
      aggregateType: 'import_batch',
      aggregateId: batchId,
      payload: {
        batchId,
        entity: batch.entity,
        dryRun: batch.dryRun,
        okRows: batch.okRows,
        errorRows: batch.errorRows,
      },
    });
    return batch;
  });
}

export interface Pass {
  batch: BatchView;
  importer: Importer;
  resolved: ResolvedMapping;
  headerWidth: number;
  source: FileSource;
  shape: FileShape;
  /** Rows up to this number were committed by an earlier run of the batch and are skipped. */
  after: number;
  /** The stored copy of the file, removed when the batch ends. */
  kept?: string;
}

/**
 * The import pass over the file as a stream, in chunks, each chunk its own transaction (a large
 * file must neither sit in memory nor in one huge transaction); the batch ends done or failed.
 */
export async function importPass(
  db: Db,
  actor: Actor,
  pass: Pass,
  options: ImportOptions,
): Promise<BatchView> {
  let { batch } = pass;
  const rowActor: Actor = { ...actor, reason: `import batch ${batch.id}` };
  const chunkSize = options.chunkSize ?? 500;
  const lease = options.leaseSeconds ?? DEFAULT_LEASE;
  const run = async (chunk: SheetRow[]) => {
    batch = await runChunk(db, rowActor, batch, pass.importer, pass.resolved, pass.headerWidth, chunk, lease);
    await options.onProgress?.(batch);
  };
  try {
    let chunk: SheetRow[] = [];
    let seenHeader = false;
    for await (const row of readRows(pass.source, pass.shape)) {
      if (!seenHeader) {
        seenHeader = true;
        continue;
      }
      if (row.rowNo <= pass.after) continue;
      chunk.push(row);
      if (chunk.length < chunkSize) continue;
      await run(chunk);
      chunk = [];
    }
    if (chunk.length > 0) await run(chunk);
  } catch (error) {
    await finishBatch(db, actor, batch.id, 'failed').catch(() => {});
    if (pass.kept) fs.rmSync(pass.kept, { force: true });
    throw error;
  }
  const done = await finishBatch(db, actor, batch.id, 'done');
  if (pass.kept) fs.rmSync(pass.kept, { force: true });
  return done;
}

/**
 * Imports a file: checks permission, file and columns before anything is written, keeps the file
 * (with `fileDir`) so a crash can be resumed from the last committed chunk, then imports it. That
 * is why this use case takes the database and not a transaction. Every imported record is audited
 * with the reason "import batch <id>".
 */
export async function runImport(
  db: Db,
  actor: Actor,
  input: ImportInput,
  options: ImportOptions = {},
): Promise<BatchView> {
  requirePermission(actor, 'platform.import.run');
  const importer = findImporter(input.entity);
  if (!importer)
    throw badRequest('import.unknown_entity', `Nothing can be imported as ${input.entity}`, {
      entity: input.entity,
    });
  requirePermission(actor, importer.permission);
  const shape = await inspectFile(input.source);
  const scan = await scanFile(input.source, shape);
  const resolved = resolveMapping(importer.columns, scan.header.cells, input.mapping);
  const batch = await withTransaction(db, (tx) =>
    createBatch(
      tx,
      actor,
      input,
      shape,
      resolved.mapping,
      scan.dataRows,
      options.leaseSeconds ?? DEFAULT_LEASE,
    ),
  );
  let source = input.source;
  let kept: string | undefined;
  if (options.fileDir) {
    fs.mkdirSync(options.fileDir, { recursive: true });
    kept = storedFile(options.fileDir, batch.id);
    await pipeline(input.source.open(), fs.createWriteStream(kept));
    source = pathSource(kept);
  }
  const headerWidth = scan.header.cells.length;
  return importPass(
    db,
    actor,
    { batch, importer, resolved, headerWidth, source, shape, after: 0, kept },
    options,
  );
}
