// Planning inputs: reorder rules (min/max/multiple or make-to-order) and monthly forecasts.
// Re-exported by ../schema.ts so drizzle-kit sees them.
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { companyId, id, versioned } from '../../../platform/db/columns.ts';
import { company } from '../../../platform/schema.ts';
import { product } from '../../catalog/schema.ts';
import { warehouse } from '../../inventory/schema.ts';

const qty = (name: string) => numeric(name, { precision: 18, scale: 4 });

/**
 * How a product is replenished in a warehouse. `reorder`: MRP keeps the projected stock at or above
 * `min_qty`, refilling to `max_qty`; `mto` (make/buy to order): each demand gets its own proposal.
 * Lots are rounded up to `multiple` (0: any quantity).
 */
export const reorderRule = pgTable(
  'manufacturing_reorder_rule',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    productId: uuid('product_id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    route: text('route').notNull().default('reorder'),
    minQty: qty('min_qty').notNull().default('0'),
    maxQty: qty('max_qty').notNull().default('0'),
    multiple: qty('multiple').notNull().default('0'),
    notes: text('notes').notNull().default(''),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('manufacturing_reorder_rule_uq').on(t.companyId, t.productId, t.warehouseId),
    foreignKey({ columns: [t.companyId, t.productId], foreignColumns: [product.companyId, product.id] }),
    foreignKey({
      columns: [t.companyId, t.warehouseId],
      foreignColumns: [warehouse.companyId, warehouse.id],
    }),
    check('manufacturing_reorder_rule_route_ck', sql`${t.route} in ('reorder', 'mto')`),
    check(
      'manufacturing_reorder_rule_qty_ck',
      sql`${t.minQty} >= 0 and ${t.maxQty} >= ${t.minQty} and ${t.multiple} >= 0`,
    ),
  ],
);

/** Expected demand for a product in a warehouse in one month (`month` is its first day). */
export const forecast = pgTable(
  'manufacturing_forecast',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    productId: uuid('product_id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    qty: qty('qty').notNull(),
    notes: text('notes').notNull().default(''),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('manufacturing_forecast_uq').on(t.companyId, t.productId, t.warehouseId, t.month),
    foreignKey({ columns: [t.companyId, t.productId], foreignColumns: [product.companyId, product.id] }),
    foreignKey({
      columns: [t.companyId, t.warehouseId],
      foreignColumns: [warehouse.companyId, warehouse.id],
    }),
    check('manufacturing_forecast_month_ck', sql`extract(day from ${t.month}) = 1`),
    check('manufacturing_forecast_qty_ck', sql`${t.qty} >= 0`),
  ],
);
