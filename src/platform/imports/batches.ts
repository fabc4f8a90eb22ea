import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { iso, isoOrNull } from '../db/time.ts';
import { type Executor, one, rows, textArray } from '../db/tx.ts';
import { badRequest, notFound } from '../errors.ts';
import { decodeCursor, encodeCursor } from '../http/schemas.ts';
import { type Actor, can, recordScopeSql, requirePermission } from '../permissions/actor.ts';
import { allImporters } from './registry.ts';

export const BatchView = z
  .object({
    id: z.uuid(),
    entity: z.string(),
    fileName: z.string(),
    format: z.enum(['csv', 'xlsx']),
    dryRun: z.boolean(),
    status: z.enum(['running', 'done', 'failed', 'undone']),
    mapping: z.record(z.string(), z.string()),
    totalRows: z.number().int(),
    processedRows: z.number().int(),
    okRows: z.number().int(),
    errorRows: z.number().int(),
    /** What the rows did (for a dry run: would do), e.g. 1,203 new, 88 updated, 12 conflicts. */
    diff: z.object({
      new: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      conflicts: z.number().int(),
      /** Rows refused for their own cells (not counting conflicts). */
      errors: z.number().int(),
    }),
    createdBy: z.uuid(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    undoneAt: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'ImportBatch' });
export type BatchView = z.infer<typeof BatchView>;

export const RowErrorView = z
  .object({
    rowNo: z.number().int(),
    /** `conflict`: the row collides with another record (duplicate, unique value taken); `error`: its cells are wrong. */
    outcome: z.enum(['conflict', 'error']),
    errors: z.array(
      z.object({
        column: z.string().nullable(),
        /** The file's own header of that column, as the person knows it. */
        header: z.string().nullable(),
        code: z.string(),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: 'ImportRowError' });

export const BatchListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  entity: z
    .string()
    .regex(/^[a-z_]+\.[a-z_]+$/)
    .optional(),
});

export const RowErrorQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  outcome: z.enum(['conflict', 'error']).optional(),
  cursor: z.string().max(200).optional(),
});

export function batchView(r: Record<string, any>): BatchView {
  return {
    id: r.id,
    entity: r.entity,
    fileName: r.file_name,
    format: r.format,
    dryRun: r.dry_run,
    status: r.status,
    mapping: r.mapping ?? {},
    totalRows: r.total_rows,
    processedRows: r.processed_rows,
    okRows: r.ok_rows,
    errorRows: r.error_rows,
    diff: {
      new: r.new_rows,
      updated: r.updated_rows,
      unchanged: r.unchanged_rows,
      conflicts: r.conflict_rows,
      errors: r.error_rows - r.conflict_rows,
    },
    createdBy: r.created_by,
    createdAt: iso(r.created_at),
    finishedAt: isoOrNull(r.finished_at),
    undoneAt: isoOrNull(r.undone_at),
    version: r.version,
  };
}

/**
 * A batch shows what was imported and which rows failed, so one is visible to whoever started it,
 * and otherwise only to those allowed to import that entity themselves AND within their record rule
 * over the batch's owner (own: their batches; team: their team's; company: all).
 */
function visibleSql(actor: Actor): SQL {
  const entities = allImporters()
    .filter((i) => can(actor, i.permission))
    .map((i) => i.entity);
  return sql`(b.created_by = ${actor.userId}
              or (b.entity = any(${textArray(entities)}) and ${recordScopeSql(actor, sql`b.created_by`)}))`;
}

export async function getBatch(ex: Executor, actor: Actor, id: string): Promise<BatchView> {
  requirePermission(actor, 'platform.import.read');
  const row = await one(
    ex,
    sql`select b.* from platform_import_batch b
         where b.company_id = ${actor.companyId} and b.id = ${id} and ${visibleSql(actor)}`,
  );
  if (!row) throw notFound('import batch', id);
  return batchView(row);
}

/** Newest first. */
export async function listBatches(ex: Executor, actor: Actor, query: z.infer<typeof BatchListQuery>) {
  requirePermission(actor, 'platform.import.read');
  const where: SQL[] = [sql`b.company_id = ${actor.companyId}`, visibleSql(actor)];
  if (query.entity) where.push(sql`b.entity = ${query.entity}`);
  const cursor = decodeCursor(query.cursor, 1);
  if (cursor) {
    if (cursor[0] === '__invalid__' || !z.uuid().safeParse(cursor[0]).success)
      throw badRequest('bad_cursor', 'The cursor is not valid');
    where.push(sql`b.id < ${String(cursor[0])}::uuid`);
  }
  const list = await rows(
    ex,
    sql`select b.* from platform_import_batch b where ${sql.join(where, sql` and `)}
         order by b.id desc limit ${query.limit + 1}`,
  );
  const page = list.slice(0, query.limit);
  return {
    items: page.map(batchView),
    nextCursor: list.length > query.limit ? encodeCursor([String(page[page.length - 1].id)]) : null,
  };
}

type StoredError = { column?: string; code: string; message: string };

function withHeaders(batch: BatchView, errors: StoredError[] | null) {
  const headerOf = new Map(Object.entries(batch.mapping).map(([header, key]) => [key, header]));
  return (errors ?? []).map((e) => ({
    column: e.column ?? null,
    header: e.column ? (headerOf.get(e.column) ?? null) : null,
    code: e.code,
    message: e.message,
  }));
}

/** The failed rows of a batch, in file order. */
export async function listRowErrors(
  ex: Executor,
  actor: Actor,
  id: string,
  query: z.infer<typeof RowErrorQuery>,
) {
  const batch = await getBatch(ex, actor, id);
  const cursor = decodeCursor(query.cursor, 1);
  if (cursor && (cursor[0] === '__invalid__' || typeof cursor[0] !== 'number'))
    throw badRequest('bad_cursor', 'The cursor is not valid');
  const list = await rows<{ row_no: number; outcome: string | null; errors: StoredError[] | null }>(
    ex,
    sql`select row_no, outcome, errors from platform_import_row
         where company_id = ${actor.companyId} and batch_id = ${id} and status = 'error'
           and row_no > ${cursor ? Number(cursor[0]) : 0}
           ${query.outcome === 'conflict' ? sql`and outcome = 'conflict'` : sql``}
           ${query.outcome === 'error' ? sql`and outcome is distinct from 'conflict'` : sql``}
         order by row_no limit ${query.limit + 1}`,
  );
  const page = list.slice(0, query.limit);
  return {
    items: page.map((r) => ({
      rowNo: r.row_no,
      outcome: r.outcome === 'conflict' ? ('conflict' as const) : ('error' as const),
      errors: withHeaders(batch, r.errors),
    })),
    nextCursor: list.length > query.limit ? encodeCursor([page[page.length - 1].row_no]) : null,
  };
}

/**
 * Every error of a batch, one line per (row, column), read page by page so a file with many
 * errors is never held whole. The caller has already checked access with `getBatch`.
 */
export async function* rowErrorLines(ex: Executor, actor: Actor, batch: BatchView) {
  let after = 0;
  for (;;) {
    const page = await rows<{ row_no: number; errors: StoredError[] | null }>(
      ex,
      sql`select row_no, errors from platform_import_row
           where company_id = ${actor.companyId} and batch_id = ${batch.id} and status = 'error' and row_no > ${after}
           order by row_no limit 500`,
    );
    for (const r of page)
      for (const e of withHeaders(batch, r.errors))
        yield { rowNo: r.row_no, column: e.header ?? e.column ?? '', code: e.code, message: e.message };
    if (page.length < 500) return;
    after = page[page.length - 1].row_no;
  }
}
