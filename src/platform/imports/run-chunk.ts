import { sql } from 'drizzle-orm';
import type { Db } from '../db/connect.ts';
import { one, type Tx, translateDbError, withTransaction } from '../db/tx.ts';
import { AppError } from '../errors.ts';
import type { Actor } from '../permissions/actor.ts';
import { type BatchView, batchView } from './batches.ts';
import type { ResolvedMapping } from './mapping.ts';
import type { SheetRow } from './read-file.ts';
import {
  type ChunkOutcome,
  type ImportContext,
  type Importer,
  isConflictCode,
  type RowError,
} from './registry.ts';

// One chunk of an import: parse, import (for real, or for a dry run and rolled back), and save the
// row outcomes with the batch counters in the same transaction.

type Outcome = 'new' | 'updated' | 'unchanged' | 'conflict' | 'error';

interface RowOutcome {
  rowNo: number;
  status: 'ok' | 'error';
  outcome: Outcome;
  errors: RowError[] | null;
  recordId: string | null;
}

function refused(rowNo: number, errors: RowError[], conflict = false): RowOutcome {
  const collides = conflict || errors.some((e) => isConflictCode(e.code));
  return { rowNo, status: 'error', outcome: collides ? 'conflict' : 'error', errors, recordId: null };
}

function written(rowNo: number, recordId: string, result: Outcome | undefined): RowOutcome {
  return { rowNo, status: 'ok', outcome: result ?? 'new', errors: null, recordId };
}

class DryRunRollback extends Error {}

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
  const fail = (errors: RowError[]): RowOutcome => refused(row.rowNo, errors);
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
    const { recordId, result } = await tx.transaction((savepoint) =>
      importer.importRow(savepoint as Tx, actor, input, ctx),
    );
    return written(rowNo, recordId, result);
  } catch (error) {
    const refusal = translateDbError(error);
    if (refusal instanceof AppError && refusal.status < 500)
      return refused(rowNo, [errorOf(refusal)], refusal.status === 409);
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
        'errors' in o ? refused(o.rowNo, o.errors) : written(o.rowNo, o.recordId, o.result),
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
  leaseSeconds: number,
): Promise<BatchView> {
  if (outcomes.length > 0)
    await tx.execute(
      sql`insert into platform_import_row (company_id, batch_id, row_no, status, outcome, errors, record_id)
          values ${sql.join(
            outcomes.map(
              (o) =>
                sql`(${actor.companyId}, ${batchId}, ${o.rowNo}, ${o.status}, ${o.outcome},
                     ${o.errors ? JSON.stringify(o.errors) : null}::jsonb, ${o.recordId})`,
            ),
            sql`, `,
          )}`,
    );
  const n = (outcome: Outcome) => outcomes.filter((o) => o.outcome === outcome).length;
  const ok = outcomes.filter((o) => o.status === 'ok').length;
  const row = await one(
    tx,
    sql`update platform_import_batch
           set processed_rows = processed_rows + ${outcomes.length}, ok_rows = ok_rows + ${ok},
               error_rows = error_rows + ${outcomes.length - ok}, new_rows = new_rows + ${n('new')},
               updated_rows = updated_rows + ${n('updated')}, unchanged_rows = unchanged_rows + ${n('unchanged')},
               conflict_rows = conflict_rows + ${n('conflict')},
               lease_until = now() + make_interval(secs => ${leaseSeconds})
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
export async function runChunk(
  db: Db,
  actor: Actor,
  batch: BatchView,
  importer: Importer,
  resolved: ResolvedMapping,
  headerWidth: number,
  chunk: SheetRow[],
  leaseSeconds: number,
): Promise<BatchView> {
  const importAll = (tx: Tx) => importRows(tx, actor, importer, resolved, headerWidth, chunk, batch);
  if (!batch.dryRun)
    return withTransaction(db, async (tx) =>
      saveOutcomes(tx, actor, batch.id, await importAll(tx), leaseSeconds),
    );
  let outcomes: RowOutcome[] = [];
  try {
    await withTransaction(db, async (tx) => {
      outcomes = await importAll(tx);
      throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return withTransaction(db, (tx) => saveOutcomes(tx, actor, batch.id, outcomes, leaseSeconds));
}
