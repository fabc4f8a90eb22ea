import { sql } from 'drizzle-orm';
import { type Executor, one } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';

export interface PeriodRow {
  id: string;
  fiscalYearId: string;
  year: number;
  month: number;
  startDate: string;
  endDate: string;
  state: 'open' | 'closed';
  version: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date between 1970 and 2199 (business dates outside that are typing mistakes). */
export function assertBusinessDate(date: string, field = 'date'): { year: number; month: number } {
  const m = DATE.exec(date);
  const parsed = m ? new Date(`${date}T00:00:00Z`) : null;
  if (!m || !parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date)
    throw unprocessable('accounting.date_invalid', `${field} is not a date (YYYY-MM-DD)`, { field, date });
  const year = Number(m[1]);
  if (year < 1970 || year > 2199)
    throw unprocessable('accounting.date_invalid', `${field} is out of range`, { field, date });
  return { year, month: Number(m[2]) };
}

/** First and last day of a month, as YYYY-MM-DD. */
export function monthBounds(year: number, month: number): { start: string; end: string } {
  const start = `${year}-${String(month).padStart(2, '0')}-01`;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { start, end: `${start.slice(0, 8)}${String(last).padStart(2, '0')}` };
}

const select = sql`select id, fiscal_year_id as "fiscalYearId", year, month, to_char(start_date, 'YYYY-MM-DD') as "startDate",
                          to_char(end_date, 'YYYY-MM-DD') as "endDate", state, version from accounting_period`;

export async function findPeriod(
  ex: Executor,
  companyId: string,
  id: string,
): Promise<PeriodRow | undefined> {
  const row = await one<PeriodRow>(ex, sql`${select} where company_id = ${companyId} and id = ${id}`);
  return row && { ...row, year: Number(row.year), month: Number(row.month), version: Number(row.version) };
}

/**
 * The monthly period holding `date`, made (with its fiscal year) on first use. Safe under concurrency:
 * both inserts are on-conflict-do-nothing, and the read after them sees the winner's row.
 */
export async function ensurePeriod(ex: Executor, companyId: string, date: string): Promise<PeriodRow> {
  const { year, month } = assertBusinessDate(date);
  const existing = await one<PeriodRow>(
    ex,
    sql`${select} where company_id = ${companyId} and year = ${year} and month = ${month}`,
  );
  if (existing) return { ...existing, year, month, version: Number(existing.version) };
  await ex.execute(
    sql`insert into accounting_fiscal_year (company_id, id, year, start_date, end_date)
        values (${companyId}, ${newId()}, ${year}, ${`${year}-01-01`}, ${`${year}-12-31`}) on conflict do nothing`,
  );
  const fy = await one<{ id: string; state: string }>(
    ex,
    sql`select id, state from accounting_fiscal_year where company_id = ${companyId} and year = ${year}`,
  );
  const { start, end } = monthBounds(year, month);
  // A month of a year already closed is born closed: nothing may be posted into a closed year.
  await ex.execute(
    sql`insert into accounting_period (company_id, id, fiscal_year_id, year, month, start_date, end_date, state)
        values (${companyId}, ${newId()}, ${fy!.id}, ${year}, ${month}, ${start}, ${end}, ${fy!.state})
        on conflict do nothing`,
  );
  const row = await one<PeriodRow>(
    ex,
    sql`${select} where company_id = ${companyId} and year = ${year} and month = ${month}`,
  );
  return { ...row!, year, month, version: Number(row!.version) };
}

/** The first day on or after `date` whose period is not closed (a reversal of a closed month lands there). */
export async function firstOpenDate(ex: Executor, companyId: string, date: string): Promise<string> {
  let candidate = date;
  for (let guard = 0; guard < 1200; guard++) {
    const p = await ensurePeriod(ex, companyId, candidate);
    if (p.state === 'open') return candidate;
    const next = p.month === 12 ? monthBounds(p.year + 1, 1) : monthBounds(p.year, p.month + 1);
    candidate = next.start;
  }
  throw unprocessable('accounting.no_open_period', 'No open period after this date', { date });
}

export function assertOpen(period: PeriodRow, date: string): void {
  if (period.state !== 'open')
    throw unprocessable('accounting.period_closed', `The period ${period.year}-${period.month} is closed`, {
      date,
      periodId: period.id,
      period: `${period.year}-${String(period.month).padStart(2, '0')}`,
    });
}
