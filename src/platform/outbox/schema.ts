import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { companyId, createdAt, id, ts } from '../db/columns.ts';
import { company } from '../org/schema.ts';

/** The transactional outbox: written in the same transaction as the change it reports. */
export const event = pgTable(
  'platform_event',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    type: text('type').notNull(),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    payloadVersion: integer('payload_version').notNull().default(1),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    actorUserId: uuid('actor_user_id'),
    requestId: text('request_id'),
    createdAt: createdAt(),
    availableAt: ts('available_at').notNull().defaultNow(),
    leaseUntil: ts('lease_until'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    dispatchedAt: ts('dispatched_at'),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index('platform_event_pending_ix').on(t.companyId, t.seq).where(sql`${t.dispatchedAt} is null`),
    index('platform_event_aggregate_ix').on(t.companyId, t.aggregateId, t.seq),
    index('platform_event_type_ix').on(t.companyId, t.type, t.createdAt),
  ],
);

/** One row per (event, subscriber) handled: the insert conflict makes delivery idempotent. */
export const eventHandled = pgTable(
  'platform_event_handled',
  {
    companyId: companyId(),
    eventId: uuid('event_id').notNull(),
    subscriber: text('subscriber').notNull(),
    handledAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.eventId, t.subscriber] })],
);

/** Scheduled jobs: one row per job name, leased by whichever instance runs it. */
export const jobSchedule = pgTable('platform_job_schedule', {
  name: text('name').primaryKey(),
  nextRunAt: ts('next_run_at').notNull(),
  leaseUntil: ts('lease_until'),
  lastStartedAt: ts('last_started_at'),
  lastFinishedAt: ts('last_finished_at'),
  lastError: text('last_error'),
  runs: integer('runs').notNull().default(0),
});
