// Account movements over a date range without a hot row: whole periods come from the compacted
// balances plus the not-yet-compacted deltas, the partial months at either end from the posted lines.
// One statement, so a compaction running meanwhile is either wholly seen or not at all.
import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { YEAR_CLOSE_SOURCE } from '../ledger/posting.ts';

export interface Movement {
  accountId: string;
  debit: Decimal;
  credit: Decimal;
}

/**
 * Σ debit and Σ credit of posted lines per account with entry dates in [from, to] (`from` null: since
 * the beginning). `withoutClosing` leaves the year-end closing entries out (profit and loss needs that).
 */
export async function movements(
  ex: Executor,
  companyId: string,
  from: string | null,
  to: string,
  options: { withoutClosing?: boolean } = {},
): Promise<Map<string, Movement>> {
  const noClosing = options.withoutClosing === true;
  // The lines are read only for the days outside whole months (by date, so the date index bounds the
  // scan; the entries too, as they carry the same date): "not in a whole period" as a filter would read
  // every line of the range and drop most. `= any(array(…))` probes the period index once per period
  // even when the delta table's statistics are stale (compaction deletes rows all the time).
  const days = partialDays(from, to);
  const partial = (alias: string) =>
    days.length === 0
      ? sql`false`
      : sql.join(
          days.map(([a, b]) => sql`(${sql.raw(alias)}.entry_date between ${a}::date and ${b}::date)`),
          sql` or `,
        );
  const list = await rows<{ account_id: string; debit: string; credit: string }>(
    ex,
    sql`with whole as (
          select id from accounting_period
           where company_id = ${companyId} and end_date <= ${to}::date
             and (${from}::date is null or start_date >= ${from}::date)
        ), src as (
          select b.account_id, b.debit, b.credit from accounting_balance b
           where b.company_id = ${companyId} and b.period_id = any(array(select id from whole))
             and (not ${noClosing} or not b.closing)
          union all
          select d.account_id, d.debit, d.credit from accounting_balance_delta d
           where d.company_id = ${companyId} and d.period_id = any(array(select id from whole))
             and (not ${noClosing} or not d.closing)
          union all
          select l.account_id, l.debit, l.credit from accounting_entry_line l
            join accounting_entry e on e.company_id = l.company_id and e.id = l.entry_id
           where l.company_id = ${companyId} and e.state = 'posted' and (${partial('l')}) and (${partial('e')})
             and (not ${noClosing} or e.source_type is distinct from ${YEAR_CLOSE_SOURCE})
        )
        select account_id, sum(debit)::text as debit, sum(credit)::text as credit from src group by account_id`,
  );
  return new Map(
    list.map((r) => [
      r.account_id,
      { accountId: r.account_id, debit: new Decimal(r.debit), credit: new Decimal(r.credit) },
    ]),
  );
}

export interface AccountInfo {
  id: string;
  code: string;
  name: Record<string, string>;
  type: 'asset' | 'liability' | 'equity' | 'income' | 'expense';
  parentId: string | null;
}

export async function accountsOf(ex: Executor, companyId: string): Promise<AccountInfo[]> {
  return rows<AccountInfo>(
    ex,
    sql`select id, code, name, type, parent_id as "parentId" from accounting_account
         where company_id = ${companyId} order by code`,
  );
}

/**
 * The days of [from, to] (`from` null: since the beginning) outside the whole calendar months in it —
 * the partial months at either end, or the whole range when it holds no whole month. Periods are
 * calendar months, so these are exactly the days whose period is not a whole period of the range.
 */
export function partialDays(from: string | null, to: string): Array<[string, string]> {
  const wholeStart = from === null || from.endsWith('-01') ? from : monthAfter(from);
  const wholeEnd = dayAfter(to).endsWith('-01') ? to : dayBefore(`${to.slice(0, 7)}-01`);
  if (wholeStart !== null && wholeStart > wholeEnd) return [[from!, to]];
  const out: Array<[string, string]> = [];
  if (from !== null && wholeStart !== null && from < wholeStart) out.push([from, dayBefore(wholeStart)]);
  if (wholeEnd < to) out.push([dayAfter(wholeEnd), to]);
  return out;
}

/** The first day of the month after the month of `date`. */
function monthAfter(date: string): string {
  const d = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
}

function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The day before a date (YYYY-MM-DD). */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The name in the reader's language, else any. */
export function nameIn(name: Record<string, string>, locale: string): string {
  return name[locale] ?? name[locale.split('-')[0]] ?? name.en ?? Object.values(name)[0] ?? '';
}
