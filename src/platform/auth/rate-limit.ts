import { sql } from 'drizzle-orm';
import { type Executor, one } from '../db/tx.ts';

export interface RateState {
  hits: number;
  retryAfterSeconds: number;
}

/** Adds one hit to a fixed window shared by every instance; returns the count in the current window. */
export async function hit(ex: Executor, bucket: string, windowSeconds: number): Promise<RateState> {
  const row = await one<{ hits: number; retry: number }>(
    ex,
    sql`insert into platform_rate_limit as r (bucket, hits, window_start) values (${bucket}, 1, now())
        on conflict (bucket) do update set
          hits = case when r.window_start < now() - make_interval(secs => ${windowSeconds}) then 1 else r.hits + 1 end,
          window_start = case when r.window_start < now() - make_interval(secs => ${windowSeconds}) then now() else r.window_start end
        returning hits, ceil(extract(epoch from (window_start + make_interval(secs => ${windowSeconds}) - now())))::int as retry`,
  );
  return { hits: Number(row!.hits), retryAfterSeconds: Math.max(1, Number(row!.retry)) };
}

/** The current window's count without adding to it. */
export async function peek(ex: Executor, bucket: string, windowSeconds: number): Promise<RateState> {
  const row = await one<{ hits: number; retry: number }>(
    ex,
    sql`select hits, ceil(extract(epoch from (window_start + make_interval(secs => ${windowSeconds}) - now())))::int as retry
          from platform_rate_limit
         where bucket = ${bucket} and window_start >= now() - make_interval(secs => ${windowSeconds})`,
  );
  return row
    ? { hits: Number(row.hits), retryAfterSeconds: Math.max(1, Number(row.retry)) }
    : { hits: 0, retryAfterSeconds: 0 };
}

export async function clear(ex: Executor, bucket: string): Promise<void> {
  await ex.execute(sql`delete from platform_rate_limit where bucket = ${bucket}`);
}

/** The limits, in one place. */
export const LIMITS = {
  loginPerAccount: { max: 5, windowSeconds: 15 * 60 },
  loginPerIp: { max: 100, windowSeconds: 15 * 60 },
  resetPerAccount: { max: 5, windowSeconds: 60 * 60 },
  resetPerIp: { max: 30, windowSeconds: 60 * 60 },
  badTokenPerIp: { max: 100, windowSeconds: 15 * 60 },
} as const;
