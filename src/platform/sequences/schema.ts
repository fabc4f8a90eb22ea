import { bigint, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { companyId } from '../db/columns.ts';
import { company } from '../org/schema.ts';

/** Per-company counters (customer codes, document numbers); gap-free because taken inside the business transaction. */
export const sequence = pgTable(
  'platform_sequence',
  {
    companyId: companyId().references(() => company.id),
    key: text('key').notNull(),
    lastValue: bigint('last_value', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.key] })],
);
