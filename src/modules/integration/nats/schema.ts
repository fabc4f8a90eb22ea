// The events waiting to reach NATS JetStream. Re-exported by ../schema.ts so drizzle-kit sees it.
import { bigint, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { companyId, createdAt, ts } from '../../../platform/db/columns.ts';

/**
 * One committed event not yet acknowledged by the stream: written by the outbox subscriber in its own
 * transaction, deleted once JetStream acknowledged it. It holds the exact message body, so
 * it survives the outbox's 30-day pruning of dispatched events and every retry sends the same bytes.
 */
export const natsPending = pgTable(
  'integration_nats_pending',
  {
    companyId: companyId(),
    eventId: uuid('event_id').notNull(),
    /** The outbox sequence: pending events are published in this order. */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    eventType: text('event_type').notNull(),
    payloadVersion: integer('payload_version').notNull(),
    body: text('body').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    leaseUntil: ts('lease_until'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.eventId] }),
    index('integration_nats_pending_seq_ix').on(t.seq),
  ],
);
