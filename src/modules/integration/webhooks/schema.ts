// The tables of integration/webhooks: subscriptions, the deliveries fanned out from events, and every attempt.
import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { companyId, createdAt, id, ts, versioned } from '../../../platform/db/columns.ts';
import { company } from '../../../platform/schema.ts';

/** A company's webhook subscription. `secret` is kept readable: signing needs it (like an SMTP password). */
export const webhook = pgTable(
  'integration_webhook',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    eventTypes: text('event_types').array().notNull(),
    /** `{ field, equals }`: deliver only events whose payload field (a dot path) equals the value. */
    filter: jsonb('filter').$type<{ field: string; equals: string | number | boolean | null } | null>(),
    state: text('state').notNull().default('active'),
    secret: text('secret').notNull(),
    previousSecret: text('previous_secret'),
    previousSecretUntil: ts('previous_secret_until'),
    failureStreak: integer('failure_streak').notNull().default(0),
    failingSince: ts('failing_since'),
    disabledAt: ts('disabled_at'),
    disabledReason: text('disabled_reason'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    check('integration_webhook_state_ck', sql`${t.state} in ('active', 'disabled')`),
  ],
);

/** One event to one webhook: the webhook-id header is the event id, stable across attempts and replays. */
export const webhookDelivery = pgTable(
  'integration_webhook_delivery',
  {
    companyId: companyId(),
    id: id(),
    webhookId: uuid('webhook_id').notNull(),
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').notNull(),
    /** The exact JSON body sent on every attempt. */
    body: text('body').notNull(),
    state: text('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    leaseUntil: ts('lease_until'),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    deliveredAt: ts('delivered_at'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('integration_webhook_delivery_event_ux').on(t.companyId, t.webhookId, t.eventId),
    index('integration_webhook_delivery_due_ix').on(t.nextAttemptAt).where(sql`${t.state} = 'pending'`),
    index('integration_webhook_delivery_event_ix').on(t.companyId, t.eventId),
    index('integration_webhook_delivery_state_ix').on(t.companyId, t.state, t.id),
    foreignKey({
      columns: [t.companyId, t.webhookId],
      foreignColumns: [webhook.companyId, webhook.id],
    }).onDelete('cascade'),
    check('integration_webhook_delivery_state_ck', sql`${t.state} in ('pending', 'succeeded', 'dead')`),
  ],
);

/** The log of every HTTP attempt of a delivery: what the receiver answered, or why it could not. */
export const webhookAttempt = pgTable(
  'integration_webhook_attempt',
  {
    companyId: companyId(),
    id: id(),
    deliveryId: uuid('delivery_id').notNull(),
    attempt: integer('attempt').notNull(),
    statusCode: integer('status_code'),
    responseExcerpt: text('response_excerpt'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index('integration_webhook_attempt_delivery_ix').on(t.companyId, t.deliveryId),
    foreignKey({
      columns: [t.companyId, t.deliveryId],
      foreignColumns: [webhookDelivery.companyId, webhookDelivery.id],
    }).onDelete('cascade'),
  ],
);
