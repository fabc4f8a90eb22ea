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
import type { Translations } from '../db/columns.ts';
import { companyId, createdAt, id, ts, updatedAt, version } from '../db/columns.ts';

export const company = pgTable(
  'platform_company',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
    currency: text('currency').notNull().default('CNY'),
    locale: text('locale').notNull().default('zh-CN'),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('platform_company_code_uq').on(t.code),
    check('platform_company_currency_ck', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

/** Users are global: one person may belong to several companies. */
export const user = pgTable(
  'platform_user',
  {
    id: uuid('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    locale: text('locale').notNull().default('en'),
    passwordHash: text('password_hash').notNull(),
    disabledAt: ts('disabled_at'),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: ts('locked_until'),
    lastLoginAt: ts('last_login_at'),
    passwordChangedAt: ts('password_changed_at').notNull().defaultNow(),
    defaultCompanyId: uuid('default_company_id').references(() => company.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('platform_user_email_uq').on(sql`lower(${t.email})`),
    check('platform_user_email_ck', sql`${t.email} ~ '^[^@\\s]+@[^@\\s]+$'`),
  ],
);

export const department = pgTable(
  'platform_department',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    code: text('code').notNull(),
    name: jsonb('name').$type<Translations>().notNull(),
    parentId: uuid('parent_id'),
    managerUserId: uuid('manager_user_id').references(() => user.id),
    active: boolean('active').notNull().default(true),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('platform_department_code_uq').on(t.companyId, t.code),
    foreignKey({ columns: [t.companyId, t.parentId], foreignColumns: [t.companyId, t.id] }),
    check('platform_department_parent_ck', sql`${t.parentId} is distinct from ${t.id}`),
  ],
);

export const role = pgTable(
  'platform_role',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    code: text('code').notNull(),
    name: jsonb('name').$type<Translations>().notNull(),
    builtIn: boolean('built_in').notNull().default(false),
    permissions: text('permissions').array().notNull().default(sql`'{}'::text[]`),
    recordScope: text('record_scope').notNull().default('company'),
    fieldMasks: jsonb('field_masks').$type<Record<string, string[]>>().notNull().default({}),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('platform_role_code_uq').on(t.companyId, t.code),
    check('platform_role_scope_ck', sql`${t.recordScope} in ('own', 'team', 'company')`),
  ],
);

export const membership = pgTable(
  'platform_membership',
  {
    companyId: companyId().references(() => company.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id),
    departmentId: uuid('department_id'),
    active: boolean('active').notNull().default(true),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.userId] }),
    foreignKey({
      columns: [t.companyId, t.departmentId],
      foreignColumns: [department.companyId, department.id],
    }),
    index('platform_membership_user_ix').on(t.userId),
  ],
);

export const userRole = pgTable(
  'platform_user_role',
  {
    companyId: companyId(),
    userId: uuid('user_id').notNull(),
    roleId: uuid('role_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.userId, t.roleId] }),
    foreignKey({
      columns: [t.companyId, t.userId],
      foreignColumns: [membership.companyId, membership.userId],
    }),
    foreignKey({ columns: [t.companyId, t.roleId], foreignColumns: [role.companyId, role.id] }),
  ],
);
