import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, ts } from '../db/columns.ts';
import { company } from '../org/schema.ts';

/** Mail outbox: queued in the business transaction, sent after commit (or kept for the UI without SMTP). */
export const mail = pgTable(
  'platform_mail',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id').references(() => company.id),
    kind: text('kind').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: ts('sent_at'),
  },
  (t) => [
    check('platform_mail_status_ck', sql`${t.status} in ('queued', 'sent', 'stored', 'failed')`),
    index('platform_mail_queued_ix').on(t.createdAt).where(sql`${t.status} = 'queued'`),
  ],
);
