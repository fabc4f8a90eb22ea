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
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { companyId, createdAt, id, ts, updatedAt, version, versioned } from '../../../platform/db/columns.ts';
import { department, membership } from '../../../platform/schema.ts';

export const lead = pgTable(
  'crm_lead',
  {
    companyId: companyId(),
    id: id(),
    status: text('status').notNull().default('new'),
    sourceCode: text('source_code'),
    companyName: text('company_name').notNull().default(''),
    contactName: text('contact_name').notNull(),
    nameKey: text('name_key').notNull().default(''),
    phone: text('phone').notNull().default(''),
    phoneKey: text('phone_key').notNull().default(''),
    email: text('email'),
    regionCode: text('region_code'),
    message: text('message').notNull().default(''),
    ownerUserId: uuid('owner_user_id'),
    teamId: uuid('team_id'),
    lostReasonCode: text('lost_reason_code'),
    formId: uuid('form_id'),
    convertedCustomerId: uuid('converted_customer_id'),
    convertedContactId: uuid('converted_contact_id'),
    convertedOpportunityId: uuid('converted_opportunity_id'),
    convertedAt: ts('converted_at'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    foreignKey({
      columns: [t.companyId, t.ownerUserId],
      foreignColumns: [membership.companyId, membership.userId],
    }),
    foreignKey({ columns: [t.companyId, t.teamId], foreignColumns: [department.companyId, department.id] }),
    index('crm_lead_owner_ix').on(t.companyId, t.ownerUserId, t.status),
    index('crm_lead_phone_ix').on(t.companyId, t.phoneKey),
    check('crm_lead_status_ck', sql`${t.status} in ('new', 'contacted', 'qualified', 'converted', 'lost')`),
    check('crm_lead_lost_ck', sql`${t.status} <> 'lost' or ${t.lostReasonCode} is not null`),
  ],
);

/** A public web form: its key is the only credential of `POST /api/v1/public/forms/{key}`. */
export const webForm = pgTable(
  'crm_web_form',
  {
    companyId: companyId(),
    id: id(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    sourceCode: text('source_code'),
    teamId: uuid('team_id'),
    active: boolean('active').notNull().default(true),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('crm_web_form_key_uq').on(t.key),
    foreignKey({ columns: [t.companyId, t.teamId], foreignColumns: [department.companyId, department.id] }),
  ],
);

/** Lead assignment: the first active rule (by priority) whose source/region match decides the owner. */
export const assignmentRule = pgTable(
  'crm_assignment_rule',
  {
    companyId: companyId(),
    id: id(),
    priority: integer('priority').notNull().default(100),
    name: text('name').notNull(),
    matchSourceCode: text('match_source_code'),
    matchRegionCode: text('match_region_code'),
    teamId: uuid('team_id'),
    strategy: text('strategy').notNull().default('round_robin'),
    userIds: uuid('user_ids').array().notNull().default(sql`'{}'::uuid[]`),
    cursor: integer('cursor').notNull().default(0),
    fallbackUserId: uuid('fallback_user_id'),
    active: boolean('active').notNull().default(true),
    conditions: jsonb('conditions').$type<Record<string, unknown>>().notNull().default({}),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    foreignKey({ columns: [t.companyId, t.teamId], foreignColumns: [department.companyId, department.id] }),
    foreignKey({
      columns: [t.companyId, t.fallbackUserId],
      foreignColumns: [membership.companyId, membership.userId],
    }),
    check(
      'crm_assignment_rule_strategy_ck',
      sql`${t.strategy} in ('round_robin', 'team_round_robin', 'fixed')`,
    ),
  ],
);
