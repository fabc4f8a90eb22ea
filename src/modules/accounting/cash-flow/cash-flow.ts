// 现金流量表 (direct method) for a date range: every posted movement of a cash-flow account, classified by
// the accounts on the other side of its entry.
import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { dayBefore, movements } from '../report/balances.ts';
import { assertRange } from '../report/trial-balance.ts';
import { CASH_FLOW_ITEMS, type CashFlowItem, classifyEntry } from './classify.ts';

export interface CashFlowRow {
  item: CashFlowItem;
  activity: 'operating' | 'investing' | 'financing';
  inflow: string;
  outflow: string;
  net: string;
}

export interface CashFlowStatement {
  from: string;
  to: string;
  openingCash: string;
  rows: CashFlowRow[];
  netOperating: string;
  netInvesting: string;
  netFinancing: string;
  netChange: string;
  closingCash: string;
}

const ZERO = new Decimal(0);

/**
 * Per entry that moved cash in the range, each non-cash line contributes credit − debit (an entry balances,
 * so these add up to the entry's net cash movement exactly); a transfer between two cash accounts has no
 * counter-line and nets to zero. Opening cash + net change = closing cash, both from the ledger balances.
 */
export async function cashFlowStatement(
  ex: Executor,
  actor: Actor,
  from: string,
  to: string,
): Promise<CashFlowStatement> {
  requirePermission(actor, 'accounting.report.read');
  assertRange(from, to);
  const companyId = actor.companyId;
  const [lines, cashAccounts, opening, period] = await Promise.all([
    rows<{ entry_id: string; code: string; role: string | null; inflow: string }>(
      ex,
      sql`with moved as (
            select distinct l.entry_id from accounting_entry_line l
              join accounting_entry e on e.company_id = l.company_id and e.id = l.entry_id and e.state = 'posted'
              join accounting_account a on a.company_id = l.company_id and a.id = l.account_id and a.cash_flow
             where l.company_id = ${companyId} and l.entry_date between ${from}::date and ${to}::date
          )
          select l.entry_id, a.code, a.role, sum(l.credit - l.debit)::text as inflow
            from accounting_entry_line l
            join moved m on m.entry_id = l.entry_id
            join accounting_account a on a.company_id = l.company_id and a.id = l.account_id and not a.cash_flow
           where l.company_id = ${companyId}
           group by l.entry_id, a.code, a.role
           order by l.entry_id, a.code`,
    ),
    rows<{ id: string }>(
      ex,
      sql`select id from accounting_account where company_id = ${companyId} and cash_flow`,
    ),
    movements(ex, companyId, null, dayBefore(from)),
    movements(ex, companyId, from, to),
  ]);
  const totals = new Map<CashFlowItem, { inflow: Decimal; outflow: Decimal }>(
    CASH_FLOW_ITEMS.map((i) => [i, { inflow: ZERO, outflow: ZERO }]),
  );
  for (const group of byEntry(lines)) {
    const classified = classifyEntry(group.map((l) => ({ account: l, inflow: l.inflow })));
    for (const l of classified) {
      const t = totals.get(l.item)!;
      const amount = new Decimal(l.inflow);
      if (amount.gt(0)) t.inflow = t.inflow.plus(amount);
      else t.outflow = t.outflow.minus(amount);
    }
  }
  const cash = (m: Awaited<ReturnType<typeof movements>>) =>
    cashAccounts.reduce((s, a) => {
      const x = m.get(a.id);
      return x ? s.plus(x.debit).minus(x.credit) : s;
    }, ZERO);
  const openingCash = cash(opening);
  const closingCash = openingCash.plus(cash(period));
  const out: CashFlowRow[] = CASH_FLOW_ITEMS.map((item) => {
    const t = totals.get(item)!;
    return {
      item,
      activity: item.split('.')[0] as CashFlowRow['activity'],
      inflow: t.inflow.toFixed(2),
      outflow: t.outflow.toFixed(2),
      net: t.inflow.minus(t.outflow).toFixed(2),
    };
  });
  const net = (activity: string) =>
    out.filter((r) => r.activity === activity).reduce((s, r) => s.plus(r.net), ZERO);
  const change = net('operating').plus(net('investing')).plus(net('financing'));
  return {
    from,
    to,
    openingCash: openingCash.toFixed(2),
    rows: out,
    netOperating: net('operating').toFixed(2),
    netInvesting: net('investing').toFixed(2),
    netFinancing: net('financing').toFixed(2),
    netChange: change.toFixed(2),
    closingCash: closingCash.toFixed(2),
  };
}

function* byEntry<T extends { entry_id: string }>(list: T[]): Generator<T[]> {
  let group: T[] = [];
  for (const l of list) {
    if (group.length > 0 && group[0].entry_id !== l.entry_id) {
      yield group;
      group = [];
    }
    group.push(l);
  }
  if (group.length > 0) yield group;
}
