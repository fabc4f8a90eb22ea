// Bank statement lines imported from the bank's CSV, matched to payments.
import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { companyId, id, ts, versioned } from '../../../platform/db/columns.ts';
import { company } from '../../../platform/schema.ts';
import { account } from '../chart/schema.ts';
import { money } from '../columns.ts';
import { payment } from '../payment/schema.ts';

export const bankStatementLine = pgTable(
  'accounting_bank_statement_line',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    /** The bank (cash-flow) account the statement is of. */
    accountId: uuid('account_id').notNull(),
    lineDate: date('line_date', { mode: 'string' }).notNull(),
    /** Signed, in the account's currency: + money in, − money out. */
    amount: money('amount').notNull(),
    currency: text('currency').notNull(),
    counterparty: text('counterparty').notNull().default(''),
    reference: text('reference').notNull().default(''),
    state: text('state').notNull().default('unmatched'),
    paymentId: uuid('payment_id'),
    /** The import batch that brought the line (undo removes the batch's unmatched lines). */
    batchId: uuid('batch_id'),
    matchedAt: ts('matched_at'),
    matchedBy: uuid('matched_by'),
    createdBy: uuid('created_by'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    foreignKey({ columns: [t.companyId, t.accountId], foreignColumns: [account.companyId, account.id] }),
    foreignKey({ columns: [t.companyId, t.paymentId], foreignColumns: [payment.companyId, payment.id] }),
    index('accounting_bank_statement_line_state_idx').on(t.companyId, t.state, t.lineDate),
    index('accounting_bank_statement_line_batch_idx').on(t.companyId, t.batchId),
    check('accounting_bank_statement_line_state_ck', sql`${t.state} in ('unmatched', 'matched')`),
    check('accounting_bank_statement_line_amount_ck', sql`${t.amount} <> 0`),
    check(
      'accounting_bank_statement_line_match_ck',
      sql`(${t.state} = 'matched') = (${t.paymentId} is not null)`,
    ),
  ],
);
