import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/connect.ts';
import { one, type Tx, translateDbError, withTransaction } from '../db/tx.ts';
import { AppError, badRequest } from '../errors.ts';
import { newId } from '../ids.ts';
import { publish } from '../outbox/publish.ts';
import { type Actor, requirePermission } from '../permissions/actor.ts';
import { type BatchView, batchView } from './batches.ts';
import { type ResolvedMapping, resolveMapping } from './mapping.ts';
import {
  type FileShape,
  type FileSource,
  inspectFile,
  MAX_ROWS,
  readRows,
  type SheetRow,
} from './read-file.ts';
import {
  type ChunkOutcome,
  findImporter,
  type ImportContext,
  type Importer,
  type RowError,
} from './registry.ts';

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
  /** Called after every committed chunk with the batch as it now stands. */
  onProgress?(batch: BatchView): void | Promise<void>;
}

interface RowOutcome {
  rowNo: number;
  status: 'ok' | 'error';
  errors: RowError[] | null;
  recordId: string | null;
}

class DryRunRollback extends Error {}

/** Reads the whole file once before anything is written: a broken or oversized file is a 400 with no batch. */
async function scanFile(
  source: FileSource,
  shape: FileShape,
): Promise<{ header: SheetRow; dataRows: number }> {
  let header: SheetRow | undefined;
  let dataRows = 0;
  for await (const row of readRows(source, shape)) {
    if (!header) header = row;
    else if (++dataRows > MAX_ROWS)
      throw badRequest('import.too_many_rows', `A file may hold at most ${MAX_ROWS} rows; split it`, {
        max: MAX_ROWS,
      });
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
): Promise<BatchView> {
  const id = newId();
  const row = await one(
    tx,
    sql`insert into platform_import_batch
          (company_id, id, entity, file_name, format, mapping, dry_run, total_rows, created_by)
        values (${actor.companyId}, ${id}, ${input.entity}, ${input.fileName}, ${shape.format},
                ${JSON.stringify(mapping)}::jsonb, ${input.dryRun}, ${totalRows}, ${actor.userId})
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

function rawCells(row: SheetRow, resolved: ResolvedMapping): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const [key, index] of resolved.indexByKey) {
    const value = row.cells[index] ?? '';
    if (value !== '') raw[key] = value;
  }
  return raw;
}

function errorOf(error: AppError): RowError {
  const column = error.details.column ?? error.details.field;
  return {
    ...(typeof column === 'string' ? { column } : {}),
    code: error.code,
    message: error.message,
  };
}

function parseOne(
  importer: Importer,
  resolved: ResolvedMapping,
  headerWidth: number,
  row: SheetRow,
): { input: unknown } | RowOutcome {
  const fail = (errors: RowError[]): RowOutcome => ({
    rowNo: row.rowNo,
    status: 'error',
    errors,
    recordId: null,
  });
  if (row.cells.slice(headerWidth).some((cell) => cell !== ''))
    return fail([
      { code: 'import.row_too_long', message: 'The row has more values than the header has columns' },
    ]);
  const parsed = importer.parseRow(rawCells(row, resolved));
  return parsed.ok ? { input: parsed.value } : fail(parsed.errors);
}

/**
 * One validated row: the importer's use case inside a savepoint, so a refused row leaves no trace
 * and the rest of the chunk goes on. Anything that is not a refusal (a bug, the database gone) is
 * no row's fault: it stops the batch.
 */
async function importOne(
  tx: Tx,
  actor: Actor,
  importer: Importer,
  rowNo: number,
  input: unknown,
  ctx: ImportContext,
): Promise<RowOutcome> {
  try {
    const { recordId } = await tx.transaction((savepoint) =>
      importer.importRow(savepoint as Tx, actor, input, ctx),
    );
    return { rowNo, status: 'ok', errors: null, recordId };
  } catch (error) {
    const refusal = translateDbError(error);
    if (refusal instanceof AppError && refusal.status < 500)
      return { rowNo, status: 'error', errors: [errorOf(refusal)], recordId: null };
    throw error;
  }
}

/**
 * The rows of one chunk: each validated, then either the importer's `importChunk` for all of them in
 * one savepoint or, without it (or when it refuses as a whole), `importRow` one by one.
 */
async function importRows(
  tx: Tx,
  actor: Actor,
  importer: Importer,
  resolved: ResolvedMapping,
  headerWidth: number,
  chunk: SheetRow[],
  batch: BatchView,
): Promise<RowOutcome[]> {
  const outcomes = new Map<number, RowOutcome>();
  const parsed: Array<{ rowNo: number; input: unknown }> = [];
  for (const row of chunk) {
    const result = parseOne(importer, resolved, headerWidth, row);
    if ('status' in result) outcomes.set(row.rowNo, result);
    else parsed.push({ rowNo: row.rowNo, input: result.input });
  }
  let bulk: ChunkOutcome[] | null = null;
  if (importer.importChunk && parsed.length > 0) {
    try {
      bulk = await tx.transaction((savepoint) =>
        importer.importChunk!(savepoint as Tx, actor, parsed, { batchId: batch.id, dryRun: batch.dryRun }),
      );
    } catch (error) {
      const refusal = translateDbError(error);
      if (!(refusal instanceof AppError && refusal.status < 500)) throw error;
    }
  }
  if (bulk) {
    for (const o of bulk)
      outcomes.set(
        o.rowNo,
        'errors' in o
          ? { rowNo: o.rowNo, status: 'error', errors: o.errors, recordId: null }
          : { rowNo: o.rowNo, status: 'ok', errors: null, recordId: o.recordId },
      );
  } else
    for (const p of parsed)
      outcomes.set(
        p.rowNo,
        await importOne(tx, actor, importer, p.rowNo, p.input, {
          batchId: batch.id,
          rowNo: p.rowNo,
          dryRun: batch.dryRun,
        }),
      );
  return chunk.map((row) => {
    const outcome = outcomes.get(row.rowNo);
    if (!outcome) throw new Error(`importer ${importer.entity} gave no outcome for row ${row.rowNo}`);
    return outcome;
  });
}

async function saveOutcomes(
  tx: Tx,
  actor: Actor,
  batchId: string,
  outcomes: RowOutcome[],
): Promise<BatchView> {
  if (outcomes.length > 0)
    await tx.execute(
      sql`insert into platform_import_row (company_id, batch_id, row_no, status, errors, record_id) values ${sql.join(
        outcomes.map(
          (o) =>
            sql`(${actor.companyId}, ${batchId}, ${o.rowNo}, ${o.status},
                 ${o.errors ? JSON.stringify(o.errors) : null}::jsonb, ${o.recordId})`,
        ),
        sql`, `,
      )}`,
    );
  const ok = outcomes.filter((o) => o.status === 'ok').length;
  const row = await one(
    tx,
    sql`update platform_import_batch
           set processed_rows = processed_rows + ${outcomes.length}, ok_rows = ok_rows + ${ok},
               error_rows = error_rows + ${outcomes.length - ok}
         where company_id = ${actor.companyId} and id = ${batchId} returning *`,
  );
  return batchView(row!);
}

/**
 * One chunk in one transaction: the records, their row results and the batch counters commit
 * together, so the progress others see is always true. A dry run does the same work for real (so
 * uniqueness and references are checked by the database) and rolls it back; only the row results
 * are kept. A dry run cannot see records of earlier chunks, so duplicates further apart than a
 * chunk show up only in the real run.
 */
async function runChunk(
  db: Db,
  actor: Actor,
  batch: BatchView,
  importer: Importer,
  resolved: ResolvedMapping,
  headerWidth: number,
  chunk: SheetRow[],
): Promise<BatchView> {
  const importAll = (tx: Tx) => importRows(tx, actor, importer, resolved, headerWidth, chunk, batch);
  if (!batch.dryRun)
    return withTransaction(db, async (tx) => saveOutcomes(tx, actor, batch.id, await importAll(tx)));
  let outcomes: RowOutcome[] = [];
  try {
    await withTransaction(db, async (tx) => {
      outcomes = await importAll(tx);
      throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return withTransaction(db, (tx) => saveOutcomes(tx, actor, batch.id, outcomes));
}

async function finishBatch(
  db: Db,
  actor: Actor,
  batchId: string,
  status: 'done' | 'failed',
): Promise<BatchView> {
  return withTransaction(db, async (tx) => {
    const row = await one(
      tx,
      sql`update platform_import_batch
             set status = ${status}, finished_at = now(), version = version + 1,
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

/**
 * Imports a file: checks permission, file and columns before anything is written, then reads the
 * file as a stream in chunks, each chunk its own transaction (a large file must neither sit in
 * memory nor in one huge transaction). That is why this use case takes the database and not a
 * transaction. Every imported record is audited with the reason "import batch <id>".
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
  let batch = await withTransaction(db, (tx) =>
    createBatch(tx, actor, input, shape, resolved.mapping, scan.dataRows),
  );
  const rowActor: Actor = { ...actor, reason: `import batch ${batch.id}` };
  const chunkSize = options.chunkSize ?? 500;
  const headerWidth = scan.header.cells.length;
  try {
    let chunk: SheetRow[] = [];
    let seenHeader = false;
    for await (const row of readRows(input.source, shape)) {
      if (!seenHeader) {
        seenHeader = true;
        continue;
      }
      chunk.push(row);
      if (chunk.length < chunkSize) continue;
      batch = await runChunk(db, rowActor, batch, importer, resolved, headerWidth, chunk);
      chunk = [];
      await options.onProgress?.(batch);
    }
    if (chunk.length > 0) {
      batch = await runChunk(db, rowActor, batch, importer, resolved, headerWidth, chunk);
      await options.onProgress?.(batch);
    }
  } catch (error) {
    await finishBatch(db, actor, batch.id, 'failed').catch(() => {});
    throw error;
  }
  return finishBatch(db, actor, batch.id, 'done');
}
