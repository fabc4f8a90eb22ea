// The scheduled side: the daily job runs every company's checks, the monthly summary tells each
// company's administrators how many findings each check has.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, newCompany } from '../../../../test/kit/index.ts';
import { one, rows } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { runDailyChecks, sendMonthlySummaries } from './jobs.ts';

describeDb('data-quality jobs', (ctx) => {
  test('the daily run finds a stuck event; the monthly summary counts it for the admins', async () => {
    const company = await newCompany(ctx.db);
    const eventId = newId();
    await ctx.db.orm.execute(
      sql`insert into platform_event (company_id, id, type, aggregate_type, aggregate_id, payload, created_at, attempts)
          values (${company.id}, ${eventId}, 'test.planted', 'test', ${eventId}, '{}'::jsonb, now(), 7)`,
    );
    await runDailyChecks(ctx.db);
    const run = await one<{ state: string; found_count: number }>(
      ctx.db.orm,
      sql`select state, found_count from integration_quality_run where company_id = ${company.id}`,
    );
    assert.equal(run?.state, 'done');
    assert.equal(run?.found_count, 1); // tried 7 times: stuck however young
    await sendMonthlySummaries(ctx.db);
    const notes = await rows<{ user_id: string; title: string; body: string; link: string }>(
      ctx.db.orm,
      sql`select user_id, title, body, link from platform_notification
           where company_id = ${company.id} and kind = 'integration.quality.summary'`,
    );
    assert.equal(notes.length, 1);
    assert.equal(notes[0].user_id, company.admin.id);
    assert.match(notes[0].title, /1 open/);
    assert.match(notes[0].body, /Events stuck in the outbox: 1 open, 0 ignored/);
    assert.equal(notes[0].link, '/integration/data-quality');
  });
});
