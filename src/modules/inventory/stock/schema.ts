// The stock ledger and what is derived from it: balances, reservations, valuation, safety levels, needs.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { companyId, createdAt, id, ts, version, versioned } from '../../../platform/db/columns.ts';
import { company } from '../../../platform/schema.ts';
import { product } from '../../catalog/schema.ts';
import { money, qty, unitCost } from '../columns.ts';
import { picking, pickingLine } from '../picking/schema.ts';
import { location, lot, warehouse } from '../warehouse/schema.ts';

export const move = pgTable(
  'inventory_move',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    kind: text('kind').notNull(),
    productId: uuid('product_id').notNull(),
    fromLocationId: uuid('from_location_id').notNull(),
    toLocationId: uuid('to_location_id').notNull(),
    lotId: uuid('lot_id'),
    /** Always positive, in the product's stock unit: the direction is from → to. */
    qty: qty('qty').notNull(),
    /** Company-currency cost per stock unit the move was valued at, and qty × it. */
    unitCost: unitCost('unit_cost').notNull().default('0'),
    value: money('value').notNull().default('0'),
    moveDate: date('move_date', { mode: 'string' }).notNull(),
    pickingId: uuid('picking_id'),
    pickingLineId: uuid('picking_line_id'),
    countId: uuid('count_id'),
    originType: text('origin_type'),
    originId: uuid('origin_id'),
    originLineId: uuid('origin_line_id'),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by'),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index('inventory_move_product_idx').on(t.companyId, t.productId, t.createdAt),
    index('inventory_move_picking_idx').on(t.companyId, t.pickingId),
    index('inventory_move_origin_idx').on(t.companyId, t.originType, t.originId),
    foreignKey({ columns: [t.companyId, t.productId], foreignColumns: [product.companyId, product.id] }),
    foreignKey({
      columns: [t.companyId, t.fromLocationId],
      foreignColumns: [location.companyId, location.id],
    }),
    foreignKey({ columns: [t.companyId, t.toLocationId], foreignColumns: [location.companyId, location.id] }),
    foreignKey({ columns: [t.companyId, t.lotId], foreignColumns: [lot.companyId, lot.id] }),
    foreignKey({ columns: [t.companyId, t.pickingId], foreignColumns: [picking.companyId, picking.id] }),
    foreignKey({
      columns: [t.companyId, t.pickingLineId],
      foreignColumns: [pickingLine.companyId, pickingLine.id],
    }),
    check(
      'inventory_move_kind_ck',
      sql`${t.kind} in ('receipt', 'delivery', 'transfer', 'adjustment', 'scrap', 'production_in', 'production_out', 'return_in', 'return_out')`,
    ),
    check('inventory_move_qty_ck', sql`${t.qty} > 0`),
    check('inventory_move_cost_ck', sql`${t.unitCost} >= 0`),
    check('inventory_move_locations_ck', sql`${t.fromLocationId} <> ${t.toLocationId}`),
  ],
);

/**
 * On hand and reserved per product, internal location and lot, updated in the same transaction as
 * each move and reservation. `allow_negative` copies the company setting when the row is written,
 * so the CHECK can refuse negative stock where the company does not allow it.
 */
export const balance = pgTable(
  'inventory_balance',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    productId: uuid('product_id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    locationId: uuid('location_id').notNull(),
    lotId: uuid('lot_id'),
    onHand: qty('on_hand').notNull().default('0'),
    reserved: qty('reserved').notNull().default('0'),
    allowNegative: boolean('allow_negative').notNull().default(false),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    unique('inventory_balance_key_uq').on(t.companyId, t.productId, t.locationId, t.lotId).nullsNotDistinct(),
    index('inventory_balance_wh_idx').on(t.companyId, t.productId, t.warehouseId),
    foreignKey({ columns: [t.companyId, t.productId], foreignColumns: [product.companyId, product.id] }),
    foreignKey({
      columns: [t.companyId, t.warehouseId],
      foreignColumns: [warehouse.companyId, warehouse.id],
    }),
    foreignKey({ columns: [t.companyId, t.locationId], foreignColumns: [location.companyId, location.id] }),
    foreignKey({ columns: [t.companyId, t.lotId], foreignColumns: [lot.companyId, lot.id] }),
    check(
      'inventory_balance_qty_ck',
      sql`${t.reserved} >= 0 and (${t.allowNegative} or (${t.onHand} >= 0 and ${t.reserved} <= ${t.onHand}))`,
    ),
  ],
);

/** Stock held for a document line (a sales order line …) at one balance; `qty` is what is still held. */
export const reservation = pgTable(
  'inventory_reservation',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    balanceId: uuid('balance_id').notNull(),
    productId: uuid('product_id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    qty: qty('qty').notNull(),
    state: text('state').notNull().default('active'),
    originType: text('origin_type').notNull(),
    originId: uuid('origin_id').notNull(),
    originLineId: uuid('origin_line_id').notNull(),
    pickingLineId: uuid('picking_line_id'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index('inventory_reservation_origin_idx').on(t.companyId, t.originType, t.originId),
    index('inventory_reservation_balance_idx').on(t.companyId, t.balanceId).where(sql`${t.state} = 'active'`),
    foreignKey({ columns: [t.companyId, t.balanceId], foreignColumns: [balance.companyId, balance.id] }),
    foreignKey({ columns: [t.companyId, t.productId], foreignColumns: [product.companyId, product.id] }),
    foreignKey({
      columns: [t.companyId, t.pickingLineId],
      foreignColumns: [pickingLine.companyId, pickingLine.id],
    }),
    check('inventory_reservation_qty_ck', sql`${t.qty} >= 0 and (${t.state} <> 'active' or ${t.qty} > 0)`),
    check('inventory_reservation_state_ck', sql`${t.state} in ('active', 'done', 'released')`),
  ],
);

/** Valuation per product (company-wide): quantity and value of stock in internal locations. */
export const cost = pgTable(
  'inventory_cost',
  {
    companyId: companyId().references(() => company.id),
    productId: uuid('product_id').notNull(),
    qty: qty('qty').notNull().default('0'),
    value: money('value').notNull().default('0'),
    avgCost: unitCost('avg_cost').notNull().default('0'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.productId] }),
    foreignKey({ columns: [t.companyId, t.productId], foreignColumns: [product.companyId, product.id] }),
    check('inventory_cost_avg_ck', sql`${t.avgCost} >= 0`),
  ],
);

/** Month-end weighted average (月末一次加权平均): one row per product and closed month. */
export const costPeriod = pgTable(
  'inventory_cost_period',
  {
    companyId: companyId().references(() => company.id),
    productId: uuid('product_id').notNull(),
    period: text('period').notNull(),
    openingQty: qty('opening_qty').notNull(),
    openingValue: money('opening_value').notNull(),
    inQty: qty('in_qty').notNull(),
    inValue: money('in_value').notNull(),
    outQty: qty('out_qty').notNull(),
    outValue: money('out_value').notNull(),
    avgCost: unitCost('avg_cost').notNull(),
    /** The correction booked so the month's issues carry the weighted average (value at close − value issued). */
    adjustment: money('adjustment').notNull().default('0'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.productId, t.period] }),
    foreignKey({ columns: [t.companyId, t.productId], foreignColumns: [product.companyId, product.id] }),
    check('inventory_cost_period_ck', sql`${t.period} ~ '^[0-9]{4}-[0-9]{2}$'`),
  ],
);

/** The safety level of a product in a warehouse; `below_since` remembers an alert already sent. */
export const safetyLevel = pgTable(
  'inventory_safety_level',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    productId: uuid('product_id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    safetyQty: qty('safety_qty').notNull(),
    belowSince: ts('below_since'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('inventory_safety_level_uq').on(t.companyId, t.productId, t.warehouseId),
    foreignKey({ columns: [t.companyId, t.productId], foreignColumns: [product.companyId, product.id] }),
    foreignKey({
      columns: [t.companyId, t.warehouseId],
      foreignColumns: [warehouse.companyId, warehouse.id],
    }),
    check('inventory_safety_level_qty_ck', sql`${t.safetyQty} >= 0`),
  ],
);

/** What a document needs and the warehouse could not reserve: purchasing and production consume these. */
export const procurementNeed = pgTable(
  'inventory_procurement_need',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    productId: uuid('product_id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    qty: qty('qty').notNull(),
    qtyFilled: qty('qty_filled').notNull().default('0'),
    method: text('method').notNull(),
    neededBy: date('needed_by', { mode: 'string' }),
    state: text('state').notNull().default('open'),
    originType: text('origin_type').notNull(),
    originId: uuid('origin_id').notNull(),
    originLineId: uuid('origin_line_id'),
    originNumber: text('origin_number'),
    /** Set when planned: when the goods are expected, and the document that will bring them (PO, MO). */
    expectedDate: date('expected_date', { mode: 'string' }),
    plannedByType: text('planned_by_type'),
    plannedById: uuid('planned_by_id'),
    plannedByNumber: text('planned_by_number'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    check(
      'inventory_procurement_need_planned_by_ck',
      sql`(${t.plannedByType} is null) = (${t.plannedById} is null) and (${t.plannedById} is null) = (${t.plannedByNumber} is null)`,
    ),
    index('inventory_procurement_need_open_idx').on(t.companyId, t.state, t.productId),
    index('inventory_procurement_need_origin_idx').on(t.companyId, t.originType, t.originId),
    foreignKey({ columns: [t.companyId, t.productId], foreignColumns: [product.companyId, product.id] }),
    foreignKey({
      columns: [t.companyId, t.warehouseId],
      foreignColumns: [warehouse.companyId, warehouse.id],
    }),
    check('inventory_procurement_need_qty_ck', sql`${t.qty} > 0 and ${t.qtyFilled} >= 0`),
    check('inventory_procurement_need_method_ck', sql`${t.method} in ('buy', 'make')`),
    check('inventory_procurement_need_state_ck', sql`${t.state} in ('open', 'planned', 'done', 'cancelled')`),
  ],
);

/** A stock count (盘点): expected quantities frozen at start, counted ones entered, differences posted. */
