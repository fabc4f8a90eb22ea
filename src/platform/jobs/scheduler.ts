import { Cron } from 'croner';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/connect.ts';
import { rows } from '../db/tx.ts';

/** A scheduled job: a cron expression (5 fields, UTC) or a fixed interval. Runs once across instances. */
export interface JobDef {
  name: string;
  cron?: string;
  everySeconds?: number;
  run(db: Db): Promise<void>;
}

const jobs = new Map<string, JobDef>();

export function registerJob(job: JobDef): void {
  if (!job.cron && !job.everySeconds) throw new Error(`job ${job.name} needs cron or everySeconds`);
  jobs.set(job.name, job);
}

export function registeredJobs(): JobDef[] {
  return [...jobs.values()];
}

function nextRun(job: JobDef, from: Date): Date {
  if (job.cron)
    return new Cron(job.cron, { timezone: 'UTC' }).nextRun(from) ?? new Date(from.getTime() + 86_400_000);
  return new Date(from.getTime() + job.everySeconds! * 1000);
}

interface Logger {
  warn(obj: unknown, msg?: string): void;
}

/** Claims due jobs with a lease (skip locked), runs them, schedules the next run. */
export async function runDueJobs(db: Db, log?: Logger): Promise<number> {
  const now = new Date();
  for (const job of jobs.values()) {
    await db.orm.execute(
      sql`insert into platform_job_schedule (name, next_run_at) values (${job.name}, ${now.toISOString()})
          on conflict (name) do nothing`,
    );
  }
  const due = await rows<{ name: string }>(
    db.orm,
    sql`update platform_job_schedule s set lease_until = now() + interval '10 minutes', last_started_at = now()
         where s.name in (select name from platform_job_schedule
                           where next_run_at <= now() and (lease_until is null or lease_until < now())
                           for update skip locked)
        returning s.name`,
  );
  let ran = 0;
  for (const { name } of due) {
    const job = jobs.get(name);
    if (!job) continue;
    let error: string | null = null;
    try {
      await job.run(db);
      ran++;
    } catch (e) {
      error = String((e as Error).message ?? e).slice(0, 2000);
      log?.warn({ err: e, job: name }, 'scheduled job failed');
    }
    await db.orm.execute(
      sql`update platform_job_schedule set lease_until = null, last_finished_at = now(), runs = runs + 1,
             last_error = ${error}, next_run_at = ${nextRun(job, new Date()).toISOString()}
           where name = ${name}`,
    );
  }
  return ran;
}

export function startScheduler(db: Db, log: Logger, tickMs = 1000): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (stopped || running) return;
    running = runDueJobs(db, log)
      .catch((e) => log.warn({ err: e }, 'job scheduler tick failed'))
      .finally(() => {
        running = null;
      });
  }, tickMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
