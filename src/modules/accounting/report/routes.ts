import type { FastifyInstance } from 'fastify';
import type { ExportColumn } from '../../../platform/exports/export-rows.ts';
import { route } from '../../../platform/http/route.ts';
import { answer } from './answer.ts';
import {
  BalanceSheetOut,
  DateQuery,
  GeneralLedgerOut,
  LedgerQuery,
  ProfitAndLossOut,
  RangeQuery,
  TrialBalanceOut,
} from './contract.ts';
import { balanceSheet, profitAndLoss } from './financial-statements.ts';
import { generalLedger } from './general-ledger.ts';
import { trialBalance } from './trial-balance.ts';

const tags = ['accounting'];
const text = (key: string, header: string): ExportColumn => ({ key, header });
const num = (key: string, header: string): ExportColumn => ({ key, header, type: 'number' });

const statementColumns = [
  text('section', 'Section'),
  text('code', 'Code'),
  text('name', 'Account'),
  num('amount', 'Amount'),
];

export function reportRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/reports/trial-balance',
    summary: 'Trial balance (科目余额表): opening, period and closing per account (?format=csv|xlsx)',
    tags,
    access: 'accounting.report.read',
    query: RangeQuery,
    response: TrialBalanceOut,
    handler: async ({ db, query, reply }, actor) =>
      answer(reply, query.format, await trialBalance(db.orm, actor, query.from, query.to), {
        name: 'trial-balance',
        columns: [
          text('code', 'Code'),
          text('name', 'Account'),
          num('openingDebit', 'Opening debit'),
          num('openingCredit', 'Opening credit'),
          num('periodDebit', 'Period debit'),
          num('periodCredit', 'Period credit'),
          num('closingDebit', 'Closing debit'),
          num('closingCredit', 'Closing credit'),
        ],
        rows: (r) => [...r.rows, { code: '', name: 'Total', ...r.totals }],
      }),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/reports/general-ledger',
    summary: 'General ledger of one account with a running balance (?format=csv|xlsx)',
    tags,
    access: 'accounting.report.read',
    query: LedgerQuery,
    response: GeneralLedgerOut,
    handler: async ({ db, query, reply }, actor) =>
      answer(reply, query.format, await generalLedger(db.orm, actor, query), {
        name: 'general-ledger',
        columns: [
          text('date', 'Date'),
          text('voucher', 'Voucher'),
          text('memo', 'Memo'),
          text('description', 'Description'),
          num('debit', 'Debit'),
          num('credit', 'Credit'),
          num('balance', 'Balance'),
        ],
        rows: (r) => [
          { date: r.from, memo: 'Opening balance', balance: r.opening },
          ...r.lines,
          {
            date: r.to,
            memo: 'Closing balance',
            debit: r.totalDebit,
            credit: r.totalCredit,
            balance: r.closing,
          },
        ],
      }),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/reports/profit-and-loss',
    summary: 'Profit and loss (利润表) for a date range (?format=csv|xlsx)',
    tags,
    access: 'accounting.report.read',
    query: RangeQuery,
    response: ProfitAndLossOut,
    handler: async ({ db, query, reply }, actor) =>
      answer(reply, query.format, await profitAndLoss(db.orm, actor, query.from, query.to), {
        name: 'profit-and-loss',
        columns: statementColumns,
        rows: (r) => [
          ...r.income.map((x) => ({ section: 'Income', ...x })),
          { section: 'Income', name: 'Total income', amount: r.totalIncome },
          ...r.expenses.map((x) => ({ section: 'Expenses', ...x })),
          { section: 'Expenses', name: 'Total expenses', amount: r.totalExpenses },
          { section: 'Net profit', amount: r.netProfit },
        ],
      }),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/reports/balance-sheet',
    summary: 'Balance sheet (资产负债表) at a date (?format=csv|xlsx)',
    tags,
    access: 'accounting.report.read',
    query: DateQuery,
    response: BalanceSheetOut,
    handler: async ({ db, query, reply }, actor) =>
      answer(reply, query.format, await balanceSheet(db.orm, actor, query.date), {
        name: 'balance-sheet',
        columns: statementColumns,
        rows: (r) => [
          ...r.assets.map((x) => ({ section: 'Assets', ...x })),
          { section: 'Assets', name: 'Total assets', amount: r.totalAssets },
          ...r.liabilities.map((x) => ({ section: 'Liabilities', ...x })),
          { section: 'Liabilities', name: 'Total liabilities', amount: r.totalLiabilities },
          ...r.equity.map((x) => ({ section: 'Equity', ...x })),
          { section: 'Equity', name: 'Unclosed profit', amount: r.unclosedProfit },
          { section: 'Equity', name: 'Total equity', amount: r.totalEquity },
        ],
      }),
  });
}
