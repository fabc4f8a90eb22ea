import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { Translations } from '../db/columns.ts';
import { companyId, createdAt, id, updatedAt, version, versioned } from '../db/columns.ts';
import { company } from '../org/schema.ts';

export const currency = pgTable(
  'platform_currency',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    code: text('code').notNull(),
    name: jsonb('name').$type<Translations>().notNull(),
    symbol: text('symbol').notNull().default(''),
    decimals: smallint('decimals').notNull().default(2),
    active: boolean('active').notNull().default(true),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    unique('platform_currency_code_uq').on(t.companyId, t.code),
    check('platform_currency_code_ck', sql`${t.code} ~ '^[A-Z]{3}$'`),
    check('platform_currency_decimals_ck', sql`${t.decimals} between 0 and 4`),
  ],
);

export const exchangeRate = pgTable(
  'platform_exchange_rate',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    currencyCode: text('currency_code').notNull(),
    rateDate: date('rate_date', { mode: 'string' }).notNull(),
    /** Units of company currency for one unit of the foreign currency. */
    rate: numeric('rate', { precision: 20, scale: 10 }).notNull(),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('platform_exchange_rate_day_uq').on(t.companyId, t.currencyCode, t.rateDate),
    foreignKey({
      columns: [t.companyId, t.currencyCode],
      foreignColumns: [currency.companyId, currency.code],
    }),
    check('platform_exchange_rate_positive_ck', sql`${t.rate} > 0`),
  ],
);

export const taxCode = pgTable(
  'platform_tax_code',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    code: text('code').notNull(),
    name: jsonb('name').$type<Translations>().notNull(),
    kind: text('kind').notNull(),
    rate: numeric('rate', { precision: 9, scale: 6 }).notNull(),
    priceIncluded: boolean('price_included').notNull().default(false),
    active: boolean('active').notNull().default(true),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('platform_tax_code_uq').on(t.companyId, t.code),
    check('platform_tax_code_kind_ck', sql`${t.kind} in ('output', 'input')`),
    check('platform_tax_code_rate_ck', sql`${t.rate} >= 0 and ${t.rate} < 1`),
  ],
);

export const paymentTerm = pgTable(
  'platform_payment_term',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    code: text('code').notNull(),
    name: jsonb('name').$type<Translations>().notNull(),
    dueDays: integer('due_days').notNull(),
    endOfMonth: boolean('end_of_month').notNull().default(false),
    active: boolean('active').notNull().default(true),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('platform_payment_term_uq').on(t.companyId, t.code),
    check('platform_payment_term_days_ck', sql`${t.dueDays} between 0 and 3650`),
  ],
);

export const unitOfMeasure = pgTable(
  'platform_uom',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    code: text('code').notNull(),
    name: jsonb('name').$type<Translations>().notNull(),
    category: text('category').notNull(),
    /** How many reference units of the category one of this unit is (box of 12 → 12). */
    factor: numeric('factor', { precision: 20, scale: 10 }).notNull().default('1'),
    active: boolean('active').notNull().default(true),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('platform_uom_code_uq').on(t.companyId, t.code),
    check('platform_uom_factor_ck', sql`${t.factor} > 0`),
  ],
);

/** Countries and their subdivisions (ISO 3166): global reference data, shared by all companies. */
export const region = pgTable('platform_region', {
  code: text('code').primaryKey(),
  parentCode: text('parent_code'),
  level: text('level').notNull(),
  name: jsonb('name').$type<Translations>().notNull(),
});

/** Editable dictionaries (industry, lead source, lost reason …): one table, keyed by dictionary. */
export const dictionaryEntry = pgTable(
  'platform_dictionary_entry',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    dictionary: text('dictionary').notNull(),
    code: text('code').notNull(),
    name: jsonb('name').$type<Translations>().notNull(),
    sort: integer('sort').notNull().default(0),
    active: boolean('active').notNull().default(true),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('platform_dictionary_entry_uq').on(t.companyId, t.dictionary, t.code),
  ],
);

export const referenceTables = {
  currency,
  exchangeRate,
  taxCode,
  paymentTerm,
  unitOfMeasure,
  dictionaryEntry,
};
