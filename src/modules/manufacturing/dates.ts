import { sql } from 'drizzle-orm';
import { type Executor, one } from '../../platform/db/tx.ts';

/** Today in the company's time zone, YYYY-MM-DD (business dates are in that zone). */
export async function todayIn(ex: Executor, companyId: string): Promise<string> {
  const row = await one<{ today: string }>(
    ex,
    sql`select to_char((now() at time zone time_zone)::date, 'YYYY-MM-DD') as today from platform_company where id = ${companyId}`,
  );
  if (!row) throw new Error(`company ${companyId} not found`);
  return row.today;
}

/** A YYYY-MM-DD date plus whole days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
