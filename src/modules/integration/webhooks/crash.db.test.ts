// Must-show 2 of issue 7: a process killed (SIGKILL) between commit and dispatch loses no event, and a
// worker killed after its POST but before recording it makes the receiver see the same webhook-id again:
// at an idempotent receiver every committed event has its effect exactly once.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { describeDb, newCompany, testDbUrl } from '../../../../test/kit/index.ts';
import { ensureTemplate } from '../../../../test/kit/template.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { openPglite } from '../../../platform/db/connect.ts';
import { rows } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { drainOutbox } from '../../../platform/outbox/dispatcher.ts';
import { sleep, startReceiver } from './fixtures/receiver.ts';
import { drainWebhooks } from './index.ts';
import { newWebhookSecret } from './signing.ts';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/crash.ts');

// Asynchronous on purpose: the receiver in this process must answer the child's POST meanwhile.
async function runUntilKilled(args: string[]): Promise<string> {
  try {
    await promisify(execFile)(process.execPath, ['--import', 'tsx', fixture, ...args], { encoding: 'utf8' });
    assert.fail('the child was expected to die by SIGKILL');
  } catch (error) {
    const e = error as { signal?: string; stdout?: string; stderr?: string };
    assert.equal(e.signal, 'SIGKILL', `the child dies by SIGKILL (${e.stderr})`);
    return (e.stdout ?? '').trim();
  }
}

/** A subscription of the company to every event, at the local receiver, allow-listed. */
async function subscribeAll(db: Db, companyId: string, url: string, secret: string): Promise<void> {
  await db.orm.execute(
    sql`insert into integration_webhook (company_id, id, url, event_types, secret)
        values (${companyId}, ${newId()}, ${url}, array['*']::text[], ${secret})`,
  );
  await db.orm.execute(
    sql`update platform_company set settings = settings || '{"integration": {"webhookAllowList": "127.0.0.1"}}'::jsonb
         where id = ${companyId}`,
  );
}

describeDb('webhooks: crash safety', (ctx) => {
  test('killed between commit and dispatch, and after a POST before recording it: each event takes effect once', async (t) => {
    const receiver = await startReceiver();
    t.after(() => receiver.close());
    const secret = newWebhookSecret();
    receiver.secret = secret;
    const aggregateId = newId();
    let companyId: string;
    let target: string;
    let open: () => Promise<Db>;
    if (ctx.kind === 'postgres') {
      companyId = (await newCompany(ctx.db)).id;
      target = await testDbUrl();
      open = async () => ctx.db;
      await subscribeAll(ctx.db, companyId, receiver.url, secret);
    } else {
      // The embedded database is a folder: each process opens it in turn, the way a restarted server does.
      companyId = newId();
      target = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-webhooks-'));
      t.after(() => fs.rmSync(target, { recursive: true, force: true }));
      const seeded = await openPglite({
        dataDir: target,
        loadDataDir: new Blob([fs.readFileSync(await ensureTemplate())]),
      });
      await seeded.orm.execute(
        sql`insert into platform_company (id, code, name) values (${companyId}, 'CRASH', 'Crash test')`,
      );
      await subscribeAll(seeded, companyId, receiver.url, secret);
      await seeded.close();
      open = () => openPglite({ dataDir: target });
    }
    const close = async (db: Db) => {
      if (db !== ctx.db) await db.close();
    };

    // 1. The "server" commits three events and dies before its dispatcher runs.
    const committed = (await runUntilKilled(['publish', target, companyId, aggregateId, '3'])).split(' ');
    assert.equal(committed.length, 3);

    // 2. After the restart the outbox fans them out; a worker sends one and dies before recording it.
    let db = await open();
    await drainOutbox(db);
    const queued = await rows<{ event_id: string }>(
      db.orm,
      sql`select event_id from integration_webhook_delivery where company_id = ${companyId}`,
    );
    assert.deepEqual(queued.map((q) => q.event_id).sort(), [...committed].sort());
    await close(db);
    assert.equal(await runUntilKilled(['deliver', target, companyId]), 'sent');
    assert.equal(receiver.received.length, 1, 'the POST reached the receiver');

    // 3. Once the dead worker's lease runs out, delivery resumes: the first event is sent again.
    await sleep(1200);
    db = await open();
    try {
      await drainWebhooks(db, { companyId });
      const states = await rows<{ state: string; attempts: number }>(
        db.orm,
        sql`select state, attempts from integration_webhook_delivery where company_id = ${companyId}`,
      );
      assert.deepEqual(
        states.map((s) => s.state),
        ['succeeded', 'succeeded', 'succeeded'],
      );
    } finally {
      await close(db);
    }
    assert.equal(receiver.received.length, 4, 'one event was received twice (at-least-once)');
    const repeated = receiver.received.filter((r) => r.id === receiver.received[0].id);
    assert.equal(repeated.length, 2, 'the repeat carries the same webhook-id');
    assert.deepEqual(
      [...receiver.effects.keys()].sort(),
      [...committed].sort(),
      'each event took effect once',
    );
  });
});
