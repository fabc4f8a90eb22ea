import { sql } from 'drizzle-orm';
import { check, foreignKey, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { companyId, createdAt, id, ts, updatedAt, version } from '../db/columns.ts';
import { company, membership, role } from '../org/schema.ts';

/** One approval mechanism for every module: credit overrides, large orders, purchases, role changes. */
export const approvalRequest = pgTable(
  'platform_approval_request',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    kind: text('kind').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    summary: text('summary').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    requestedBy: uuid('requested_by').notNull(),
    approverRoleId: uuid('approver_role_id').notNull(),
    status: text('status').notNull().default('pending'),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
    decisionReason: text('decision_reason'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    foreignKey({
      columns: [t.companyId, t.requestedBy],
      foreignColumns: [membership.companyId, membership.userId],
    }),
    foreignKey({ columns: [t.companyId, t.approverRoleId], foreignColumns: [role.companyId, role.id] }),
    check(
      'platform_approval_status_ck',
      sql`${t.status} in ('pending', 'approved', 'rejected', 'cancelled')`,
    ),
    check(
      'platform_approval_decided_ck',
      sql`(${t.status} = 'pending') = (${t.decidedAt} is null) or ${t.status} = 'cancelled'`,
    ),
    index('platform_approval_status_ix').on(t.companyId, t.status, t.createdAt),
  ],
);
