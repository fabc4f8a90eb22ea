// Month-end revaluations of open foreign-currency receivables and payables (one per company and month).
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { companyId, id, versioned } from '../../../platform/db/columns.ts';
import { company } from '../../../platform/schema.ts';
import { entry } from '../ledger/schema.ts';

export interface RevaluedDocument {
  invoiceId: string;
  number: string;
  kind: string;
  partnerId: string;
  currency: string;
  residual: string;
  bookedCompany: string;
  rate: string;
  revaluedCompany: string;
  /** + gain, − loss. */
  difference: string;
}

export const revaluation = pgTable(
  'accounting_revaluation',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    /** YYYY-MM: the month revalued; unique, so a second request finds the first. */
    month: text('month').notNull(),
    revaluationDate: date('revaluation_date', { mode: 'string' }).notNull(),
    /** Null when nothing foreign was open (the month is still marked done). */
    entryId: uuid('entry_id'),
    reversalEntryId: uuid('reversal_entry_id'),
    documents: jsonb('documents').$type<RevaluedDocument[]>().notNull().default([]),
    rates: jsonb('rates').$type<Record<string, string>>().notNull().default({}),
    createdBy: uuid('created_by'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('accounting_revaluation_month_uq').on(t.companyId, t.month),
    foreignKey({ columns: [t.companyId, t.entryId], foreignColumns: [entry.companyId, entry.id] }),
    foreignKey({ columns: [t.companyId, t.reversalEntryId], foreignColumns: [entry.companyId, entry.id] }),
    check('accounting_revaluation_month_ck', sql`${t.month} ~ '^[0-9]{4}-[0-9]{2}$'`),
  ],
);
