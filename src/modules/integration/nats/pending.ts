import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/connect.ts';
import { afterCommit, rows } from '../../../platform/db/tx.ts';
import type { Subscriber } from '../../../platform/outbox/subscribers.ts';
import { messageBody, type NatsPublisher } from './publisher.ts';

const BATCH = 100;
const LEASE_SECONDS = 60;

type Waker = () => void;
const wakers = new Set<Waker>();

/** The retrier registers here so an event recorded by the subscriber is published right after its commit. */
export function onNatsPending(fn: Waker): () => void {
  wakers.add(fn);
  return () => wakers.delete(fn);
}

/**
 * The outbox subscriber: records the event in `integration_nats_pending` in its own transaction and never
 * calls NATS, so it cannot fail or wait on NATS, and the outbox goes on with the aggregate's next event for
 * every other subscriber whatever state NATS is in. A redelivered event that is still pending changes
 * nothing; one already published is recorded again and dropped by the stream's duplicate window.
 */
export const natsSubscriber: Subscriber = {
  name: 'integration.nats',
  types: ['*'],
  async handle(tx, event) {
    await tx.execute(
      sql`insert into integration_nats_pending (company_id, event_id, seq, event_type, payload_version, body)
          values (${event.companyId}, ${event.id}, ${event.seq}, ${event.type}, ${event.payloadVersion},
                  ${messageBody(event)})
          on conflict (company_id, event_id) do nothing`,
    );
    afterCommit(tx, () => {
      for (const wake of wakers) wake();
    });
  },
};

interface PendingRow {
  company_id: string;
  event_id: string;
  seq: string | number;
  event_type: string;
  payload_version: number;
  body: string;
}

export interface FlushResult {
  /** Acknowledged by the stream as new. */
  published: number;
  /** Acknowledged as already stored (a retry after an ack whose delete was lost). */
  duplicates: number;
  /** Why the flush stopped early: NATS unreachable or a publish not acknowledged. */
  error?: string;
}

/**
 * Publishes the pending events, oldest first, each deleted once acknowledged. Rows are claimed with a lease
 * (`for update skip locked`), so several instances may flush; a publish that fails stops the flush (the
 * rest are released for the next one) with the error answered. A crash between the ack and the delete
 * publishes again with the same message id, which the stream drops. Tests call this to be deterministic.
 */
export async function flushNatsPending(
  db: Db,
  publisher: NatsPublisher,
  options: { companyId?: string } = {},
): Promise<FlushResult> {
  const result: FlushResult = { published: 0, duplicates: 0 };
  try {
    await publisher.ready();
  } catch (error) {
    result.error = `NATS at ${publisher.url} unreachable: ${(error as Error).message}`;
    return result;
  }
  for (;;) {
    const claimed = await claim(db, options.companyId);
    if (claimed.length === 0) return result;
    claimed.sort((a, b) => Number(a.seq) - Number(b.seq));
    for (const [i, row] of claimed.entries()) {
      try {
        const ack = await publisher.publish({
          eventId: row.event_id,
          companyId: row.company_id,
          eventType: row.event_type,
          payloadVersion: row.payload_version,
          body: row.body,
        });
        if (ack.duplicate) result.duplicates++;
        else result.published++;
      } catch (error) {
        result.error = (error as Error).message || String(error);
        await release(db, claimed.slice(i), result.error);
        return result;
      }
      await db.orm.execute(
        sql`delete from integration_nats_pending where company_id = ${row.company_id} and event_id = ${row.event_id}`,
      );
    }
  }
}

function claim(db: Db, companyId: string | undefined): Promise<PendingRow[]> {
  return rows<PendingRow>(
    db.orm,
    sql`update integration_nats_pending p set lease_until = now() + make_interval(secs => ${LEASE_SECONDS})
         where (p.company_id, p.event_id) in (
           select c.company_id, c.event_id from integration_nats_pending c
            where (c.lease_until is null or c.lease_until < now())
              ${companyId ? sql`and c.company_id = ${companyId}` : sql``}
            order by c.seq limit ${BATCH} for update skip locked)
        returning p.company_id, p.event_id, p.seq, p.event_type, p.payload_version, p.body`,
  );
}

/** The failed row gets the error and one more attempt counted; it and the rest wait for the next flush. */
async function release(db: Db, left: PendingRow[], error: string): Promise<void> {
  const [failed] = left;
  await db.orm.execute(
    sql`update integration_nats_pending set attempts = attempts + 1, last_error = ${error.slice(0, 1000)},
           lease_until = null
         where company_id = ${failed.company_id} and event_id = ${failed.event_id}`,
  );
  for (const row of left.slice(1))
    await db.orm.execute(
      sql`update integration_nats_pending set lease_until = null
           where company_id = ${row.company_id} and event_id = ${row.event_id}`,
    );
}
