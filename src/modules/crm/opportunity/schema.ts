import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Translations } from '../../../platform/db/columns.ts';
import { companyId, createdAt, id, ts, updatedAt, version, versioned } from '../../../platform/db/columns.ts';
import { department, membership } from '../../../platform/schema.ts';
import { contact, customer } from '../customer/schema.ts';

export const pipeline = pgTable(
  'crm_pipeline',
  {
    companyId: companyId(),
    id: id(),
    code: text('code').notNull(),
    name: jsonb('name').$type<Translations>().notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    active: boolean('active').notNull().default(true),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('crm_pipeline_code_uq').on(t.companyId, t.code),
  ],
);

export const stage = pgTable(
  'crm_stage',
  {
    companyId: companyId(),
    id: id(),
    pipelineId: uuid('pipeline_id').notNull(),
    code: text('code').notNull(),
    name: jsonb('name').$type<Translations>().notNull(),
    sort: integer('sort').notNull(),
    probability: integer('probability').notNull(),
    outcome: text('outcome').notNull().default('open'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('crm_stage_code_uq').on(t.companyId, t.pipelineId, t.code),
    foreignKey({ columns: [t.companyId, t.pipelineId], foreignColumns: [pipeline.companyId, pipeline.id] }),
    check('crm_stage_probability_ck', sql`${t.probability} between 0 and 100`),
    check('crm_stage_outcome_ck', sql`${t.outcome} in ('open', 'won', 'lost')`),
  ],
);

export const opportunity = pgTable(
  'crm_opportunity',
  {
    companyId: companyId(),
    id: id(),
    name: text('name').notNull(),
    customerId: uuid('customer_id').notNull(),
    contactId: uuid('contact_id'),
    pipelineId: uuid('pipeline_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    status: text('status').notNull().default('open'),
    amount: numeric('amount', { precision: 18, scale: 2 }).notNull().default('0'),
    currency: text('currency').notNull().default('CNY'),
    probability: integer('probability').notNull(),
    expectedCloseDate: date('expected_close_date', { mode: 'string' }),
    ownerUserId: uuid('owner_user_id'),
    teamId: uuid('team_id'),
    competitor: text('competitor').notNull().default(''),
    nextStep: text('next_step').notNull().default(''),
    products: jsonb('products')
      .$type<Array<{ productId?: string; name: string; quantity?: string }>>()
      .notNull()
      .default([]),
    lostReasonCode: text('lost_reason_code'),
    closedAt: ts('closed_at'),
    leadId: uuid('lead_id'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    foreignKey({ columns: [t.companyId, t.customerId], foreignColumns: [customer.companyId, customer.id] }),
    foreignKey({ columns: [t.companyId, t.contactId], foreignColumns: [contact.companyId, contact.id] }),
    foreignKey({ columns: [t.companyId, t.stageId], foreignColumns: [stage.companyId, stage.id] }),
    foreignKey({ columns: [t.companyId, t.pipelineId], foreignColumns: [pipeline.companyId, pipeline.id] }),
    foreignKey({
      columns: [t.companyId, t.ownerUserId],
      foreignColumns: [membership.companyId, membership.userId],
    }),
    foreignKey({ columns: [t.companyId, t.teamId], foreignColumns: [department.companyId, department.id] }),
    index('crm_opportunity_customer_ix').on(t.companyId, t.customerId),
    index('crm_opportunity_owner_ix').on(t.companyId, t.ownerUserId, t.status),
    check('crm_opportunity_status_ck', sql`${t.status} in ('open', 'won', 'lost')`),
    check('crm_opportunity_amount_ck', sql`${t.amount} >= 0`),
    check('crm_opportunity_probability_ck', sql`${t.probability} between 0 and 100`),
  ],
);

export const stageChange = pgTable(
  'crm_opportunity_stage_change',
  {
    companyId: companyId(),
    id: id(),
    opportunityId: uuid('opportunity_id').notNull(),
    fromStageId: uuid('from_stage_id'),
    toStageId: uuid('to_stage_id').notNull(),
    changedBy: uuid('changed_by'),
    changedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    foreignKey({
      columns: [t.companyId, t.opportunityId],
      foreignColumns: [opportunity.companyId, opportunity.id],
    }),
    index('crm_stage_change_opportunity_ix').on(t.companyId, t.opportunityId, t.changedAt),
  ],
);

/** 销售目标 / 回款目标: per person or team and month. */
export const target = pgTable(
  'crm_target',
  {
    companyId: companyId(),
    id: id(),
    kind: text('kind').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    userId: uuid('user_id'),
    teamId: uuid('team_id'),
    amount: numeric('amount', { precision: 18, scale: 2 }).notNull(),
    currency: text('currency').notNull().default('CNY'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    foreignKey({
      columns: [t.companyId, t.userId],
      foreignColumns: [membership.companyId, membership.userId],
    }),
    foreignKey({ columns: [t.companyId, t.teamId], foreignColumns: [department.companyId, department.id] }),
    uniqueIndex('crm_target_uq').on(t.companyId, t.kind, t.month, sql`coalesce(${t.userId}, ${t.teamId})`),
    check('crm_target_kind_ck', sql`${t.kind} in ('sales', 'collection')`),
    check('crm_target_who_ck', sql`(${t.userId} is null) <> (${t.teamId} is null)`),
    check('crm_target_month_ck', sql`extract(day from ${t.month}) = 1`),
    check('crm_target_amount_ck', sql`${t.amount} >= 0`),
  ],
);
