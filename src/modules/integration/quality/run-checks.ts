import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { rows, type Tx, withTransaction } from '../../../platform/db/tx.ts';
import { conflict } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { backgroundSettled, runInBackground } from '../../../platform/jobs/background.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { qualityChecks } from './checks/registry.ts';
import { reconcileFindings } from './reconcile.ts';
import { activeRun, checkDone, claimRun, finishRun, insertRun, type QualityRunView } from './run.repo.ts';

export const RUN_ENTITY = 'integration.quality_run';

/**
 * Queues a run of every check for the actor's company (409 `integration.quality_running` while one is
 * queued or running; a partial unique index backs it). The caller starts it after commit: `startQualityRun`.
 */
export async function requestQualityRun(tx: Tx, actor: Actor): Promise<QualityRunView> {
  requirePermission(actor, 'integration.quality.manage');
  const busy = await activeRun(tx, actor.companyId);
  if (busy)
    throw conflict('integration.quality_running', 'A data-quality run is already queued or running', {
      runId: busy.id,
    });
  const userId = actor.name === 'system' ? null : actor.userId;
  const run = await insertRun(tx, actor.companyId, newId(), qualityChecks().length, userId);
  await recordAudit(tx, actor, {
    entity: RUN_ENTITY,
    entityId: run.id,
    action: 'create',
    after: { state: 'queued' },
  });
  return run;
}

/** Starts a queued run in the background of this process (the HTTP request does not wait for it). */
export function startQualityRun(db: Db, companyId: string, runId: string): void {
  runInBackground(() => executeQualityRun(db, companyId, runId));
}

/** Resolves when every background run this process started has ended (tests, shutdown). */
export const qualityRunsSettled = backgroundSettled;

/**
 * Runs one queued run to its end: claims it (one worker wins), then each check in its own transaction —
 * the check reads, its findings are reconciled, the run's progress and counts move — so a long run shows
 * progress and a check that fails leaves its earlier findings as they were (noted on the run; the others go on).
 */
export async function executeQualityRun(db: Db, companyId: string, runId: string): Promise<void> {
  if (!(await claimRun(db.orm, companyId, runId))) return;
  try {
    for (const check of qualityChecks()) {
      try {
        await withTransaction(db, async (tx) => {
          const found = await check.run(tx, companyId);
          const counts = await reconcileFindings(tx, companyId, runId, check.key, found);
          await checkDone(tx, companyId, runId, counts);
        });
      } catch (error) {
        const message = `${check.key}: ${String((error as Error)?.message ?? error)}`;
        await checkDone(db.orm, companyId, runId, { error: message });
      }
    }
    await finishRun(db.orm, companyId, runId, 'done');
  } catch (error) {
    await finishRun(db.orm, companyId, runId, 'failed', String((error as Error)?.message ?? error));
    throw error;
  }
}

/**
 * The safety net for runs no process works on: running ones silent for 10 minutes (their process died)
 * are marked failed; queued ones whose starter ended before starting them are run here.
 */
export async function resumeQualityRuns(db: Db): Promise<void> {
  await db.orm.execute(
    sql`update integration_quality_run set state = 'failed', finished_at = now(), updated_at = now(),
               version = version + 1, error = 'The run stopped answering (its process ended)'
         where state = 'running' and updated_at < now() - interval '10 minutes'`,
  );
  const queued = await rows<{ company_id: string; id: string }>(
    db.orm,
    sql`select company_id, id from integration_quality_run
         where state = 'queued' and created_at < now() - interval '10 seconds' order by created_at limit 10`,
  );
  for (const run of queued) await executeQualityRun(db, run.company_id, run.id).catch(() => {});
}
