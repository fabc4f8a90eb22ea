// Collection plans (回款计划): when and how much a customer is expected to pay for an order or contract.
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { companyId, id, ts, versioned } from '../../../platform/db/columns.ts';
import { company, membership } from '../../../platform/schema.ts';
import { customer } from '../../crm/schema.ts';

const money = (name: string) => numeric(name, { precision: 18, scale: 2 });

export const collectionPlan = pgTable(
  'accounting_collection_plan',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    customerId: uuid('customer_id').notNull(),
    /** What the plan collects for: a sales order (sales is higher: no foreign key) or a contract by number. */
    originType: text('origin_type'),
    originId: uuid('origin_id'),
    originNumber: text('origin_number'),
    ownerUserId: uuid('owner_user_id').notNull(),
    currency: text('currency').notNull(),
    state: text('state').notNull().default('open'),
    notes: text('notes').notNull().default(''),
    createdBy: uuid('created_by'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index('accounting_collection_plan_customer_idx').on(t.companyId, t.customerId, t.state),
    index('accounting_collection_plan_origin_idx').on(t.companyId, t.originType, t.originId),
    foreignKey({ columns: [t.companyId, t.customerId], foreignColumns: [customer.companyId, customer.id] }),
    foreignKey({
      columns: [t.companyId, t.ownerUserId],
      foreignColumns: [membership.companyId, membership.userId],
    }),
    check('accounting_collection_plan_state_ck', sql`${t.state} in ('open', 'done', 'cancelled')`),
    check(
      'accounting_collection_plan_origin_ck',
      sql`(${t.originId} is null) or (${t.originType} is not null)`,
    ),
  ],
);

export const collectionPlanLine = pgTable(
  'accounting_collection_plan_line',
  {
    companyId: companyId(),
    id: id(),
    planId: uuid('plan_id').notNull(),
    position: integer('position').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    amount: money('amount').notNull(),
    note: text('note').notNull().default(''),
    /** When the owner was reminded before the date, and told after it passed unpaid (once each). */
    remindedBeforeAt: ts('reminded_before_at'),
    remindedAfterAt: ts('reminded_after_at'),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('accounting_collection_plan_line_pos_uq').on(t.companyId, t.planId, t.position),
    index('accounting_collection_plan_line_due_idx').on(t.companyId, t.dueDate),
    foreignKey({
      columns: [t.companyId, t.planId],
      foreignColumns: [collectionPlan.companyId, collectionPlan.id],
    }).onDelete('cascade'),
    check('accounting_collection_plan_line_amount_ck', sql`${t.amount} > 0`),
  ],
);
