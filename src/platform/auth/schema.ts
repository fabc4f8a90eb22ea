import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, ts } from '../db/columns.ts';
import { company, role, user } from '../org/schema.ts';

/** Sessions are global rows keyed by the SHA-256 of the cookie value; the cookie itself is never stored. */
export const session = pgTable(
  'platform_session',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => company.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    endedAt: ts('ended_at'),
    endReason: text('end_reason'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('platform_session_user_ix').on(t.userId)],
);

export const apiToken = pgTable(
  'platform_api_token',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => company.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    prefix: text('prefix').notNull(),
    roleId: uuid('role_id').notNull(),
    scopes: text('scopes').array(),
    createdAt: createdAt(),
    lastUsedAt: ts('last_used_at'),
    expiresAt: ts('expires_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    foreignKey({ columns: [t.companyId, t.roleId], foreignColumns: [role.companyId, role.id] }),
    index('platform_api_token_user_ix').on(t.userId),
  ],
);

export const passwordReset = pgTable(
  'platform_password_reset',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    supersededAt: ts('superseded_at'),
  },
  (t) => [index('platform_password_reset_user_ix').on(t.userId)],
);

/** Browsers that signed in successfully before: an attacker's failures do not lock them out. */
export const knownDevice = pgTable(
  'platform_known_device',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id),
    deviceHash: text('device_hash').notNull(),
    createdAt: createdAt(),
    lastUsedAt: ts('last_used_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.deviceHash] })],
);

/** Fixed-window counters shared by every app instance (login per IP, reset requests, bad tokens). */
export const rateLimit = pgTable(
  'platform_rate_limit',
  {
    bucket: text('bucket').primaryKey(),
    hits: integer('hits').notNull().default(0),
    windowStart: ts('window_start').notNull().defaultNow(),
  },
  (t) => [check('platform_rate_limit_hits_ck', sql`${t.hits} >= 0`)],
);

/** Stored first responses for `Idempotency-Key` replays, scoped to the caller. */
export const idempotencyKey = pgTable(
  'platform_idempotency_key',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    state: text('state').notNull().default('pending'),
    responseStatus: integer('response_status'),
    responseBody: jsonb('response_body'),
    noReplay: boolean('no_replay').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.key] }),
    check('platform_idempotency_state_ck', sql`${t.state} in ('pending', 'done')`),
    index('platform_idempotency_created_ix').on(t.createdAt),
  ],
);
