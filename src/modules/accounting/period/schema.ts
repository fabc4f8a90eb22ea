// Fiscal years (calendar years) and their monthly periods, made on demand for a date.
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { companyId, id, ts, versioned } from '../../../platform/db/columns.ts';
import { company } from '../../../platform/schema.ts';

export const fiscalYear = pgTable(
  'accounting_fiscal_year',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    year: integer('year').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    state: text('state').notNull().default('open'),
    /** The year-end entry that moved profit and loss into retained earnings. */
    closingEntryId: uuid('closing_entry_id'),
    closedAt: ts('closed_at'),
    closedBy: uuid('closed_by'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('accounting_fiscal_year_uq').on(t.companyId, t.year),
    check('accounting_fiscal_year_state_ck', sql`${t.state} in ('open', 'closed')`),
    check('accounting_fiscal_year_dates_ck', sql`${t.startDate} <= ${t.endDate}`),
  ],
);

export const period = pgTable(
  'accounting_period',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    fiscalYearId: uuid('fiscal_year_id').notNull(),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    state: text('state').notNull().default('open'),
    closedAt: ts('closed_at'),
    closedBy: uuid('closed_by'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('accounting_period_month_uq').on(t.companyId, t.year, t.month),
    uniqueIndex('accounting_period_start_uq').on(t.companyId, t.startDate),
    foreignKey({
      columns: [t.companyId, t.fiscalYearId],
      foreignColumns: [fiscalYear.companyId, fiscalYear.id],
    }),
    check('accounting_period_state_ck', sql`${t.state} in ('open', 'closed')`),
    check('accounting_period_month_ck', sql`${t.month} between 1 and 12`),
    check('accounting_period_dates_ck', sql`${t.startDate} <= ${t.endDate}`),
  ],
);
