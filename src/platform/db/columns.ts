import { customType, integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Shared column shapes so every table spells them the same way. */
export const companyId = () => uuid('company_id').notNull();
export const id = () => uuid('id').notNull();
export const version = () => integer('version').notNull().default(1);
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
export const createdAt = () => ts('created_at').notNull().defaultNow();
export const updatedAt = () => ts('updated_at').notNull().defaultNow();
/** The optimistic-locking version and the two timestamps every editable business row carries. */
export const versioned = () => ({ version: version(), createdAt: createdAt(), updatedAt: updatedAt() });

/** PostgreSQL's 64-bit transaction id (`pg_current_xact_id()`), kept as text in TypeScript. */
export const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

/** A translatable name: locale → text, e.g. `{ "zh-CN": "千克", "en": "Kilogram" }`. */
export type Translations = Record<string, string>;
