import { type SQL, sql } from 'drizzle-orm';
import type { PgDatabase, PgTransaction } from 'drizzle-orm/pg-core';
import { AppError } from '../errors.ts';
import type { Db } from './connect.ts';

/** The transaction every use case receives. Use cases never open their own. */
export type Tx = PgTransaction<any, any, any>;
export type Executor = Tx | PgDatabase<any, any, any>;

const afterCommitHooks = new WeakMap<object, Array<() => void>>();

/** Runs `fn` once the surrounding transaction has committed (never if it rolls back). */
export function afterCommit(tx: Tx, fn: () => void): void {
  const hooks = afterCommitHooks.get(tx);
  if (hooks) hooks.push(fn);
  else fn();
}

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock

/** An insert of buffered rows, as one data-modifying statement (no trailing semicolon). */
export type DeferredInsert = (rows: unknown[]) => SQL;
const deferred = new WeakMap<object, Map<DeferredInsert, unknown[]>>();

/**
 * Queues a row for an append-only table (audit log, outbox) to be inserted just before the surrounding
 * `withTransaction` commits, together with every other queued row in ONE statement, so a use case that
 * records three audit rows and two events pays one round trip. Returns false (and queues nothing) when
 * the transaction was not opened by `withTransaction` or is a savepoint: the caller writes at once.
 */
export function deferInsert(tx: Tx, insert: DeferredInsert, row: unknown): boolean {
  const queue = deferred.get(tx);
  if (!queue) return false;
  const list = queue.get(insert);
  if (list) list.push(row);
  else queue.set(insert, [row]);
  return true;
}

async function flushDeferred(tx: Tx, queue: Map<DeferredInsert, unknown[]>): Promise<void> {
  const parts = [...queue].map(([insert, list]) => insert(list));
  queue.clear();
  if (parts.length === 1) await tx.execute(parts[0]);
  else if (parts.length > 1)
    await tx.execute(
      sql`with ${sql.join(
        parts.map((part, i) => sql`${sql.raw(`w${i}`)} as (${part})`),
        sql`, `,
      )} select 1`,
    );
}

/**
 * Opens one transaction, runs `fn`, commits. Serialization failures and deadlocks are
 * retried a few times; every other error rolls back and propagates.
 */
export async function withTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const hooks: Array<() => void> = [];
    try {
      const result = await db.orm.transaction(async (tx) => {
        afterCommitHooks.set(tx, hooks);
        const queue = new Map<DeferredInsert, unknown[]>();
        deferred.set(tx, queue);
        const value = await fn(tx as Tx);
        await flushDeferred(tx as Tx, queue);
        return value;
      });
      for (const hook of hooks) hook();
      return result;
    } catch (error) {
      const code = pgCode(error);
      if (code && RETRYABLE.has(code) && attempt < 4) continue;
      throw translateDbError(error);
    }
  }
}

/** Rows of a raw SQL statement, the same shape on PGlite and node-postgres. */
export async function rows<T = Record<string, unknown>>(ex: Executor, query: SQL): Promise<T[]> {
  const result = (await ex.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function one<T = Record<string, unknown>>(ex: Executor, query: SQL): Promise<T | undefined> {
  return (await rows<T>(ex, query))[0];
}

export function pgCode(error: unknown): string | undefined {
  let e: any = error;
  for (let depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
    e = e.cause;
  }
  return undefined;
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
]);

/** Maps database failures a user can cause or wait out to API errors; the rest stay 500s. */
export function translateDbError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code = pgCode(error) ?? (error as any)?.code ?? (error as any)?.cause?.code;
  if (code === '23505') return new AppError(409, 'duplicate', 'A record with the same key already exists');
  if (code === '23503') return new AppError(422, 'reference_invalid', 'A referenced record does not exist');
  if (code === '23514') return new AppError(422, 'constraint_violated', 'The values break a business rule');
  // 22021/22P05: a NUL character in text or jsonb, which PostgreSQL cannot store.
  if (code === '22P02' || code === '22003' || code === '22001' || code === '22021' || code === '22P05')
    return new AppError(400, 'bad_value', 'A value has the wrong format or size');
  if (code === '40001' || code === '40P01' || code === '55P03')
    return new AppError(409, 'busy', 'The record is busy; retry');
  if (code && CONNECTION_CODES.has(code))
    return new AppError(503, 'unavailable', 'Database unavailable; retry shortly');
  if (/Connection terminated|timeout exceeded when trying to connect/i.test(String((error as any)?.message)))
    return new AppError(503, 'unavailable', 'Database unavailable; retry shortly');
  return error;
}

/** A `text[]` parameter (drizzle would otherwise expand a JS array into a list). */
export function textArray(values: readonly string[]): SQL {
  if (values.length === 0) return sql`'{}'::text[]`;
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}
