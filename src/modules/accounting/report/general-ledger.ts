import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { findAccount } from '../chart/account.repo.ts';
import { voucherLabel } from '../ledger/entry.ts';
import { dayBefore, movements, nameIn } from './balances.ts';
import { assertRange } from './trial-balance.ts';

const MAX_LINES = 10_000;

export interface LedgerLine {
  date: string;
  entryId: string;
  voucher: string;
  memo: string;
  description: string;
  partnerId: string | null;
  debit: string;
  credit: string;
  /** Running balance, debit positive. */
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
  /** More than 10,000 lines in the range: narrow it (the totals and closing still cover all of it). */
  truncated: boolean;
}

/** 明细账: one account's posted lines in [from, to] with the opening balance and a running balance. */
export async function generalLedger(
  ex: Executor,
  actor: Actor,
  input: { accountId: string; from: string; to: string },
): Promise<GeneralLedger> {
  requirePermission(actor, 'accounting.report.read');
  assertRange(input.from, input.to);
  const companyId = actor.companyId;
  const account = await findAccount(ex, companyId, input.accountId);
  const [opening, period] = await Promise.all([
    movements(ex, companyId, null, dayBefore(input.from)),
    movements(ex, companyId, input.from, input.to),
  ]);
  const o = opening.get(account.id);
  const p = period.get(account.id);
  const openNet = o ? o.debit.minus(o.credit) : new Decimal(0);
  const list = await rows<{
    date: string;
    entryId: string;
    word: string;
    number: number;
    memo: string;
    description: string;
    partnerId: string | null;
    debit: string;
    credit: string;
  }>(
    ex,
    sql`select to_char(l.entry_date, 'YYYY-MM-DD') as date, e.id as "entryId", e.voucher_word as word,
               e.voucher_number as number, e.memo, l.description, l.partner_id as "partnerId",
               l.debit::text as debit, l.credit::text as credit
          from accounting_entry_line l
          join accounting_entry e on e.company_id = l.company_id and e.id = l.entry_id
         where l.company_id = ${companyId} and l.account_id = ${account.id} and e.state = 'posted'
           and l.entry_date between ${input.from}::date and ${input.to}::date
         order by l.entry_date, e.voucher_word, e.voucher_number, l.line_no
         limit ${MAX_LINES + 1}`,
  );
  let running = openNet;
  const lines = list.slice(0, MAX_LINES).map((r) => {
    running = running.plus(r.debit).minus(r.credit);
    return {
      date: r.date,
      entryId: r.entryId,
      voucher: voucherLabel(r.word, Number(r.number)) ?? '',
      memo: r.memo,
      description: r.description,
      partnerId: r.partnerId,
      debit: r.debit,
      credit: r.credit,
      balance: running.toFixed(2),
    };
  });
  const td = p?.debit ?? new Decimal(0);
  const tc = p?.credit ?? new Decimal(0);
  return {
    accountId: account.id,
    code: account.code,
    name: nameIn(account.name, actor.locale),
    from: input.from,
    to: input.to,
    opening: openNet.toFixed(2),
    lines,
    totalDebit: td.toFixed(2),
    totalCredit: tc.toFixed(2),
    closing: openNet.plus(td).minus(tc).toFixed(2),
    truncated: list.length > MAX_LINES,
  };
}
