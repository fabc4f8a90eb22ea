// Shapes of the accounting API (src/modules/accounting/**/contract.ts) as the screens use them.
// Every amount is a decimal string; debits and credits are in the company currency.
// Invoices, payments and the customer's account are in document-types.ts.

export * from './document-types.ts';

export type AccountType = 'asset' | 'liability' | 'equity' | 'income' | 'expense';
export const ACCOUNT_TYPES: AccountType[] = ['asset', 'liability', 'equity', 'income', 'expense'];

export const ACCOUNT_ROLES = [
  'cash',
  'bank',
  'receivable',
  'payable',
  'customer_advance',
  'supplier_advance',
  'inventory',
  'grni',
  'inventory_adjustment',
  'revenue',
  'cogs',
  'output_vat',
  'input_vat',
  'fx_gain',
  'fx_loss',
  'rounding',
  'retained_earnings',
  'current_earnings',
] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export interface Account {
  id: string;
  code: string;
  name: Record<string, string>;
  type: AccountType;
  parentId: string | null;
  reconcilable: boolean;
  currency: string | null;
  role: AccountRole | null;
  cashFlow: boolean;
  active: boolean;
  /** It has sub-accounts, so it takes no postings itself. */
  hasChildren: boolean;
  version: number;
}

export interface AccountCreate {
  code: string;
  name: Record<string, string>;
  type: AccountType;
  parentId?: string | null;
  reconcilable?: boolean;
  currency?: string | null;
  cashFlow?: boolean;
}

export interface AccountPatch {
  version: number;
  name?: Record<string, string>;
  reconcilable?: boolean;
  currency?: string | null;
  cashFlow?: boolean;
  active?: boolean;
  role?: AccountRole | null;
}

export const JOURNAL_CODES = ['general', 'sales', 'purchase', 'bank', 'cash', 'stock'] as const;
export type JournalCode = (typeof JOURNAL_CODES)[number];

export interface Journal {
  id: string;
  code: JournalCode;
  name: Record<string, string>;
  voucherWord: string;
}

export type EntryState = 'draft' | 'posted';

export interface EntryLine {
  lineNo: number;
  accountId: string;
  accountCode: string;
  /** Sent by newer servers; the screens fall back to the chart for the name. */
  accountName?: Record<string, string>;
  debit: string;
  credit: string;
  currency: string;
  amountCurrency: string;
  rate: string;
  partnerId: string | null;
  partnerName?: string | null;
  departmentId: string | null;
  project: string | null;
  description: string;
}

export interface Entry {
  id: string;
  journal: JournalCode;
  date: string;
  periodId: string;
  state: EntryState;
  /** 记-001 once posted. */
  voucher: string | null;
  voucherWord: string;
  voucherNumber: number | null;
  memo: string;
  source: { type: string; id: string } | null;
  reversalOf: string | null;
  reversedBy: string | null;
  preparerId: string | null;
  reviewerId: string | null;
  posterId: string | null;
  /** Names of 制单 / 审核 / 记账 when the server sends them. */
  preparerName?: string | null;
  reviewerName?: string | null;
  posterName?: string | null;
  reviewedAt: string | null;
  postedAt: string | null;
  attachmentsCount: number;
  totalDebit: string;
  totalCredit: string;
  lines: EntryLine[];
  version: number;
}

export interface EntryLineInput {
  accountId: string;
  debit?: string;
  credit?: string;
  partnerId?: string | null;
  description?: string;
}

export interface EntryInput {
  journal: JournalCode;
  date: string;
  memo: string;
  lines: EntryLineInput[];
}

export interface EntryFilters {
  q?: string;
  from?: string;
  to?: string;
  state?: string;
  journal?: string;
  periodId?: string;
  accountId?: string;
}

export interface Period {
  id: string;
  fiscalYearId: string;
  year: number;
  month: number;
  startDate: string;
  endDate: string;
  state: 'open' | 'closed';
  version: number;
}

export interface FiscalYear {
  id: string;
  year: number;
  startDate: string;
  endDate: string;
  state: 'open' | 'closed';
  /** The year-end entry that moved profit and loss into retained earnings. */
  closingEntryId: string | null;
  version: number;
}

export interface TrialBalanceAmounts {
  openingDebit: string;
  openingCredit: string;
  periodDebit: string;
  periodCredit: string;
  closingDebit: string;
  closingCredit: string;
}

export interface TrialBalanceRow extends TrialBalanceAmounts {
  accountId: string;
  code: string;
  name: string;
  type: string;
  parentId: string | null;
}

export interface TrialBalance {
  from: string;
  to: string;
  rows: TrialBalanceRow[];
  totals: TrialBalanceAmounts;
}

export interface LedgerLine {
  date: string;
  entryId: string;
  voucher: string;
  memo: string;
  description: string;
  partnerId: string | null;
  debit: string;
  credit: string;
  balance: string;
}

export interface GeneralLedger {
  accountId: string;
  code: string;
  name: string;
  from: string;
  to: string;
  opening: string;
  lines: LedgerLine[];
  totalDebit: string;
  totalCredit: string;
  closing: string;
  truncated: boolean;
}

export interface StatementRow {
  accountId: string;
  code: string;
  name: string;
  amount: string;
}

export interface ProfitAndLoss {
  from: string;
  to: string;
  income: StatementRow[];
  expenses: StatementRow[];
  totalIncome: string;
  totalExpenses: string;
  netProfit: string;
}

export interface BalanceSheet {
  date: string;
  assets: StatementRow[];
  liabilities: StatementRow[];
  equity: StatementRow[];
  unclosedProfit: string;
  totalAssets: string;
  totalLiabilities: string;
  totalEquity: string;
  balanced: boolean;
}
