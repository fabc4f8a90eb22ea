import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb } from '../../../test/kit/index.ts';
import { one } from '../db/tx.ts';
import { newId } from '../ids.ts';
import { registerJob, runDueJobs } from './scheduler.ts';

describeDb('scheduled jobs', (ctx) => {
  test('a due job runs once even when two schedulers tick at the same moment, then waits for its next time', async () => {
    const name = `test.job.${newId()}`;
    let runs = 0;
    registerJob({
      name,
      everySeconds: 3600,
      run: async () => {
        runs++;
        await new Promise((r) => setTimeout(r, 50));
      },
    });
    await Promise.all([runDueJobs(ctx.db), runDueJobs(ctx.db)]);
    assert.equal(runs, 1);
    await runDueJobs(ctx.db);
    assert.equal(runs, 1, 'not due again for an hour');
    const row = await one<{ runs: number; next: boolean }>(
      ctx.db.orm,
      sql`select runs, next_run_at > now() + interval '59 minutes' as next from platform_job_schedule where name = ${name}`,
    );
    assert.deepEqual(row, { runs: 1, next: true });
  });

  test('a failing job records its error and is scheduled again', async () => {
    const name = `test.failing.${newId()}`;
    registerJob({
      name,
      cron: '*/5 * * * *',
      run: async () => {
        throw new Error('boom');
      },
    });
    await runDueJobs(ctx.db);
    const row = await one<{ last_error: string; lease_until: string | null }>(
      ctx.db.orm,
      sql`select last_error, lease_until from platform_job_schedule where name = ${name}`,
    );
    assert.equal(row?.last_error, 'boom');
    assert.equal(row?.lease_until, null);
  });
});
