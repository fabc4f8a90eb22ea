// Every table inventory owns; drizzle-kit reads this file.
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
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Translations } from '../../platform/db/columns.ts';
import { companyId, createdAt, id, ts, version, versioned } from '../../platform/db/columns.ts';
import { company } from '../../platform/schema.ts';
import { product } from '../catalog/schema.ts';
import { customer } from '../crm/schema.ts';

const qty = (name: string) => numeric(name, { precision: 18, scale: 4 });
const money = (name: string) => numeric(name, { precision: 18, scale: 2 });
const unitCost = (name: string) => numeric(name, { precision: 18, scale: 6 });

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
export const picking = pgTable(
  'inventory_picking',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    number: text('number').notNull(),
    kind: text('kind').notNull(),
    state: text('state').notNull().default('draft'),
    warehouseId: uuid('warehouse_id').notNull(),
    /** The customer (or, later, supplier) party goods go to or come from. */
    partyId: uuid('party_id'),
    /** The document that asked for it (a sales order, a purchase order …): no foreign key, the owner sits above. */
    originType: text('origin_type'),
    originId: uuid('origin_id'),
    originNumber: text('origin_number'),
    scheduledDate: date('scheduled_date', { mode: 'string' }),
    shipTo: jsonb('ship_to').$type<Record<string, string>>(),
    carrier: text('carrier').notNull().default(''),
    trackingNo: text('tracking_no').notNull().default(''),
    notes: text('notes').notNull().default(''),
    backorderOfId: uuid('backorder_of_id'),
    /** A customer return (kind return_in): the delivery whose goods came back. */
    returnOfId: uuid('return_of_id'),
    pickedAt: ts('picked_at'),
    packedAt: ts('packed_at'),
    doneAt: ts('done_at'),
    doneBy: uuid('done_by'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('inventory_picking_number_uq').on(t.companyId, t.number),
    index('inventory_picking_origin_idx').on(t.companyId, t.originType, t.originId),
    index('inventory_picking_open_idx').on(t.companyId, t.warehouseId, t.kind, t.state),
    foreignKey({
      columns: [t.companyId, t.warehouseId],
      foreignColumns: [warehouse.companyId, warehouse.id],
    }),
    foreignKey({ columns: [t.companyId, t.partyId], foreignColumns: [customer.companyId, customer.id] }),
    foreignKey({ columns: [t.companyId, t.backorderOfId], foreignColumns: [t.companyId, t.id] }),
    foreignKey({ columns: [t.companyId, t.returnOfId], foreignColumns: [t.companyId, t.id] }),
    check(
      'inventory_picking_kind_ck',
      sql`${t.kind} in ('delivery', 'receipt', 'internal', 'return_in', 'return_out')`,
    ),
    check(
      'inventory_picking_state_ck',
      sql`${t.state} in ('draft', 'waiting', 'ready', 'picked', 'packed', 'done', 'cancelled')`,
    ),
  ],
);

export const pickingLine = pgTable(
  'inventory_picking_line',
  {
    companyId: companyId(),
    id: id(),
    pickingId: uuid('picking_id').notNull(),
    lineNo: integer('line_no').notNull(),
    productId: uuid('product_id').notNull(),
    /** Demand and done quantities, in the product's stock unit. */
    qty: qty('qty').notNull(),
    qtyDone: qty('qty_done').notNull().default('0'),
    /** Where goods leave from (deliveries) or arrive at (receipts); lots chosen at picking. */
    locationId: uuid('location_id'),
    lotNo: text('lot_no'),
    expiryDate: date('expiry_date', { mode: 'string' }),
    /** The receipt's quality status for returns ('ok' goes back to stock, 'hold' to the quality location). */
    quality: text('quality'),
    originLineId: uuid('origin_line_id'),
    /** A return line: the delivery line it gives back (its qty_done bounds what may come back). */
    returnOfLineId: uuid('return_of_line_id'),
    /** Expected unit cost of a receipt (purchase price), in company currency per stock unit. */
    unitCost: unitCost('unit_cost'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('inventory_picking_line_no_uq').on(t.companyId, t.pickingId, t.lineNo),
    index('inventory_picking_line_origin_idx').on(t.companyId, t.originLineId),
    foreignKey({ columns: [t.companyId, t.pickingId], foreignColumns: [picking.companyId, picking.id] }),
    foreignKey({ columns: [t.companyId, t.productId], foreignColumns: [product.companyId, product.id] }),
    foreignKey({ columns: [t.companyId, t.locationId], foreignColumns: [location.companyId, location.id] }),
    foreignKey({ columns: [t.companyId, t.returnOfLineId], foreignColumns: [t.companyId, t.id] }),
    check(
      'inventory_picking_line_qty_ck',
      sql`${t.qty} > 0 and ${t.qtyDone} >= 0 and ${t.qtyDone} <= ${t.qty}`,
    ),
    check(
      'inventory_picking_line_quality_ck',
      sql`${t.quality} is null or ${t.quality} in ('ok', 'hold', 'scrap')`,
    ),
  ],
);

/**
 * The stock ledger: every change of stock is one immutable move between two locations (a trigger
 * refuses UPDATE and DELETE). On-hand at an internal location is Σ moves in − Σ moves out.
 */
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
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
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
