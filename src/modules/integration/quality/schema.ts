// Data-quality runs and their findings. Re-exported by ../schema.ts so drizzle-kit sees them.
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
import { companyId, id, ts, versioned } from '../../../platform/db/columns.ts';
import { company, membership } from '../../../platform/schema.ts';

/** One pass over every registered check: queued → running → done | failed, with its progress. */
export const qualityRun = pgTable(
  'integration_quality_run',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    state: text('state').notNull().default('queued'),
    checksTotal: integer('checks_total').notNull().default(0),
    checksDone: integer('checks_done').notNull().default(0),
    /** Findings present in this run, of which new (opened or reopened), and findings gone (auto-resolved). */
    foundCount: integer('found_count').notNull().default(0),
    newCount: integer('new_count').notNull().default(0),
    resolvedCount: integer('resolved_count').notNull().default(0),
    requestedBy: uuid('requested_by'),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
    error: text('error'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index('integration_quality_run_state_ix').on(t.state, t.companyId),
    // One run at a time per company: two would reconcile the same findings against each other.
    uniqueIndex('integration_quality_run_active_uq')
      .on(t.companyId)
      .where(sql`${t.state} in ('queued', 'running')`),
    check('integration_quality_run_state_ck', sql`${t.state} in ('queued', 'running', 'done', 'failed')`),
    check('integration_quality_run_progress_ck', sql`${t.checksDone} between 0 and ${t.checksTotal}`),
  ],
);

/**
 * Something a check found about one record. The fingerprint names the problem (unique per company and
 * check), so the next run recognises it: still there → last_seen_at moves; gone → resolved by itself.
 */
export const qualityFinding = pgTable(
  'integration_quality_finding',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    checkKey: text('check_key').notNull(),
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    fingerprint: text('fingerprint').notNull(),
    /** The web app's page of the record (a path inside the app). */
    webPath: text('web_path'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status').notNull().default('open'),
    firstSeenAt: ts('first_seen_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    lastRunId: uuid('last_run_id'),
    resolvedAt: ts('resolved_at'),
    /** Who resolved or ignored it; null when a run saw it gone. */
    resolvedBy: uuid('resolved_by'),
    note: text('note').notNull().default(''),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('integration_quality_finding_uq').on(t.companyId, t.checkKey, t.fingerprint),
    index('integration_quality_finding_status_ix').on(t.companyId, t.status, t.checkKey),
    index('integration_quality_finding_record_ix').on(t.companyId, t.recordType, t.recordId),
    foreignKey({
      columns: [t.companyId, t.lastRunId],
      foreignColumns: [qualityRun.companyId, qualityRun.id],
    }),
    foreignKey({
      columns: [t.companyId, t.resolvedBy],
      foreignColumns: [membership.companyId, membership.userId],
    }),
    check('integration_quality_finding_status_ck', sql`${t.status} in ('open', 'resolved', 'ignored')`),
  ],
);
