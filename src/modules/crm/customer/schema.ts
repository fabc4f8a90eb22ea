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
import { companyId, createdAt, id, ts, updatedAt, version, versioned } from '../../../platform/db/columns.ts';
import { company, department, membership } from '../../../platform/schema.ts';

/**
 * THE customer of the whole system (sales, warehouse, accounting and service point at it).
 * `name_key` is the normalised name (width, case, punctuation, company-form suffix removed) for exact
 * duplicate checks, `name_grams` its character bigrams for fuzzy ones; `search_text` holds name, pinyin,
 * initials, code and tax id; `search_grams` its bigrams, which back fragment search (two Chinese
 * characters, pinyin initials) with a GIN index — trigram indexes miss two-character fragments.
 */
export const customer = pgTable(
  'crm_customer',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    code: text('code').notNull(),
    kind: text('kind').notNull().default('company'),
    name: text('name').notNull(),
    shortName: text('short_name'),
    nameKey: text('name_key').notNull(),
    searchText: text('search_text').notNull(),
    searchGrams: text('search_grams').array().notNull().default(sql`'{}'::text[]`),
    nameGrams: text('name_grams').array().notNull().default(sql`'{}'::text[]`),
    taxId: text('tax_id'),
    industryCode: text('industry_code'),
    sourceCode: text('source_code'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    ownerUserId: uuid('owner_user_id'),
    teamId: uuid('team_id'),
    status: text('status').notNull().default('prospect'),
    creditLimit: numeric('credit_limit', { precision: 18, scale: 2 }),
    currency: text('currency').notNull().default('CNY'),
    paymentTermCode: text('payment_term_code'),
    notes: text('notes').notNull().default(''),
    inPool: boolean('in_pool').notNull().default(false),
    poolSince: ts('pool_since'),
    lastActivityAt: ts('last_activity_at'),
    lastDealAt: ts('last_deal_at'),
    poolWarnedAt: ts('pool_warned_at'),
    mergedIntoId: uuid('merged_into_id'),
    mergedAt: ts('merged_at'),
    createdBy: uuid('created_by'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('crm_customer_code_uq').on(t.companyId, t.code),
    uniqueIndex('crm_customer_tax_id_uq')
      .on(t.companyId, t.taxId)
      .where(sql`${t.taxId} is not null and ${t.mergedIntoId} is null`),
    index('crm_customer_name_key_ix').on(t.companyId, t.nameKey),
    index('crm_customer_owner_ix').on(t.companyId, t.ownerUserId),
    index('crm_customer_grams_ix').using('gin', t.searchGrams),
    index('crm_customer_name_grams_ix').using('gin', t.nameGrams),
    foreignKey({
      columns: [t.companyId, t.ownerUserId],
      foreignColumns: [membership.companyId, membership.userId],
    }),
    foreignKey({ columns: [t.companyId, t.teamId], foreignColumns: [department.companyId, department.id] }),
    foreignKey({ columns: [t.companyId, t.mergedIntoId], foreignColumns: [t.companyId, t.id] }),
    check('crm_customer_kind_ck', sql`${t.kind} in ('company', 'person')`),
    check('crm_customer_status_ck', sql`${t.status} in ('prospect', 'active', 'dormant', 'lost')`),
    check('crm_customer_credit_ck', sql`${t.creditLimit} is null or ${t.creditLimit} >= 0`),
    check('crm_customer_merge_ck', sql`${t.mergedIntoId} is distinct from ${t.id}`),
  ],
);

export const customerAddress = pgTable(
  'crm_customer_address',
  {
    companyId: companyId(),
    id: id(),
    customerId: uuid('customer_id').notNull(),
    kind: text('kind').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    countryCode: text('country_code').notNull().default('CN'),
    regionCode: text('region_code'),
    city: text('city').notNull().default(''),
    line1: text('line1').notNull(),
    line2: text('line2').notNull().default(''),
    postalCode: text('postal_code').notNull().default(''),
    contactName: text('contact_name').notNull().default(''),
    phone: text('phone').notNull().default(''),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    foreignKey({ columns: [t.companyId, t.customerId], foreignColumns: [customer.companyId, customer.id] }),
    index('crm_customer_address_customer_ix').on(t.companyId, t.customerId),
    check('crm_customer_address_kind_ck', sql`${t.kind} in ('billing', 'shipping', 'other')`),
  ],
);

export const contact = pgTable(
  'crm_contact',
  {
    companyId: companyId(),
    id: id(),
    customerId: uuid('customer_id'),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    title: text('title').notNull().default(''),
    phones: text('phones').array().notNull().default(sql`'{}'::text[]`),
    phoneKeys: text('phone_keys').array().notNull().default(sql`'{}'::text[]`),
    email: text('email'),
    wechat: text('wechat'),
    birthday: date('birthday', { mode: 'string' }),
    preferredChannel: text('preferred_channel'),
    notes: text('notes').notNull().default(''),
    ownerUserId: uuid('owner_user_id'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    foreignKey({ columns: [t.companyId, t.customerId], foreignColumns: [customer.companyId, customer.id] }),
    foreignKey({
      columns: [t.companyId, t.ownerUserId],
      foreignColumns: [membership.companyId, membership.userId],
    }),
    index('crm_contact_customer_ix').on(t.companyId, t.customerId),
    index('crm_contact_email_ix').on(t.companyId, sql`lower(${t.email})`),
    index('crm_contact_phone_keys_ix').using('gin', t.phoneKeys),
    check(
      'crm_contact_channel_ck',
      sql`${t.preferredChannel} is null or ${t.preferredChannel} in ('phone', 'email', 'wechat', 'visit', 'sms')`,
    ),
  ],
);

/** Per team (department): when customers return to the public pool, and how many one person may own. */
export const poolRule = pgTable(
  'crm_pool_rule',
  {
    companyId: companyId(),
    teamId: uuid('team_id').notNull(),
    daysWithoutFollowUp: integer('days_without_follow_up').notNull().default(30),
    daysWithoutDeal: integer('days_without_deal').notNull().default(90),
    warnDaysBefore: integer('warn_days_before').notNull().default(3),
    claimLimit: integer('claim_limit').notNull().default(200),
    active: boolean('active').notNull().default(true),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.teamId] }),
    foreignKey({ columns: [t.companyId, t.teamId], foreignColumns: [department.companyId, department.id] }),
    check(
      'crm_pool_rule_days_ck',
      sql`${t.daysWithoutFollowUp} > 0 and ${t.daysWithoutDeal} > 0 and ${t.warnDaysBefore} >= 0`,
    ),
    check('crm_pool_rule_limit_ck', sql`${t.claimLimit} >= 0`),
  ],
);

/** A merge of two customers, with what each module moved, so it can be undone. */
export const customerMerge = pgTable(
  'crm_customer_merge',
  {
    companyId: companyId(),
    id: id(),
    survivorId: uuid('survivor_id').notNull(),
    mergedId: uuid('merged_id').notNull(),
    moved: jsonb('moved').$type<Record<string, string[]>>().notNull().default({}),
    mergedBy: uuid('merged_by').notNull(),
    createdAt: createdAt(),
    undoneAt: ts('undone_at'),
    undoneBy: uuid('undone_by'),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    foreignKey({ columns: [t.companyId, t.survivorId], foreignColumns: [customer.companyId, customer.id] }),
    foreignKey({ columns: [t.companyId, t.mergedId], foreignColumns: [customer.companyId, customer.id] }),
  ],
);

/** The customer page's timeline: one row per business event about the customer, fed by the outbox. */
export const timelineEntry = pgTable(
  'crm_timeline_entry',
  {
    companyId: companyId(),
    id: id(),
    customerId: uuid('customer_id').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    type: text('type').notNull(),
    summary: text('summary').notNull(),
    ref: jsonb('ref').$type<Record<string, unknown>>().notNull().default({}),
    sourceEventId: uuid('source_event_id').notNull(),
    actorUserId: uuid('actor_user_id'),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('crm_timeline_source_uq').on(t.companyId, t.sourceEventId),
    index('crm_timeline_customer_ix').on(t.companyId, t.customerId, t.occurredAt),
    foreignKey({ columns: [t.companyId, t.customerId], foreignColumns: [customer.companyId, customer.id] }),
  ],
);
