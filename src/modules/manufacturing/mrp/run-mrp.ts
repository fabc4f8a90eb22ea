import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { rows, type Tx, withTransaction } from '../../../platform/db/tx.ts';
import { conflict } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { backgroundSettled, runInBackground } from '../../../platform/jobs/background.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { requirePermission } from '../../../platform/permissions/actor.ts';
import { planMrpAsync } from './mrp.ts';
import { gatherMrpInput } from './mrp-inputs.ts';
import {
  activeRun,
  claimRun,
  failRun,
  finishRun,
  insertRun,
  insertRunItems,
  type MrpRunView,
  proposalsInsert,
  setProgress,
} from './run.repo.ts';

export const RUN_ENTITY = 'manufacturing.mrp_run';
const BATCH = 5000;

/**
 * Queues an MRP run for the actor's company (409 `manufacturing.mrp_running` while one is queued or
 * running; a partial unique index backs it). The caller starts it after commit: `startQueuedRun`.
 */
export async function requestMrpRun(tx: Tx, actor: Actor): Promise<MrpRunView> {
  requirePermission(actor, 'manufacturing.mrp.run');
  const busy = await activeRun(tx, actor.companyId);
  if (busy)
    throw conflict('manufacturing.mrp_running', 'An MRP run is already queued or running', {
      runId: busy.id,
    });
  const run = await insertRun(tx, actor.companyId, newId(), actor.name === 'system' ? null : actor.userId);
  await recordAudit(tx, actor, {
    entity: RUN_ENTITY,
    entityId: run.id,
    action: 'create',
    after: { state: 'queued' },
  });
  return run;
}

/** How long a run's phases took (the bench prints them). */
export interface MrpRunTimings {
  readMs: number;
  planMs: number;
  /** CPU time this process spent planning (on a busy machine far less than planMs). */
  planCpuMs: number;
  writeMs: number;
  proposals: number;
}

/** Starts a queued run in the background of this process (the HTTP request does not wait for it). */
export function startQueuedRun(db: Db, companyId: string, runId: string): void {
  runInBackground(() => executeMrpRun(db, companyId, runId));
}

/** Resolves when every background run this process started has ended (tests, the CLI, shutdown). */
export const mrpRunsSettled = backgroundSettled;

/**
 * Runs one queued MRP run to its end: claims it (one worker wins), reads the inputs in one
 * repeatable-read transaction (a consistent picture), plans in chunks reporting progress, writes the
 * items it netted, then the proposals in batches (one `unnest` statement each, progress committed with
 * each), then marks it done and supersedes what older runs still propose. A failure marks it failed and removes its proposals.
 * Progress: 0–20 reading, 20–50 planning, 50–99 writing.
 */
export async function executeMrpRun(
  db: Db,
  companyId: string,
  runId: string,
): Promise<MrpRunTimings | undefined> {
  if (!(await claimRun(db.orm, companyId, runId))) return undefined;
  const started = performance.now();
  // One batch in flight while the next statement is built: the database and this process work at once.
  let writing: Promise<void> = Promise.resolve();
  try {
    const input = await withTransaction(db, async (tx) => {
      await tx.execute(sql`set transaction isolation level repeatable read, read only`);
      return gatherMrpInput(tx, companyId);
    });
    await setProgress(db.orm, companyId, runId, 20);
    const read = performance.now();
    let reported = 20;
    // Progress is written while planning goes on (not awaited per chunk: a busy database would stall
    // the planning), one write at a time so the figures land in order.
    let progressWrite: Promise<void> = Promise.resolve();
    const planCpu = process.cpuUsage();
    const result = await planMrpAsync(
      input,
      (share) => {
        const next = 20 + Math.floor(share * 30);
        if (next > reported) {
          reported = next;
          // A failed progress write loses a figure, not the run (the writes after it would fail too).
          progressWrite = progressWrite
            .then(() => setProgress(db.orm, companyId, runId, next))
            .catch(() => {});
        }
      },
      { newId },
    );
    const planCpuUsed = process.cpuUsage(planCpu);
    await progressWrite;
    const { proposals, counts, items } = result;
    const planned = performance.now();
    await withTransaction(db, (tx) => insertRunItems(tx, companyId, runId, items));
    for (let i = 0; i < proposals.length; i += BATCH) {
      const statement = proposalsInsert(companyId, runId, proposals.slice(i, i + BATCH));
      const progress = 50 + ((i + BATCH) / proposals.length) * 49;
      await writing;
      writing = withTransaction(db, async (tx) => {
        await tx.execute(statement);
        await setProgress(tx, companyId, runId, progress);
      });
    }
    await writing;
    await withTransaction(db, (tx) =>
      finishRun(tx, companyId, runId, {
        planDate: input.today,
        itemCount: counts.planned,
        demandCount: counts.demands,
        proposalCount: proposals.length,
        lateCount: counts.late,
      }),
    );
    const end = performance.now();
    return {
      readMs: read - started,
      planMs: planned - read,
      planCpuMs: (planCpuUsed.user + planCpuUsed.system) / 1000,
      writeMs: end - planned,
      proposals: proposals.length,
    };
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    // A batch still being written must land (or fail) before failRun removes the run's proposals.
    await writing.catch(() => {});
    await withTransaction(db, (tx) => failRun(tx, companyId, runId, message));
    throw error;
  }
}

/**
 * The safety net for runs no process is working on: queued ones (their starter died before it began)
 * are started here; running ones silent for 10 minutes (their process died) are marked failed.
 */
export async function resumeMrpRuns(db: Db): Promise<void> {
  const stale = await rows<{ company_id: string; id: string }>(
    db.orm,
    sql`select company_id, id from manufacturing_mrp_run
         where state = 'running' and updated_at < now() - interval '10 minutes'`,
  );
  for (const run of stale)
    await withTransaction(db, (tx) =>
      failRun(tx, run.company_id, run.id, 'The run stopped answering (its process ended)'),
    );
  const queued = await rows<{ company_id: string; id: string }>(
    db.orm,
    sql`select company_id, id from manufacturing_mrp_run
         where state = 'queued' and created_at < now() - interval '5 seconds' order by created_at limit 10`,
  );
  for (const run of queued) await executeMrpRun(db, run.company_id, run.id).catch(() => {});
}
