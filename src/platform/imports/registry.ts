import type { z } from 'zod';
import type { Tx } from '../db/tx.ts';
import { AppError } from '../errors.ts';
import type { Actor } from '../permissions/actor.ts';

/** One problem with one row of a file; `column` is the importer's column key when one cell is to blame. */
export interface RowError {
  column?: string;
  code: string;
  message: string;
}

export interface ImportColumn {
  key: string;
  label: { 'zh-CN': string; en: string };
  required: boolean;
  /** A value shown in the template file, so people see the expected shape. */
  example: string;
}

export type Parsed<I> = { ok: true; value: I } | { ok: false; errors: RowError[] };

export interface ImportContext {
  batchId: string;
  rowNo: number;
  dryRun: boolean;
}

/** One parsed row of a chunk, for `importChunk`. */
export interface ChunkRow<I> {
  rowNo: number;
  input: I;
}

/**
 * What an accepted row did: made a record, changed the record its key matched, or found that record
 * already as the row says (nothing written, nothing audited). Importers without a key only make.
 */
export type RowResult = 'new' | 'updated' | 'unchanged';

export interface RowWritten {
  recordId: string;
  /** `new` when not given. */
  result?: RowResult;
}

export type ChunkOutcome = ({ rowNo: number } & RowWritten) | { rowNo: number; errors: RowError[] };

/**
 * Refusals that are collisions with other records rather than bad cells: a duplicate, a unique
 * value taken, a key matching several records. The dry-run diff counts them as conflicts.
 */
export function isConflictCode(code: string): boolean {
  return (
    code === 'duplicate' ||
    code === 'import.key_ambiguous' ||
    code.endsWith('.duplicate_suspected') ||
    code.endsWith('_taken')
  );
}

/**
 * What a module registers to make one of its entities importable. `parseRow` gets the mapped cells
 * of one row (trimmed; blank cells are absent) and validates them without I/O; `importRow` writes one
 * record through the module's own use case (so every rule and the audit apply) and throws an
 * `AppError` when the row is refused; `undo` reverses the records a batch made (never those it only
 * updated or found unchanged).
 */
export interface Importer<I = any> {
  entity: string;
  /** Needed to import (checked before anything is read); the use case checks it again per row. */
  permission: string;
  /** Needed to undo a batch; the import permission when not given. */
  undoPermission?: string;
  columns: ImportColumn[];
  /**
   * The columns that name an existing record (customer code, SKU …), for upsert: a row whose key
   * matches a record updates it through the module's update use case, and a row equal to the record
   * changes nothing. Shown in the template; the importer does the matching in `importRow`/`importChunk`.
   */
  keyColumns?: string[];
  parseRow(raw: Record<string, string>): Parsed<I>;
  importRow(tx: Tx, actor: Actor, input: I, ctx: ImportContext): Promise<RowWritten>;
  /**
   * Optional, for entities imported by the ten thousand: all parsed rows of a chunk at once
   * (set-based checks, multi-row inserts) instead of `importRow` in a savepoint per row. It answers
   * an outcome for every row; when it throws a refusal instead, nothing it wrote stays and the engine
   * imports that chunk row by row with `importRow`, which must apply the same rules.
   */
  importChunk?(
    tx: Tx,
    actor: Actor,
    rows: ChunkRow<I>[],
    ctx: { batchId: string; dryRun: boolean },
  ): Promise<ChunkOutcome[]>;
  undo(tx: Tx, actor: Actor, recordIds: string[]): Promise<void>;
}

const importers = new Map<string, Importer>();

export function registerImporter<I>(importer: Importer<I>): void {
  const keys = new Set<string>();
  for (const column of importer.columns) {
    if (keys.has(column.key)) throw new Error(`importer ${importer.entity}: column ${column.key} twice`);
    keys.add(column.key);
  }
  importers.set(importer.entity, importer as Importer);
}

export function findImporter(entity: string): Importer | undefined {
  return importers.get(entity);
}

export function allImporters(): Importer[] {
  return [...importers.values()].sort((a, b) => a.entity.localeCompare(b.entity));
}

/** Validates the raw cells with a zod schema; each issue becomes a row error on its column. */
export function parseWithSchema<S extends z.ZodType>(
  schema: S,
  raw: Record<string, string>,
): Parsed<z.infer<S>> {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => {
      const column = issue.path.length > 0 ? String(issue.path[0]) : undefined;
      const missing = issue.code === 'invalid_type' && column !== undefined && raw[column] === undefined;
      return {
        column,
        code: missing ? 'required' : 'invalid',
        message: missing ? 'A value is required' : issue.message,
      };
    }),
  };
}

/** A refusal of one row by an importer, blamed on one column (422, recorded as the row's error). */
export function rowError(column: string, code: string, message: string): AppError {
  return new AppError(422, code, message, { column });
}
