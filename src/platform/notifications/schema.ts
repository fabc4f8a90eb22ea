import { foreignKey, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { companyId, createdAt, id, ts } from '../db/columns.ts';
import { company, membership } from '../org/schema.ts';

export const notification = pgTable(
  'platform_notification',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link'),
    readAt: ts('read_at'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    foreignKey({
      columns: [t.companyId, t.userId],
      foreignColumns: [membership.companyId, membership.userId],
    }),
    index('platform_notification_user_ix').on(t.companyId, t.userId, t.createdAt),
  ],
);
