// The chart of accounts and the journals entries are written in.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Translations } from '../../../platform/db/columns.ts';
import { companyId, id, versioned } from '../../../platform/db/columns.ts';
import { company } from '../../../platform/schema.ts';

export const account = pgTable(
  'accounting_account',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    code: text('code').notNull(),
    name: jsonb('name').$type<Translations>().notNull(),
    type: text('type').notNull(),
    parentId: uuid('parent_id'),
    /** Open items are matched on it (receivables, payables). */
    reconcilable: boolean('reconcilable').notNull().default(false),
    /** Only this currency may be booked on it (null: any). */
    currency: text('currency'),
    /** The account the business documents find by role (receivable, revenue …); one account per role. */
    role: text('role'),
    /** Cash and bank accounts (the cash-flow statement and payments use them). */
    cashFlow: boolean('cash_flow').notNull().default(false),
    active: boolean('active').notNull().default(true),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('accounting_account_code_uq').on(t.companyId, t.code),
    uniqueIndex('accounting_account_role_uq').on(t.companyId, t.role),
    foreignKey({ columns: [t.companyId, t.parentId], foreignColumns: [t.companyId, t.id] }),
    check(
      'accounting_account_type_ck',
      sql`${t.type} in ('asset', 'liability', 'equity', 'income', 'expense')`,
    ),
  ],
);

export const journal = pgTable(
  'accounting_journal',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    code: text('code').notNull(),
    name: jsonb('name').$type<Translations>().notNull(),
    /** 凭证字: 记 (general), 收/付/转 where a company keeps separate voucher series. */
    voucherWord: text('voucher_word').notNull().default('记'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('accounting_journal_code_uq').on(t.companyId, t.code),
    check(
      'accounting_journal_code_ck',
      sql`${t.code} in ('general', 'sales', 'purchase', 'bank', 'cash', 'stock')`,
    ),
    check('accounting_journal_word_ck', sql`${t.voucherWord} in ('记', '收', '付', '转')`),
  ],
);
