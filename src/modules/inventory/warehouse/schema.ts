// Warehouses, their locations and lots.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Translations } from '../../../platform/db/columns.ts';
import { companyId, id, versioned } from '../../../platform/db/columns.ts';
import { company } from '../../../platform/schema.ts';
import { product } from '../../catalog/schema.ts';

export const warehouse = pgTable(
  'inventory_warehouse',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    code: text('code').notNull(),
    name: jsonb('name').$type<Translations>().notNull(),
    address: text('address').notNull().default(''),
    isDefault: boolean('is_default').notNull().default(false),
    active: boolean('active').notNull().default(true),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('inventory_warehouse_code_uq').on(t.companyId, t.code),
    uniqueIndex('inventory_warehouse_default_uq').on(t.companyId).where(sql`${t.isDefault}`),
  ],
);

/**
 * Internal locations (stock and its shelves, input, output, quality) belong to a warehouse and hold
 * balances; virtual ones (customer, supplier, scrap, adjustment, production) are where goods come
 * from and go to, and hold none.
 */
export const location = pgTable(
  'inventory_location',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    warehouseId: uuid('warehouse_id'),
    code: text('code').notNull(),
    name: jsonb('name').$type<Translations>().notNull(),
    kind: text('kind').notNull(),
    active: boolean('active').notNull().default(true),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('inventory_location_code_uq').on(t.companyId, t.code),
    foreignKey({
      columns: [t.companyId, t.warehouseId],
      foreignColumns: [warehouse.companyId, warehouse.id],
    }),
    check(
      'inventory_location_kind_ck',
      sql`${t.kind} in ('stock', 'input', 'output', 'quality', 'scrap', 'customer', 'supplier', 'adjustment', 'production')`,
    ),
    check(
      'inventory_location_internal_ck',
      sql`(${t.kind} in ('stock', 'input', 'output', 'quality')) = (${t.warehouseId} is not null)`,
    ),
  ],
);

export const lot = pgTable(
  'inventory_lot',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    productId: uuid('product_id').notNull(),
    lotNo: text('lot_no').notNull(),
    expiryDate: date('expiry_date', { mode: 'string' }),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('inventory_lot_no_uq').on(t.companyId, t.productId, t.lotNo),
    foreignKey({ columns: [t.companyId, t.productId], foreignColumns: [product.companyId, product.id] }),
  ],
);

/** A stock document: a delivery to a customer, a receipt, an internal transfer or a return. */
