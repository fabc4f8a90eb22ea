import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { companyId, createdAt, id } from '../db/columns.ts';
import { company } from '../org/schema.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/** Files live in the database, never under a path a URL can reach; the name is metadata only. */
export const attachment = pgTable(
  'platform_attachment',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    recordType: text('record_type').notNull(),
    recordId: text('record_id').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index('platform_attachment_record_ix').on(t.companyId, t.recordType, t.recordId),
    check('platform_attachment_size_ck', sql`${t.sizeBytes} >= 0 and ${t.sizeBytes} <= 26214400`),
  ],
);
