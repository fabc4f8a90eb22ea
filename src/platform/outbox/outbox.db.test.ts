import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { describeDb, newCompany, testDbUrl } from '../../../test/kit/index.ts';
import { ensureTemplate } from '../../../test/kit/template.ts';
import { openPglite } from '../db/connect.ts';
import { one, withTransaction } from '../db/tx.ts';
import { newId } from '../ids.ts';
import { systemActor } from '../permissions/actor.ts';
import { drainOutbox } from './dispatcher.ts';
import { publish } from './publish.ts';
import { type DeliveredEvent, subscribe, unsubscribe } from './subscribers.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

function recorder(name: string, types: string[], fail = 0) {
  const seen: DeliveredEvent[] = [];
  let failures = fail;
  subscribe({
    name,
    types,
    async handle(_tx, event) {
      if (failures > 0) {
        failures--;
        throw new Error('subscriber failed on purpose');
      }
      seen.push(event);
    },
  });
  return { seen, stop: () => unsubscribe(name) };
}

describeDb('outbox: transactional events, at-least-once dispatch', (ctx) => {
  test('an event written in a rolled-back transaction is never dispatched', async () => {
    const company = await newCompany(ctx.db);
    const sub = recorder(`rollback-${newId()}`, ['test.rollback']);
    try {
      const aggregateId = newId();
      await assert.rejects(
        withTransaction(ctx.db, async (tx) => {
          await publish(tx, systemActor(company.id, 'test'), {
            type: 'test.rollback',
            aggregateType: 'test',
            aggregateId,
            payload: {},
          });
          throw new Error('business rule failed after publishing');
        }),
      );
      await drainOutbox(ctx.db);
      assert.equal(sub.seen.length, 0);
      const row = await one(
        ctx.db.orm,
        sql`select 1 from platform_event where company_id = ${company.id} and aggregate_id = ${aggregateId}`,
      );
      assert.equal(row, undefined);
    } finally {
      sub.stop();
    }
  });

  test('a committed event is delivered once to each subscriber, in order per aggregate', async () => {
    const company = await newCompany(ctx.db);
    const a = recorder(`a-${newId()}`, ['test.ordered']);
    const b = recorder(`b-${newId()}`, ['*']);
    try {
      const aggregateId = newId();
      for (let i = 0; i < 3; i++)
        await withTransaction(ctx.db, (tx) =>
          publish(tx, systemActor(company.id, 'test'), {
            type: 'test.ordered',
            aggregateType: 'test',
            aggregateId,
            payload: { i },
          }),
        );
      await drainOutbox(ctx.db);
      await drainOutbox(ctx.db);
      const mine = (list: DeliveredEvent[]) =>
        list.filter((e) => e.aggregateId === aggregateId).map((e) => e.payload.i);
      assert.deepEqual(mine(a.seen), [0, 1, 2]);
      assert.deepEqual(mine(b.seen), [0, 1, 2]);
    } finally {
      a.stop();
      b.stop();
    }
  });

  test('a failing subscriber is retried later and its error kept; the others are not repeated', async () => {
    const company = await newCompany(ctx.db);
    const flaky = recorder(`flaky-${newId()}`, ['test.retry'], 1);
    const steady = recorder(`steady-${newId()}`, ['test.retry']);
    try {
      const aggregateId = newId();
      await withTransaction(ctx.db, (tx) =>
        publish(tx, systemActor(company.id, 'test'), {
          type: 'test.retry',
          aggregateType: 'test',
          aggregateId,
          payload: {},
        }),
      );
      await drainOutbox(ctx.db);
      assert.equal(flaky.seen.length, 0);
      assert.equal(steady.seen.length, 1);
      const pending = await one<{ last_error: string; attempts: number }>(
        ctx.db.orm,
        sql`select last_error, attempts from platform_event where company_id = ${company.id} and aggregate_id = ${aggregateId}`,
      );
      assert.match(pending!.last_error, /failed on purpose/);
      await ctx.db.orm.execute(
        sql`update platform_event set available_at = now() where company_id = ${company.id}`,
      );
      await drainOutbox(ctx.db);
      assert.equal(flaky.seen.length, 1);
      assert.equal(steady.seen.length, 1, 'the subscriber that had succeeded is not called again');
    } finally {
      flaky.stop();
      steady.stop();
    }
  });

  test('an event committed by a process killed before dispatch is delivered after restart, once', async (t) => {
    const company = await newCompany(ctx.db);
    const aggregateId = newId();
    const fixture = path.join(here, 'fixtures/publish-and-die.ts');
    const run = (target: string) => {
      try {
        return execFileSync(process.execPath, ['--import', 'tsx', fixture, target, company.id, aggregateId], {
          encoding: 'utf8',
        });
      } catch (error) {
        const e = error as { signal?: string; stdout?: string };
        assert.equal(e.signal, 'SIGKILL', 'the child dies by SIGKILL after committing');
        return e.stdout ?? '';
      }
    };
    const sub = recorder(`restart-${newId()}`, ['test.crash']);
    try {
      if (ctx.kind === 'postgres') {
        const eventId = run(await testDbUrl()).trim();
        assert.ok(eventId, 'the child reported the committed event id');
        await drainOutbox(ctx.db);
        await drainOutbox(ctx.db);
        assert.deepEqual(
          sub.seen.filter((e) => e.aggregateId === aggregateId).map((e) => e.id),
          [eventId],
        );
      } else {
        // The embedded database lives in a folder: the child writes it and dies, a new process opens it.
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-outbox-'));
        t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
        const seeded = await openPglite({
          dataDir: dir,
          loadDataDir: new Blob([fs.readFileSync(await ensureTemplate())]),
        });
        await seeded.orm.execute(
          sql`insert into platform_company (id, code, name) values (${company.id}, 'CRASH', 'Crash test')`,
        );
        await seeded.close();
        const eventId = run(dir).trim();
        const reopened = await openPglite({ dataDir: dir });
        try {
          await drainOutbox(reopened);
          await drainOutbox(reopened);
          assert.deepEqual(
            sub.seen.filter((e) => e.aggregateId === aggregateId).map((e) => e.id),
            [eventId],
          );
        } finally {
          await reopened.close();
        }
      }
    } finally {
      sub.stop();
    }
  });
});
