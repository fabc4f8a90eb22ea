import { sql } from 'drizzle-orm';
import type { Db } from '../db/connect.ts';
import { iso } from '../db/time.ts';
import { rows, withTransaction } from '../db/tx.ts';
import { onEventCommitted } from './publish.ts';
import { type DeliveredEvent, subscribersFor } from './subscribers.ts';

const LEASE_SECONDS = 60;
const BATCH = 50;
const MAX_BACKOFF_SECONDS = 3600;

interface Logger {
  warn(obj: unknown, msg?: string): void;
}

/**
 * Claims committed events with a short lease (`for update skip locked`, so many instances can run),
 * then for each subscriber runs one transaction that records (subscriber, event) and the handler:
 * a conflict on that row means already handled. Work is claimed per company, the way a sharded
 * database needs it. Only the oldest undispatched event of an aggregate is claimed (order per aggregate).
 */
export async function dispatchBatch(db: Db, log?: Logger): Promise<number> {
  const companies = await rows<{ company_id: string }>(
    db.orm,
    sql`select distinct company_id from platform_event
         where dispatched_at is null and available_at <= now() limit 100`,
  );
  let handled = 0;
  for (const { company_id } of companies) {
    const claimed = await rows<Record<string, any>>(
      db.orm,
      sql`update platform_event e set lease_until = now() + make_interval(secs => ${LEASE_SECONDS}),
                 attempts = attempts + 1
           where (e.company_id, e.id) in (
             select c.company_id, c.id from platform_event c
              where c.company_id = ${company_id} and c.dispatched_at is null and c.available_at <= now()
                and (c.lease_until is null or c.lease_until < now())
                and not exists (select 1 from platform_event p
                                 where p.company_id = c.company_id and p.aggregate_id = c.aggregate_id
                                   and p.aggregate_type = c.aggregate_type
                                   and p.seq < c.seq and p.dispatched_at is null)
              order by c.seq limit ${BATCH} for update skip locked)
          returning e.*`,
    );
    claimed.sort((a, b) => Number(a.seq) - Number(b.seq));
    for (const row of claimed) {
      await deliver(db, toEvent(row), Number(row.attempts), log);
      handled++;
    }
  }
  return handled;
}

function toEvent(row: Record<string, any>): DeliveredEvent {
  return {
    companyId: row.company_id,
    id: row.id,
    seq: Number(row.seq),
    type: row.type,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    payloadVersion: row.payload_version,
    payload: row.payload,
    actorUserId: row.actor_user_id,
    createdAt: iso(row.created_at),
  };
}

async function deliver(db: Db, event: DeliveredEvent, attempts: number, log?: Logger): Promise<void> {
  let failure: string | undefined;
  for (const subscriber of subscribersFor(event.type)) {
    try {
      await withTransaction(db, async (tx) => {
        const fresh = await rows(
          tx,
          sql`insert into platform_event_handled (company_id, event_id, subscriber)
              values (${event.companyId}, ${event.id}, ${subscriber.name})
              on conflict do nothing returning event_id`,
        );
        if (fresh.length > 0) await subscriber.handle(tx, event);
      });
    } catch (error) {
      failure = `${subscriber.name}: ${(error as Error).message}`.slice(0, 2000);
      log?.warn({ err: error, eventId: event.id, subscriber: subscriber.name }, 'event subscriber failed');
    }
  }
  if (failure) {
    const backoff = Math.min(MAX_BACKOFF_SECONDS, 2 ** Math.min(attempts, 12));
    await db.orm.execute(
      sql`update platform_event set lease_until = null, last_error = ${failure},
             available_at = now() + make_interval(secs => ${backoff})
           where company_id = ${event.companyId} and id = ${event.id}`,
    );
  } else {
    await db.orm.execute(
      sql`update platform_event set dispatched_at = now(), lease_until = null, last_error = null
           where company_id = ${event.companyId} and id = ${event.id}`,
    );
  }
}

/** Runs subscribers until nothing is pending (tests call this to make delivery deterministic). */
export async function drainOutbox(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await dispatchBatch(db);
    total += n;
    if (n === 0) return total;
  }
}

/** The in-process dispatcher: woken after each commit, and polling as a safety net. */
export function startDispatcher(db: Db, log: Logger, pollMs = 1000): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;

  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          while (!stopped && (await dispatchBatch(db, log)) > 0) {}
        } catch (error) {
          log.warn({ err: error }, 'outbox dispatch failed; will retry');
        }
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
  };
  const off = onEventCommitted(run);
  const tick = () => {
    run();
    timer = setTimeout(tick, pollMs);
    timer.unref();
  };
  tick();
  return {
    async stop() {
      stopped = true;
      off();
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
