import { Decimal } from 'decimal.js';
import type { Executor } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { assertBusinessDate } from '../period/periods.ts';
import { accountsOf, dayBefore, movements, nameIn } from './balances.ts';

export interface TrialBalanceRow {
  accountId: string;
  code: string;
  name: string;
  type: string;
  parentId: string | null;
  openingDebit: string;
  openingCredit: string;
  periodDebit: string;
  periodCredit: string;
  closingDebit: string;
  closingCredit: string;
}

export interface TrialBalance {
  from: string;
  to: string;
  rows: TrialBalanceRow[];
  totals: Omit<TrialBalanceRow, 'accountId' | 'code' | 'name' | 'type' | 'parentId'>;
}

export function assertRange(from: string, to: string): void {
  assertBusinessDate(from, 'from');
  assertBusinessDate(to, 'to');
  if (from > to) throw unprocessable('accounting.range_invalid', 'from is after to', { from, to });
}

const ZERO = new Decimal(0);
/** A net balance shown on its side: debit when positive, credit when negative. */
const side = (net: Decimal): [Decimal, Decimal] => (net.gte(0) ? [net, ZERO] : [ZERO, net.neg()]);

/**
 * 科目余额表: per account with any figure, the opening balance (before `from`), the debit and credit
 * turnover in [from, to], and the closing balance; opening + period = closing, and the debit and
 * credit columns each total the same.
 */
export async function trialBalance(
  ex: Executor,
  actor: Actor,
  from: string,
  to: string,
): Promise<TrialBalance> {
  requirePermission(actor, 'accounting.report.read');
  assertRange(from, to);
  const companyId = actor.companyId;
  const [opening, period, accounts] = await Promise.all([
    movements(ex, companyId, null, dayBefore(from)),
    movements(ex, companyId, from, to),
    accountsOf(ex, companyId),
  ]);
  const sum = { od: ZERO, oc: ZERO, pd: ZERO, pc: ZERO, cd: ZERO, cc: ZERO };
  const out: TrialBalanceRow[] = [];
  for (const a of accounts) {
    const o = opening.get(a.id);
    const p = period.get(a.id);
    if (!o && !p) continue;
    const openNet = o ? o.debit.minus(o.credit) : ZERO;
    const pd = p?.debit ?? ZERO;
    const pc = p?.credit ?? ZERO;
    const [od, oc] = side(openNet);
    const [cd, cc] = side(openNet.plus(pd).minus(pc));
    sum.od = sum.od.plus(od);
    sum.oc = sum.oc.plus(oc);
    sum.pd = sum.pd.plus(pd);
    sum.pc = sum.pc.plus(pc);
    sum.cd = sum.cd.plus(cd);
    sum.cc = sum.cc.plus(cc);
    out.push({
      accountId: a.id,
      code: a.code,
      name: nameIn(a.name, actor.locale),
      type: a.type,
      parentId: a.parentId,
      openingDebit: od.toFixed(2),
      openingCredit: oc.toFixed(2),
      periodDebit: pd.toFixed(2),
      periodCredit: pc.toFixed(2),
      closingDebit: cd.toFixed(2),
      closingCredit: cc.toFixed(2),
    });
  }
  return {
    from,
    to,
    rows: out,
    totals: {
      openingDebit: sum.od.toFixed(2),
      openingCredit: sum.oc.toFixed(2),
      periodDebit: sum.pd.toFixed(2),
      periodCredit: sum.pc.toFixed(2),
      closingDebit: sum.cd.toFixed(2),
      closingCredit: sum.cc.toFixed(2),
    },
  };
}
