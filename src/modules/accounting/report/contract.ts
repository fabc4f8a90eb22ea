import { z } from 'zod';

const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const Format = z.enum(['json', 'csv', 'xlsx']).default('json');

export const RangeQuery = z.object({ from: DateText, to: DateText, format: Format });
export const LedgerQuery = z.object({ accountId: z.uuid(), from: DateText, to: DateText, format: Format });
export const DateQuery = z.object({ date: DateText, format: Format });
export const ExportQuery = z.object({
  format: z.enum(['ledger']),
  from: DateText.optional(),
  to: DateText.optional(),
});

const Money = z.string();
const TbRow = z.object({
  accountId: z.uuid(),
  code: z.string(),
  name: z.string(),
  type: z.string(),
  parentId: z.uuid().nullable(),
  openingDebit: Money,
  openingCredit: Money,
  periodDebit: Money,
  periodCredit: Money,
  closingDebit: Money,
  closingCredit: Money,
});
export const TrialBalanceOut = z
  .object({
    from: z.string(),
    to: z.string(),
    rows: z.array(TbRow),
    totals: TbRow.omit({ accountId: true, code: true, name: true, type: true, parentId: true }),
  })
  .meta({ id: 'TrialBalance' });

const StatementRow = z.object({ accountId: z.uuid(), code: z.string(), name: z.string(), amount: Money });
export const ProfitAndLossOut = z
  .object({
    from: z.string(),
    to: z.string(),
    income: z.array(StatementRow),
    expenses: z.array(StatementRow),
    totalIncome: Money,
    totalExpenses: Money,
    netProfit: Money,
  })
  .meta({ id: 'ProfitAndLoss' });

export const BalanceSheetOut = z
  .object({
    date: z.string(),
    assets: z.array(StatementRow),
    liabilities: z.array(StatementRow),
    equity: z.array(StatementRow),
    unclosedProfit: Money,
    totalAssets: Money,
    totalLiabilities: Money,
    totalEquity: Money,
    balanced: z.boolean(),
  })
  .meta({ id: 'BalanceSheet' });

export const GeneralLedgerOut = z
  .object({
    accountId: z.uuid(),
    code: z.string(),
    name: z.string(),
    from: z.string(),
    to: z.string(),
    opening: Money,
    lines: z.array(
      z.object({
        date: z.string(),
        entryId: z.uuid(),
        voucher: z.string(),
        memo: z.string(),
        description: z.string(),
        partnerId: z.uuid().nullable(),
        debit: Money,
        credit: Money,
        balance: Money,
      }),
    ),
    totalDebit: Money,
    totalCredit: Money,
    closing: Money,
    truncated: z.boolean(),
  })
  .meta({ id: 'GeneralLedger' });
