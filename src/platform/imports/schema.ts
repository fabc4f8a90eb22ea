import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { companyId, createdAt, id, ts, version } from '../db/columns.ts';
import { company } from '../org/schema.ts';

export const importBatch = pgTable(
  'platform_import_batch',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    entity: text('entity').notNull(),
    fileName: text('file_name').notNull(),
    format: text('format').notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull().default({}),
    dryRun: boolean('dry_run').notNull(),
    status: text('status').notNull().default('running'),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    okRows: integer('ok_rows').notNull().default(0),
    errorRows: integer('error_rows').notNull().default(0),
    // The dry-run diff: rows that made, changed or left alone a record, and refused rows that
    // collided with another record (a subset of error_rows).
    newRows: integer('new_rows').notNull().default(0),
    updatedRows: integer('updated_rows').notNull().default(0),
    unchangedRows: integer('unchanged_rows').notNull().default(0),
    conflictRows: integer('conflict_rows').notNull().default(0),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    finishedAt: ts('finished_at'),
    undoneAt: ts('undone_at'),
    /**
     * Until when the process running the batch holds it (renewed with every chunk); a `running`
     * batch past it was left by a crash and may be resumed from its file under DATA_DIR/imports.
     */
    leaseUntil: ts('lease_until'),
    version: version(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    check('platform_import_format_ck', sql`${t.format} in ('csv', 'xlsx')`),
    check('platform_import_status_ck', sql`${t.status} in ('running', 'done', 'failed', 'undone')`),
  ],
);

export const importRow = pgTable(
  'platform_import_row',
  {
    companyId: companyId(),
    batchId: uuid('batch_id').notNull(),
    rowNo: integer('row_no').notNull(),
    status: text('status').notNull(),
    errors: jsonb('errors').$type<Array<{ column?: string; code: string; message: string }>>(),
    recordId: text('record_id'),
    /** new | updated | unchanged | conflict | error; null on rows of batches imported before it existed. */
    outcome: text('outcome'),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.batchId, t.rowNo] }),
    foreignKey({
      columns: [t.companyId, t.batchId],
      foreignColumns: [importBatch.companyId, importBatch.id],
    }),
    check('platform_import_row_status_ck', sql`${t.status} in ('ok', 'error')`),
    check(
      'platform_import_row_outcome_ck',
      sql`${t.outcome} in ('new', 'updated', 'unchanged', 'conflict', 'error')`,
    ),
  ],
);
