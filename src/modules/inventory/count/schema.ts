// Stock counts (盘点) and their lines.
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { companyId, id, ts, versioned } from '../../../platform/db/columns.ts';
import { company } from '../../../platform/schema.ts';
import { product } from '../../catalog/schema.ts';
import { qty } from '../columns.ts';
import { location, lot, warehouse } from '../warehouse/schema.ts';

export const stockCount = pgTable(
  'inventory_count',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    number: text('number').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    state: text('state').notNull().default('counting'),
    countDate: date('count_date', { mode: 'string' }).notNull(),
    notes: text('notes').notNull().default(''),
    postedAt: ts('posted_at'),
    postedBy: uuid('posted_by'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('inventory_count_number_uq').on(t.companyId, t.number),
    foreignKey({
      columns: [t.companyId, t.warehouseId],
      foreignColumns: [warehouse.companyId, warehouse.id],
    }),
    check('inventory_count_state_ck', sql`${t.state} in ('counting', 'posted', 'cancelled')`),
  ],
);

export const stockCountLine = pgTable(
  'inventory_count_line',
  {
    companyId: companyId(),
    id: id(),
    countId: uuid('count_id').notNull(),
    productId: uuid('product_id').notNull(),
    locationId: uuid('location_id').notNull(),
    lotId: uuid('lot_id'),
    expectedQty: qty('expected_qty').notNull(),
    countedQty: qty('counted_qty'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    unique('inventory_count_line_uq')
      .on(t.companyId, t.countId, t.productId, t.locationId, t.lotId)
      .nullsNotDistinct(),
    foreignKey({ columns: [t.companyId, t.countId], foreignColumns: [stockCount.companyId, stockCount.id] }),
    foreignKey({ columns: [t.companyId, t.productId], foreignColumns: [product.companyId, product.id] }),
    foreignKey({ columns: [t.companyId, t.locationId], foreignColumns: [location.companyId, location.id] }),
    foreignKey({ columns: [t.companyId, t.lotId], foreignColumns: [lot.companyId, lot.id] }),
    check('inventory_count_line_qty_ck', sql`${t.countedQty} is null or ${t.countedQty} >= 0`),
  ],
);
