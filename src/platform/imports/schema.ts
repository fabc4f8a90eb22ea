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
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    finishedAt: ts('finished_at'),
    undoneAt: ts('undone_at'),
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
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.batchId, t.rowNo] }),
    foreignKey({
      columns: [t.companyId, t.batchId],
      foreignColumns: [importBatch.companyId, importBatch.id],
    }),
    check('platform_import_row_status_ck', sql`${t.status} in ('ok', 'error')`),
  ],
);
