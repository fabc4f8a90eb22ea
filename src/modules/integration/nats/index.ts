/**
 * integration/nats — business events to NATS JetStream when NATS_URL is set: an outbox subscriber records
 * each event in `integration_nats_pending`, a retrier publishes them (message id = event id) and deletes
 * what the stream acknowledged. NATS being down never holds back the outbox. See ../README.md.
 */
import type { Db } from '../../../platform/db/connect.ts';
import { subscribe, unsubscribe } from '../../../platform/outbox/subscribers.ts';
import { flushNatsPending, natsSubscriber, onNatsPending } from './pending.ts';
import { createNatsPublisher, type NatsPublisher, type NatsPublisherOptions } from './publisher.ts';

export { type FlushResult, flushNatsPending, natsSubscriber } from './pending.ts';
export { createNatsPublisher, type NatsPublisher, type NatsPublisherOptions } from './publisher.ts';

interface Logger {
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
}

const MAX_BACKOFF_MS = 60_000;

/**
 * The in-process retrier: flushes after each recorded event and every `pollMs`; while NATS cannot be
 * reached it waits 1 s, 2 s, 4 s … up to a minute between tries and ignores wake-ups.
 */
export function startNatsRetrier(
  db: Db,
  publisher: NatsPublisher,
  log: Logger,
  pollMs = 5000,
): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let failures = 0;
  let healthy: boolean | null = null; // null until the first try, so the start is always logged

  const later = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, ms);
    timer.unref();
  };
  const report = (error: string | undefined, published: number) => {
    if (error) {
      failures++;
      if (healthy !== false)
        log.warn(
          { natsUrl: publisher.url, error },
          'NATS JetStream cannot be reached or does not acknowledge: events wait in integration_nats_pending and are published once it does (retrying with backoff; the rest of Tandem is not affected)',
        );
      healthy = false;
      return;
    }
    if (healthy !== true)
      log.info(
        {
          natsUrl: publisher.url,
          stream: publisher.stream,
          subjects: `${publisher.subjectRoot}.>`,
          published,
        },
        'NATS JetStream connected: publishing business events',
      );
    healthy = true;
    failures = 0;
  };

  function run(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          const result = await flushNatsPending(db, publisher);
          report(result.error, result.published);
        } catch (error) {
          report((error as Error).message, 0);
        }
      } while (again && !stopped && failures === 0);
    })().finally(() => {
      running = null;
      if (!stopped) later(failures > 0 ? Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (failures - 1)) : pollMs);
    });
  }

  const off = onNatsPending(() => {
    if (failures === 0) run();
  });
  run();
  return {
    async stop() {
      stopped = true;
      off();
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/**
 * Started by the server when NATS_URL is set: registers the outbox subscriber, connects (a NATS that is
 * down at start is logged and retried; the server starts anyway) and runs the retrier.
 */
export function startNatsPublisher(
  db: Db,
  url: string,
  log: Logger,
  options: NatsPublisherOptions & { pollMs?: number } = {},
): { publisher: NatsPublisher; stop(): Promise<void> } {
  const publisher = createNatsPublisher(url, options);
  subscribe(natsSubscriber);
  const retrier = startNatsRetrier(db, publisher, log, options.pollMs);
  return {
    publisher,
    async stop() {
      unsubscribe(natsSubscriber.name);
      await retrier.stop();
      await publisher.close();
    },
  };
}
