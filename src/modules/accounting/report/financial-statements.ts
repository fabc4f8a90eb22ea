import { Decimal } from 'decimal.js';
import type { Executor } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { assertBusinessDate } from '../period/periods.ts';
import { accountsOf, movements, nameIn } from './balances.ts';
import { assertRange } from './trial-balance.ts';

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

/** 利润表: income (credit − debit) and expenses (debit − credit) in [from, to], without year-end closing entries. */
export async function profitAndLoss(
  ex: Executor,
  actor: Actor,
  from: string,
  to: string,
): Promise<ProfitAndLoss> {
  requirePermission(actor, 'accounting.report.read');
  assertRange(from, to);
  const [moves, accounts] = await Promise.all([
    movements(ex, actor.companyId, from, to, { withoutClosing: true }),
    accountsOf(ex, actor.companyId),
  ]);
  const income: StatementRow[] = [];
  const expenses: StatementRow[] = [];
  let ti = new Decimal(0);
  let te = new Decimal(0);
  for (const a of accounts) {
    const m = moves.get(a.id);
    if (!m || (a.type !== 'income' && a.type !== 'expense')) continue;
    const amount = a.type === 'income' ? m.credit.minus(m.debit) : m.debit.minus(m.credit);
    if (amount.isZero()) continue;
    const row = {
      accountId: a.id,
      code: a.code,
      name: nameIn(a.name, actor.locale),
      amount: amount.toFixed(2),
    };
    if (a.type === 'income') {
      income.push(row);
      ti = ti.plus(amount);
    } else {
      expenses.push(row);
      te = te.plus(amount);
    }
  }
  return {
    from,
    to,
    income,
    expenses,
    totalIncome: ti.toFixed(2),
    totalExpenses: te.toFixed(2),
    netProfit: ti.minus(te).toFixed(2),
  };
}

export interface BalanceSheet {
  date: string;
  assets: StatementRow[];
  liabilities: StatementRow[];
  equity: StatementRow[];
  /** Profit of years not yet closed into retained earnings (income − expenses to date). */
  unclosedProfit: string;
  totalAssets: string;
  totalLiabilities: string;
  totalEquity: string;
  /** Total assets = liabilities + equity + unclosed profit. */
  balanced: boolean;
}

/** 资产负债表 at a date: assets (debit − credit), liabilities and equity (credit − debit). */
export async function balanceSheet(ex: Executor, actor: Actor, date: string): Promise<BalanceSheet> {
  requirePermission(actor, 'accounting.report.read');
  assertBusinessDate(date);
  const [moves, accounts] = await Promise.all([
    movements(ex, actor.companyId, null, date),
    accountsOf(ex, actor.companyId),
  ]);
  const groups = {
    asset: [] as StatementRow[],
    liability: [] as StatementRow[],
    equity: [] as StatementRow[],
  };
  const totals = { asset: new Decimal(0), liability: new Decimal(0), equity: new Decimal(0) };
  let profit = new Decimal(0);
  for (const a of accounts) {
    const m = moves.get(a.id);
    if (!m) continue;
    const net = m.debit.minus(m.credit);
    if (a.type === 'income' || a.type === 'expense') {
      profit = profit.minus(net);
      continue;
    }
    const amount = a.type === 'asset' ? net : net.neg();
    if (amount.isZero()) continue;
    groups[a.type].push({
      accountId: a.id,
      code: a.code,
      name: nameIn(a.name, actor.locale),
      amount: amount.toFixed(2),
    });
    totals[a.type] = totals[a.type].plus(amount);
  }
  return {
    date,
    assets: groups.asset,
    liabilities: groups.liability,
    equity: groups.equity,
    unclosedProfit: profit.toFixed(2),
    totalAssets: totals.asset.toFixed(2),
    totalLiabilities: totals.liability.toFixed(2),
    totalEquity: totals.equity.toFixed(2),
    balanced: totals.asset.eq(totals.liability.plus(totals.equity).plus(profit)),
  };
}
