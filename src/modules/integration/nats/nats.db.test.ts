import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, type TestContext, test } from 'node:test';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { sql } from 'drizzle-orm';
import { describeDb, newCompany } from '../../../../test/kit/index.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { rows, withTransaction } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { drainOutbox } from '../../../platform/outbox/dispatcher.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type DeliveredEvent, subscribe, unsubscribe } from '../../../platform/outbox/subscribers.ts';
import { systemActor } from '../../../platform/permissions/actor.ts';
import { createNatsPublisher, flushNatsPending, natsSubscriber, startNatsPublisher } from './index.ts';

const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
// One stream and subject root per test run, so runs (and other machines' streams) never collide.
const run = newId().replaceAll('-', '').slice(-12);
const STREAM = `TANDEM_TEST_${run}`;
const ROOT = `tandemtest_${run}`;

let nc: NatsConnection | null = null;
let unreachable: string | null = null;

before(async () => {
  try {
    nc = await connect({ servers: NATS_URL, timeout: 2000, reconnect: false });
  } catch (error) {
    unreachable = `NATS JetStream is not reachable at ${NATS_URL} (${(error as Error).message})`;
  }
});

after(async () => {
  if (!nc) return;
  const jsm = await jetstreamManager(nc);
  await jsm.streams.delete(STREAM).catch(() => {});
  await nc.close();
});

/** Skips with the reason printed when no NATS server runs here; otherwise the manager of the test stream. */
async function natsOrSkip(t: TestContext) {
  if (unreachable) {
    t.skip(unreachable);
    return null;
  }
  return jetstreamManager(nc!);
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function publishEvent(db: Db, companyId: string, aggregateId: string, n: number): Promise<string> {
  return withTransaction(db, (tx) =>
    publish(tx, systemActor(companyId, 'test'), {
      type: 'test.nats_sent',
      aggregateType: 'test',
      aggregateId,
      payload: { n, note: '出库 ✓' },
    }),
  );
}

async function pendingOf(db: Db, companyId: string) {
  return rows<{ event_id: string; attempts: number; last_error: string | null }>(
    db.orm,
    sql`select event_id, attempts, last_error from integration_nats_pending where company_id = ${companyId}
         order by seq`,
  );
}

/** How many messages the stream holds on one subject. */
async function countOn(jsm: Awaited<ReturnType<typeof jetstreamManager>>, subject: string): Promise<number> {
  const info = await jsm.streams.info(STREAM, { subjects_filter: subject });
  return info.state.subjects?.[subject] ?? 0;
}

describeDb('NATS JetStream: business events through the outbox', (ctx) => {
  const publisher = createNatsPublisher(NATS_URL, { stream: STREAM, subjectRoot: ROOT });
  before(() => subscribe(natsSubscriber));
  after(async () => {
    unsubscribe(natsSubscriber.name);
    await publisher.close();
  });

  test('a committed event is in the stream once, with its subject, message id and payload', async (t) => {
    const jsm = await natsOrSkip(t);
    if (!jsm) return;
    const company = await newCompany(ctx.db);
    const eventId = await publishEvent(ctx.db, company.id, newId(), 1);
    await drainOutbox(ctx.db);
    assert.equal((await pendingOf(ctx.db, company.id)).length, 1, 'recorded by the subscriber');

    const flushed = await flushNatsPending(ctx.db, publisher, { companyId: company.id });
    assert.deepEqual(flushed, { published: 1, duplicates: 0 });
    assert.deepEqual(await pendingOf(ctx.db, company.id), [], 'acknowledged events leave the pending table');

    const subject = `${ROOT}.${company.id}.test.nats_sent`;
    assert.equal(await countOn(jsm, subject), 1);
    const stored = await jsm.streams.getMessage(STREAM, { last_by_subj: subject });
    assert.ok(stored);
    assert.equal(stored.subject, subject);
    assert.equal(stored.header.get('Nats-Msg-Id'), eventId);
    assert.equal(stored.header.get('Tandem-Event-Type'), 'test.nats_sent');
    assert.equal(stored.header.get('Tandem-Payload-Version'), '1');
    const body = stored.json<Record<string, unknown>>();
    assert.equal(body.id, eventId);
    assert.equal(body.type, 'test.nats_sent');
    assert.equal(body.companyId, company.id);
    assert.equal(body.payloadVersion, 1);
    assert.deepEqual(body.data, { n: 1, note: '出库 ✓' });
  });

  test('the same event delivered twice leaves one message in the stream', async (t) => {
    const jsm = await natsOrSkip(t);
    if (!jsm) return;
    const company = await newCompany(ctx.db);
    const eventId = await publishEvent(ctx.db, company.id, newId(), 2);
    await drainOutbox(ctx.db);
    assert.equal((await flushNatsPending(ctx.db, publisher, { companyId: company.id })).published, 1);

    // The outbox delivers at least once: the subscriber runs again for the same event (after a crash
    // before the dispatcher marked it), and the retrier publishes it again.
    const [event] = await rows<Record<string, any>>(
      ctx.db.orm,
      sql`select * from platform_event where company_id = ${company.id} and id = ${eventId}`,
    );
    const again: DeliveredEvent = {
      companyId: company.id,
      id: eventId,
      seq: Number(event.seq),
      type: event.type,
      aggregateType: event.aggregate_type,
      aggregateId: event.aggregate_id,
      payloadVersion: event.payload_version,
      payload: event.payload,
      actorUserId: null,
      createdAt: new Date(event.created_at).toISOString(),
    };
    await withTransaction(ctx.db, (tx) => natsSubscriber.handle(tx, again));
    const second = await flushNatsPending(ctx.db, publisher, { companyId: company.id });
    assert.deepEqual(second, { published: 0, duplicates: 1 }, 'the stream drops it by its message id');
    assert.equal(await countOn(jsm, `${ROOT}.${company.id}.test.nats_sent`), 1);
    assert.deepEqual(await pendingOf(ctx.db, company.id), []);
  });

  test('with NATS unreachable the outbox goes on; the event waits and is published once NATS is back', async (t) => {
    const jsm = await natsOrSkip(t);
    if (!jsm) return;
    const company = await newCompany(ctx.db);
    const seen: number[] = [];
    const other = `test.after-nats-${newId()}`;
    subscribe({
      name: other,
      types: ['test.nats_sent'],
      async handle(_tx, event) {
        if (event.companyId === company.id) seen.push(event.payload.n as number);
      },
    });
    const down = createNatsPublisher(`nats://127.0.0.1:${await closedPort()}`, {
      stream: STREAM,
      subjectRoot: ROOT,
      connectTimeoutMs: 1000,
    });
    try {
      const aggregateId = newId();
      const ids = [await publishEvent(ctx.db, company.id, aggregateId, 1)];
      ids.push(await publishEvent(ctx.db, company.id, aggregateId, 2));
      await drainOutbox(ctx.db);
      const failed = await flushNatsPending(ctx.db, down, { companyId: company.id });
      assert.equal(failed.published, 0);
      assert.match(failed.error ?? '', /unreachable/);

      // Both events of the aggregate reached the other subscribers and are marked dispatched.
      assert.deepEqual(seen, [1, 2]);
      const undispatched = await rows(
        ctx.db.orm,
        sql`select id from platform_event where company_id = ${company.id} and dispatched_at is null`,
      );
      assert.deepEqual(undispatched, []);
      assert.deepEqual(
        (await pendingOf(ctx.db, company.id)).map((p) => p.event_id),
        ids,
      );

      const subject = `${ROOT}.${company.id}.test.nats_sent`;
      assert.equal(await countOn(jsm, subject), 0);
      assert.deepEqual(await flushNatsPending(ctx.db, publisher, { companyId: company.id }), {
        published: 2,
        duplicates: 0,
      });
      assert.deepEqual(await flushNatsPending(ctx.db, publisher, { companyId: company.id }), {
        published: 0,
        duplicates: 0,
      });
      assert.equal(await countOn(jsm, subject), 2, 'each event exactly once');
      assert.deepEqual(await pendingOf(ctx.db, company.id), []);
    } finally {
      unsubscribe(other);
      await down.close();
    }
  });

  test('the server starts with NATS down: it says so and keeps retrying', async (t) => {
    if (!(await natsOrSkip(t))) return;
    const warnings: string[] = [];
    const log = { info() {}, warn: (_obj: unknown, msg?: string) => void warnings.push(msg ?? '') };
    unsubscribe(natsSubscriber.name); // startNatsPublisher registers it itself
    const started = startNatsPublisher(ctx.db, `nats://127.0.0.1:${await closedPort()}`, log, {
      stream: STREAM,
      subjectRoot: ROOT,
      connectTimeoutMs: 500,
    });
    try {
      for (let i = 0; i < 50 && warnings.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      assert.match(warnings[0] ?? '', /cannot be reached/);
    } finally {
      await started.stop();
      subscribe(natsSubscriber);
    }
  });
});
