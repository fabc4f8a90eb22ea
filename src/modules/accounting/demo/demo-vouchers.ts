import type { Tx } from '../../../platform/db/tx.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { createEntry } from '../ledger/create-entry.ts';
import { postDraft } from '../ledger/post-draft.ts';
import { reviewEntry } from '../ledger/review-entry.ts';
import { closePeriod } from '../period/manage-periods.ts';
import { ensurePeriod } from '../period/periods.ts';
import { dayOf, monthEnd, shiftDays } from './demo-calendar.ts';

/** Who writes the vouchers: 张敏 prepares (制单) and posts (记账), 周建国 reviews (审核). */
export interface VoucherPeople {
  tx: Tx;
  preparer: Actor;
  reviewer: Actor;
  account: (code: string) => string;
}

type Leg = [code: string, debit: string, credit: string];

async function voucher(
  p: VoucherPeople,
  journal: 'general' | 'bank' | 'cash',
  date: string,
  memo: string,
  legs: Leg[],
  post = true,
): Promise<void> {
  const draft = await createEntry(p.tx, p.preparer, {
    journal,
    date,
    memo,
    lines: legs.map(([code, debit, credit]) => ({
      accountId: p.account(code),
      ...(debit !== '0' ? { debit } : { credit }),
      description: memo,
    })),
  });
  if (!post) return;
  const reviewed = await reviewEntry(p.tx, p.reviewer, { entryId: draft.id, version: draft.version });
  await postDraft(p.tx, p.preparer, { entryId: reviewed.id, version: reviewed.version });
}

/**
 * 期初余额: the balances the company brought into Tandem on the first day of the history — bank and
 * cash, office and warehouse equipment with its depreciation so far, paid-in capital and earlier profits.
 */
export async function seedOpeningBalances(p: VoucherPeople, date: string): Promise<void> {
  await voucher(p, 'general', date, '期初余额 Opening balances', [
    ['1002', '1600000.00', '0'],
    ['1001', '12000.00', '0'],
    ['1601', '168000.00', '0'],
    ['1602', '0', '36000.00'],
    ['3001', '0', '1000000.00'],
    ['3104', '0', '744000.00'],
  ]);
}

const FEES = ['65.00', '120.00', '85.00', '150.00'];

/**
 * The month's routine vouchers: office and warehouse rent (5th), bank charges (25th), and at month end
 * depreciation and the salaries owed (应付职工薪酬), paid on the 10th of the next month when that day
 * has come. Every voucher is prepared, reviewed by a second person and posted.
 */
export async function seedMonthlyVouchers(p: VoucherPeople, months: string[], today: string): Promise<void> {
  for (const [i, start] of months.entries()) {
    const month = start.slice(0, 7);
    await voucher(p, 'bank', dayOf(start, 5), `支付 ${month} 办公室及仓库租金 Rent`, [
      ['5602', '18000.00', '0'],
      ['1002', '0', '18000.00'],
    ]);
    await voucher(p, 'bank', dayOf(start, 25), `${month} 银行手续费 Bank charges`, [
      ['560305', FEES[i % FEES.length], '0'],
      ['1002', '0', FEES[i % FEES.length]],
    ]);
    const end = monthEnd(start);
    await voucher(p, 'general', end, `计提 ${month} 固定资产折旧 Depreciation`, [
      ['5602', '2200.00', '0'],
      ['1602', '0', '2200.00'],
    ]);
    await voucher(p, 'general', end, `计提 ${month} 工资 Salaries accrued`, [
      ['5601', '46000.00', '0'],
      ['5602', '32000.00', '0'],
      ['2211', '0', '78000.00'],
    ]);
    const payday = dayOf(shiftDays(end, 1), 10);
    if (payday <= today)
      await voucher(p, 'bank', payday, `发放 ${month} 工资 Salaries paid`, [
        ['2211', '78000.00', '0'],
        ['1002', '0', '78000.00'],
      ]);
  }
  const thisMonth = `${today.slice(0, 8)}01`;
  if (dayOf(thisMonth, 5) <= today)
    await voucher(p, 'bank', dayOf(thisMonth, 5), `支付 ${today.slice(0, 7)} 办公室及仓库租金 Rent`, [
      ['5602', '18000.00', '0'],
      ['1002', '0', '18000.00'],
    ]);
  // Left for the reviewer: a draft the demo user can review and post.
  await voucher(
    p,
    'cash',
    today,
    '报销办公用品 Office supplies reimbursed',
    [
      ['5602', '1280.00', '0'],
      ['1001', '0', '1280.00'],
    ],
    false,
  );
}

/** 结账: the first month of the history is closed, as a finance team does once a month is done. */
export async function closeMonth(p: VoucherPeople, date: string): Promise<void> {
  const period = await ensurePeriod(p.tx, p.preparer.companyId, date);
  await closePeriod(p.tx, p.preparer, { periodId: period.id, version: period.version });
}
