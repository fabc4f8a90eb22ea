import { sql } from 'drizzle-orm';
import { check, foreignKey, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { companyId, createdAt, id, ts, updatedAt, version } from '../../../platform/db/columns.ts';
import { membership } from '../../../platform/schema.ts';
import { contact, customer } from '../customer/schema.ts';
import { lead } from '../lead/schema.ts';
import { opportunity } from '../opportunity/schema.ts';

export const activity = pgTable(
  'crm_activity',
  {
    companyId: companyId(),
    id: id(),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull().default(''),
    customerId: uuid('customer_id'),
    contactId: uuid('contact_id'),
    leadId: uuid('lead_id'),
    opportunityId: uuid('opportunity_id'),
    ownerUserId: uuid('owner_user_id').notNull(),
    startsAt: ts('starts_at'),
    endsAt: ts('ends_at'),
    dueAt: ts('due_at'),
    remindAt: ts('remind_at'),
    remindedAt: ts('reminded_at'),
    doneAt: ts('done_at'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    foreignKey({ columns: [t.companyId, t.customerId], foreignColumns: [customer.companyId, customer.id] }),
    foreignKey({ columns: [t.companyId, t.contactId], foreignColumns: [contact.companyId, contact.id] }),
    foreignKey({ columns: [t.companyId, t.leadId], foreignColumns: [lead.companyId, lead.id] }),
    foreignKey({
      columns: [t.companyId, t.opportunityId],
      foreignColumns: [opportunity.companyId, opportunity.id],
    }),
    foreignKey({
      columns: [t.companyId, t.ownerUserId],
      foreignColumns: [membership.companyId, membership.userId],
    }),
    index('crm_activity_owner_due_ix').on(t.companyId, t.ownerUserId, t.dueAt),
    index('crm_activity_customer_ix').on(t.companyId, t.customerId),
    index('crm_activity_remind_ix')
      .on(t.remindAt)
      .where(sql`${t.remindedAt} is null and ${t.doneAt} is null`),
    check('crm_activity_kind_ck', sql`${t.kind} in ('call', 'meeting', 'visit', 'email', 'note', 'task')`),
    check(
      'crm_activity_time_ck',
      sql`${t.endsAt} is null or ${t.startsAt} is null or ${t.endsAt} >= ${t.startsAt}`,
    ),
  ],
);

/** The secret of each user's iCalendar feed URL (rotatable); stored hashed. */
export const calendarFeed = pgTable(
  'crm_calendar_feed',
  {
    companyId: companyId(),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.userId] }),
    uniqueIndex('crm_calendar_feed_token_uq').on(t.tokenHash),
    foreignKey({
      columns: [t.companyId, t.userId],
      foreignColumns: [membership.companyId, membership.userId],
    }),
  ],
);
