// Must-show 5, the other half: the clean demo company (seeded through `npm run seed:demo`'s entry point,
// its outbox delivered as the running server would) has no data-quality finding at all.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listFindings } from '../../src/modules/integration/quality/finding.repo.ts';
import { executeQualityRun, requestQualityRun } from '../../src/modules/integration/quality/index.ts';
import { getRun } from '../../src/modules/integration/quality/run.repo.ts';
import { withTransaction } from '../../src/platform/db/tx.ts';
import { seedDemo } from '../../src/platform/demo/seed.ts';
import { drainOutbox } from '../../src/platform/outbox/dispatcher.ts';
import { systemActor } from '../../src/platform/permissions/actor.ts';
import { describeDb } from '../kit/index.ts';

describeDb('demo company data quality', (ctx) => {
  test('every check runs on the demo company and finds nothing', async () => {
    const { companyId } = await seedDemo(ctx.db);
    await drainOutbox(ctx.db);
    const queued = await withTransaction(ctx.db, (tx) =>
      requestQualityRun(tx, systemActor(companyId, 'test')),
    );
    await executeQualityRun(ctx.db, companyId, queued.id);
    const run = await getRun(ctx.db.orm, companyId, queued.id);
    assert.equal(run.state, 'done');
    assert.equal(run.error, null);
    const found = await listFindings(ctx.db.orm, companyId, { limit: 200 });
    // Per check: how many, and a few of them (a demo-data bug shows up readably).
    const byCheck: Record<string, { n: number; some: unknown[] }> = {};
    for (const f of found.items) {
      const c = byCheck[f.checkKey] ?? { n: 0, some: [] };
      byCheck[f.checkKey] = c;
      c.n++;
      if (c.some.length < 3) c.some.push(f.details);
    }
    assert.deepEqual(byCheck, {});
    assert.equal(run.foundCount, 0);
  });
});
