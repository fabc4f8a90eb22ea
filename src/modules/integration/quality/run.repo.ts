// SQL in and out for data-quality runs; always scoped by company, no rules.
import { sql } from 'drizzle-orm';
import { iso, isoOrNull } from '../../../platform/db/time.ts';
import { type Executor, one, rows } from '../../../platform/db/tx.ts';
import { notFound } from '../../../platform/errors.ts';

export type RunState = 'queued' | 'running' | 'done' | 'failed';

export interface QualityRunView {
  id: string;
  state: RunState;
  checksTotal: number;
  checksDone: number;
  /** 0..100, from the checks done. */
  progress: number;
  foundCount: number;
  newCount: number;
  resolvedCount: number;
  requestedBy: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  createdAt: string;
}

const COLUMNS = sql`id, state, checks_total, checks_done, found_count, new_count, resolved_count, requested_by,
  started_at, finished_at, error, created_at`;

function view(r: Record<string, any>): QualityRunView {
  const total = Number(r.checks_total);
  const done = Number(r.checks_done);
  return {
    id: r.id,
    state: r.state,
    checksTotal: total,
    checksDone: done,
    progress: r.state === 'done' ? 100 : total > 0 ? Math.floor((done * 100) / total) : 0,
    foundCount: Number(r.found_count),
    newCount: Number(r.new_count),
    resolvedCount: Number(r.resolved_count),
    requestedBy: r.requested_by ?? null,
    startedAt: isoOrNull(r.started_at),
    finishedAt: isoOrNull(r.finished_at),
    error: r.error ?? null,
    createdAt: iso(r.created_at),
  };
}

export async function getRun(ex: Executor, companyId: string, id: string): Promise<QualityRunView> {
  const row = await one(
    ex,
    sql`select ${COLUMNS} from integration_quality_run where company_id = ${companyId} and id = ${id}`,
  );
  if (!row) throw notFound('data-quality run', id);
  return view(row);
}

/** The newest run of the company, if any. */
export async function latestRun(ex: Executor, companyId: string): Promise<QualityRunView | null> {
  const row = await one(
    ex,
    sql`select ${COLUMNS} from integration_quality_run where company_id = ${companyId}
         order by created_at desc, id desc limit 1`,
  );
  return row ? view(row) : null;
}

export async function activeRun(ex: Executor, companyId: string): Promise<QualityRunView | null> {
  const row = await one(
    ex,
    sql`select ${COLUMNS} from integration_quality_run
         where company_id = ${companyId} and state in ('queued', 'running')`,
  );
  return row ? view(row) : null;
}

export async function insertRun(
  ex: Executor,
  companyId: string,
  id: string,
  checksTotal: number,
  userId: string | null,
): Promise<QualityRunView> {
  const row = await one(
    ex,
    sql`insert into integration_quality_run (company_id, id, checks_total, requested_by)
        values (${companyId}, ${id}, ${checksTotal}, ${userId}) returning ${COLUMNS}`,
  );
  return view(row!);
}

/** queued → running for exactly one caller. */
export async function claimRun(ex: Executor, companyId: string, id: string): Promise<boolean> {
  const claimed = await rows(
    ex,
    sql`update integration_quality_run set state = 'running', started_at = now(), updated_at = now(),
               version = version + 1
         where company_id = ${companyId} and id = ${id} and state = 'queued' returning id`,
  );
  return claimed.length === 1;
}

/** One check done: its counts added, or its error noted (the run goes on with the next check). */
export async function checkDone(
  ex: Executor,
  companyId: string,
  id: string,
  counts: { found: number; opened: number; resolved: number } | { error: string },
) {
  const c = 'error' in counts ? { found: 0, opened: 0, resolved: 0 } : counts;
  const error = 'error' in counts ? counts.error.slice(0, 1000) : null;
  await ex.execute(
    sql`update integration_quality_run
           set checks_done = least(checks_done + 1, checks_total), found_count = found_count + ${c.found},
               new_count = new_count + ${c.opened}, resolved_count = resolved_count + ${c.resolved},
               error = case when ${error}::text is null then error
                            else left(coalesce(error || '; ', '') || ${error}::text, 2000) end,
               updated_at = now()
         where company_id = ${companyId} and id = ${id} and state = 'running'`,
  );
}

export async function finishRun(
  ex: Executor,
  companyId: string,
  id: string,
  state: 'done' | 'failed',
  error?: string,
) {
  await ex.execute(
    sql`update integration_quality_run set state = ${state}, finished_at = now(), updated_at = now(),
               version = version + 1,
               error = coalesce(${error?.slice(0, 2000) ?? null}::text, error)
         where company_id = ${companyId} and id = ${id} and state in ('queued', 'running')`,
  );
}
