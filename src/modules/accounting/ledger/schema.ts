// Journal entries (凭证), their lines, and the balance deltas the reports sum.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { companyId, createdAt, id, ts, version, versioned } from '../../../platform/db/columns.ts';
import { company, department } from '../../../platform/schema.ts';
import { customer } from '../../crm/schema.ts';
import { account, journal } from '../chart/schema.ts';
import { money, rate } from '../columns.ts';
import { period } from '../period/schema.ts';

export const entry = pgTable(
  'accounting_entry',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    journalId: uuid('journal_id').notNull(),
    entryDate: date('entry_date', { mode: 'string' }).notNull(),
    periodId: uuid('period_id').notNull(),
    state: text('state').notNull().default('draft'),
    voucherWord: text('voucher_word').notNull().default('记'),
    /** Consecutive per company, period and voucher word; taken when the entry is posted. */
    voucherNumber: integer('voucher_number'),
    memo: text('memo').notNull().default(''),
    /** The business document this entry books (`accounting.invoice`, `inventory.picking` …). */
    sourceType: text('source_type'),
    sourceId: uuid('source_id'),
    /** The entry this one reverses (红冲); an entry is reversed at most once. */
    reversalOf: uuid('reversal_of'),
    preparerId: uuid('preparer_id'),
    reviewerId: uuid('reviewer_id'),
    posterId: uuid('poster_id'),
    reviewedAt: ts('reviewed_at'),
    postedAt: ts('posted_at'),
    attachmentsCount: integer('attachments_count').notNull().default(0),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    foreignKey({ columns: [t.companyId, t.journalId], foreignColumns: [journal.companyId, journal.id] }),
    foreignKey({ columns: [t.companyId, t.periodId], foreignColumns: [period.companyId, period.id] }),
    foreignKey({ columns: [t.companyId, t.reversalOf], foreignColumns: [t.companyId, t.id] }),
    uniqueIndex('accounting_entry_voucher_uq').on(t.companyId, t.periodId, t.voucherWord, t.voucherNumber),
    uniqueIndex('accounting_entry_reversal_uq').on(t.companyId, t.reversalOf),
    uniqueIndex('accounting_entry_source_uq')
      .on(t.companyId, t.sourceType, t.sourceId)
      .where(sql`${t.reversalOf} is null and ${t.sourceType} is not null`),
    index('accounting_entry_date_idx').on(t.companyId, t.entryDate),
    index('accounting_entry_period_idx').on(t.companyId, t.periodId, t.state),
    check('accounting_entry_state_ck', sql`${t.state} in ('draft', 'posted')`),
    check('accounting_entry_word_ck', sql`${t.voucherWord} in ('记', '收', '付', '转')`),
    check(
      'accounting_entry_posted_ck',
      sql`${t.state} = 'draft' or (${t.voucherNumber} is not null and ${t.postedAt} is not null)`,
    ),
    check('accounting_entry_source_ck', sql`(${t.sourceType} is null) = (${t.sourceId} is null)`),
  ],
);

export const entryLine = pgTable(
  'accounting_entry_line',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    entryId: uuid('entry_id').notNull(),
    lineNo: integer('line_no').notNull(),
    accountId: uuid('account_id').notNull(),
    /** Company currency; exactly one of debit and credit is above zero. */
    debit: money('debit').notNull().default('0'),
    credit: money('credit').notNull().default('0'),
    currency: text('currency').notNull(),
    /** Transaction currency, signed: debit +, credit −. */
    amountCurrency: money('amount_currency').notNull(),
    rate: rate('rate').notNull().default('1'),
    partnerId: uuid('partner_id'),
    departmentId: uuid('department_id'),
    project: text('project'),
    description: text('description').notNull().default(''),
    /** The entry's date, copied so ledger reports read lines without the entry. */
    entryDate: date('entry_date', { mode: 'string' }).notNull(),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    foreignKey({ columns: [t.companyId, t.entryId], foreignColumns: [entry.companyId, entry.id] }),
    foreignKey({ columns: [t.companyId, t.accountId], foreignColumns: [account.companyId, account.id] }),
    foreignKey({ columns: [t.companyId, t.partnerId], foreignColumns: [customer.companyId, customer.id] }),
    foreignKey({
      columns: [t.companyId, t.departmentId],
      foreignColumns: [department.companyId, department.id],
    }),
    uniqueIndex('accounting_entry_line_no_uq').on(t.companyId, t.entryId, t.lineNo),
    index('accounting_entry_line_account_idx').on(t.companyId, t.accountId, t.entryDate),
    index('accounting_entry_line_partner_idx').on(t.companyId, t.partnerId),
    index('accounting_entry_line_date_idx').on(t.companyId, t.entryDate),
    check('accounting_entry_line_amounts_ck', sql`${t.debit} >= 0 and ${t.credit} >= 0`),
    check(
      'accounting_entry_line_side_ck',
      sql`(${t.debit} > 0 and ${t.credit} = 0) or (${t.credit} > 0 and ${t.debit} = 0)`,
    ),
    check(
      'accounting_entry_line_sign_ck',
      sql`(${t.debit} > 0 and ${t.amountCurrency} >= 0) or (${t.credit} > 0 and ${t.amountCurrency} <= 0)`,
    ),
    check('accounting_entry_line_rate_ck', sql`${t.rate} > 0`),
  ],
);

/**
 * Append-only: every posting adds one row per (account, period) it touches, so concurrent postings
 * never update the same row. The compaction job folds committed deltas into `accounting_balance`;
 * reports add both (DESIGN.md 'Hot rows'). `closing` marks the year-end entry, which profit and loss leaves out.
 */
export const balanceDelta = pgTable(
  'accounting_balance_delta',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    accountId: uuid('account_id').notNull(),
    periodId: uuid('period_id').notNull(),
    closing: boolean('closing').notNull().default(false),
    debit: money('debit').notNull(),
    credit: money('credit').notNull(),
    entryId: uuid('entry_id').notNull(),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    foreignKey({ columns: [t.companyId, t.accountId], foreignColumns: [account.companyId, account.id] }),
    foreignKey({ columns: [t.companyId, t.periodId], foreignColumns: [period.companyId, period.id] }),
    index('accounting_balance_delta_period_idx').on(t.companyId, t.periodId),
  ],
);

/** Compacted debit and credit totals per (account, period, closing); written only by the compaction job. */
export const balance = pgTable(
  'accounting_balance',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    accountId: uuid('account_id').notNull(),
    periodId: uuid('period_id').notNull(),
    closing: boolean('closing').notNull().default(false),
    debit: money('debit').notNull().default('0'),
    credit: money('credit').notNull().default('0'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    foreignKey({ columns: [t.companyId, t.accountId], foreignColumns: [account.companyId, account.id] }),
    foreignKey({ columns: [t.companyId, t.periodId], foreignColumns: [period.companyId, period.id] }),
    uniqueIndex('accounting_balance_key_uq').on(t.companyId, t.accountId, t.periodId, t.closing),
  ],
);
