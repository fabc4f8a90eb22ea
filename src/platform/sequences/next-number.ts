import { sql } from 'drizzle-orm';
import { one, type Tx } from '../db/tx.ts';

/**
 * The next number of a per-company counter, taken in the caller's transaction: it locks the counter
 * row until commit (so numbers are gap-free and never repeat); only this row serialises writers.
 */
export async function nextNumber(tx: Tx, companyId: string, key: string): Promise<number> {
  const row = await one<{ last_value: number }>(
    tx,
    sql`insert into platform_sequence as s (company_id, key, last_value) values (${companyId}, ${key}, 1)
        on conflict (company_id, key) do update set last_value = s.last_value + 1
        returning last_value`,
  );
  return Number(row!.last_value);
}

/**
 * The next `count` numbers of a counter at once (first … first + count - 1), for bulk writers; the
 * same lock and guarantees as `nextNumber`, so every number taken must be used or the caller rolls back.
 */
export async function nextNumbers(tx: Tx, companyId: string, key: string, count: number): Promise<number> {
  const row = await one<{ last_value: number }>(
    tx,
    sql`insert into platform_sequence as s (company_id, key, last_value) values (${companyId}, ${key}, ${count})
        on conflict (company_id, key) do update set last_value = s.last_value + ${count}
        returning last_value`,
  );
  return Number(row!.last_value) - count + 1;
}

/**
 * The next number of a counter that restarts every year of the company's calendar (its time zone):
 * the counter is `<prefix>.<year>`. One statement, with the same lock and guarantees as `nextNumber`.
 */
export async function nextNumberInYear(
  tx: Tx,
  companyId: string,
  prefix: string,
): Promise<{ seq: number; year: string }> {
  const row = await one<{ seq: number; year: string }>(
    tx,
    sql`insert into platform_sequence as s (company_id, key, last_value)
        select c.id, ${`${prefix}.`} || to_char((now() at time zone c.time_zone)::date, 'YYYY'), 1
          from platform_company c where c.id = ${companyId}
        on conflict (company_id, key) do update set last_value = s.last_value + 1
        returning s.last_value as seq, right(s.key, 4) as year`,
  );
  if (!row) throw new Error(`company ${companyId} not found`);
  return { seq: Number(row.seq), year: row.year };
}

/** Renders a numbering pattern: `{seq:6}` → zero-padded number, other `{name}` → the given part. */
export function renderPattern(pattern: string, seq: number, parts: Record<string, string> = {}): string {
  return pattern.replace(/\{(\w+)(?::(\d+))?\}/g, (_m, name: string, width?: string) =>
    name === 'seq' ? String(seq).padStart(Number(width ?? 1), '0') : (parts[name] ?? ''),
  );
}
