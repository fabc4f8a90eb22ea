// Every table manufacturing owns (BOMs and production orders); drizzle-kit reads this file.
// Planning and MRP (planning/, mrp/) add their tables through their own schema files re-exported here.
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { companyId, createdAt, id, ts, version, versioned } from '../../platform/db/columns.ts';
import { company } from '../../platform/schema.ts';
import { product } from '../catalog/schema.ts';
import { warehouse } from '../inventory/schema.ts';

const qty = (name: string) => numeric(name, { precision: 18, scale: 4 });
const money = (name: string) => numeric(name, { precision: 18, scale: 2 });
const unitCost = (name: string) => numeric(name, { precision: 18, scale: 6 });

/**
 * A bill of materials: how to make `output_qty` units of a product. `revision` numbers the versions of
 * one product's BOM (the `version` column is the optimistic lock every table carries). At most one
 * active BOM covers a product on a date (checked under a lock when activating).
 */
export const bom = pgTable(
  'manufacturing_bom',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    productId: uuid('product_id').notNull(),
    code: text('code').notNull(),
    revision: integer('revision').notNull().default(1),
    outputQty: qty('output_qty').notNull().default('1'),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    state: text('state').notNull().default('draft'),
    leadTimeDays: integer('lead_time_days').notNull().default(1),
    /** Company-currency cost per unit of output added on top of the components. */
    labourCostPerUnit: unitCost('labour_cost_per_unit').notNull().default('0'),
    overheadCostPerUnit: unitCost('overhead_cost_per_unit').notNull().default('0'),
    notes: text('notes').notNull().default(''),
    activatedAt: ts('activated_at'),
    archivedAt: ts('archived_at'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('manufacturing_bom_code_uq').on(t.companyId, t.code, t.revision),
    uniqueIndex('manufacturing_bom_revision_uq').on(t.companyId, t.productId, t.revision),
    index('manufacturing_bom_active_idx').on(t.companyId, t.productId).where(sql`${t.state} = 'active'`),
    foreignKey({ columns: [t.companyId, t.productId], foreignColumns: [product.companyId, product.id] }),
    check('manufacturing_bom_state_ck', sql`${t.state} in ('draft', 'active', 'archived')`),
    check('manufacturing_bom_output_ck', sql`${t.outputQty} > 0`),
    check('manufacturing_bom_lead_ck', sql`${t.leadTimeDays} >= 0`),
    check('manufacturing_bom_cost_ck', sql`${t.labourCostPerUnit} >= 0 and ${t.overheadCostPerUnit} >= 0`),
    check(
      'manufacturing_bom_validity_ck',
      sql`${t.validFrom} is null or ${t.validTo} is null or ${t.validFrom} <= ${t.validTo}`,
    ),
  ],
);

/**
 * A component line: `qty` per the BOM's `output_qty`, plus `scrap_pct` lost in production. A line with
 * `substitute_of` is an alternative to that line (used instead of it, never on top of it).
 */
export const bomLine = pgTable(
  'manufacturing_bom_line',
  {
    companyId: companyId(),
    id: id(),
    bomId: uuid('bom_id').notNull(),
    position: integer('position').notNull(),
    componentId: uuid('component_id').notNull(),
    qty: qty('qty').notNull(),
    scrapPct: numeric('scrap_pct', { precision: 6, scale: 3 }).notNull().default('0'),
    substituteOf: uuid('substitute_of'),
    notes: text('notes').notNull().default(''),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('manufacturing_bom_line_position_uq').on(t.companyId, t.bomId, t.position),
    index('manufacturing_bom_line_component_idx').on(t.companyId, t.componentId),
    foreignKey({ columns: [t.companyId, t.bomId], foreignColumns: [bom.companyId, bom.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.companyId, t.componentId], foreignColumns: [product.companyId, product.id] }),
    foreignKey({ columns: [t.companyId, t.substituteOf], foreignColumns: [t.companyId, t.id] }),
    check('manufacturing_bom_line_qty_ck', sql`${t.qty} > 0`),
    check('manufacturing_bom_line_scrap_ck', sql`${t.scrapPct} >= 0 and ${t.scrapPct} < 100`),
    check(
      'manufacturing_bom_line_substitute_ck',
      sql`${t.substituteOf} is null or ${t.substituteOf} <> ${t.id}`,
    ),
  ],
);

/**
 * A production order (MO-2025-0001): make `qty` of a product in a warehouse from the components of a BOM.
 * `consumed_value` is what left stock into production (WIP), `produced_value` what came back as output.
 */
export const productionOrder = pgTable(
  'manufacturing_production_order',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    number: text('number').notNull(),
    state: text('state').notNull().default('draft'),
    productId: uuid('product_id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    bomId: uuid('bom_id').notNull(),
    qty: qty('qty').notNull(),
    qtyProduced: qty('qty_produced').notNull().default('0'),
    qtyScrapped: qty('qty_scrapped').notNull().default('0'),
    plannedStart: date('planned_start', { mode: 'string' }),
    plannedFinish: date('planned_finish', { mode: 'string' }),
    labourCostPerUnit: unitCost('labour_cost_per_unit').notNull().default('0'),
    overheadCostPerUnit: unitCost('overhead_cost_per_unit').notNull().default('0'),
    consumedValue: money('consumed_value').notNull().default('0'),
    producedValue: money('produced_value').notNull().default('0'),
    /** Component value released to output so far (the rest of consumed_value is still in WIP). */
    releasedValue: money('released_value').notNull().default('0'),
    /** Who asked for it (a sales order, an MRP run …) — no foreign key, the owner may sit above. */
    originType: text('origin_type'),
    originId: uuid('origin_id'),
    originNumber: text('origin_number'),
    needId: uuid('need_id'),
    notes: text('notes').notNull().default(''),
    confirmedAt: ts('confirmed_at'),
    startedAt: ts('started_at'),
    doneAt: ts('done_at'),
    cancelledAt: ts('cancelled_at'),
    createdBy: uuid('created_by'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('manufacturing_production_order_number_uq').on(t.companyId, t.number),
    index('manufacturing_production_order_open_idx')
      .on(t.companyId, t.productId)
      .where(sql`${t.state} in ('draft', 'planned', 'confirmed', 'in_progress')`),
    index('manufacturing_production_order_origin_idx').on(t.companyId, t.originType, t.originId),
    uniqueIndex('manufacturing_production_order_need_uq')
      .on(t.companyId, t.needId)
      .where(sql`${t.needId} is not null and ${t.state} <> 'cancelled'`),
    foreignKey({ columns: [t.companyId, t.productId], foreignColumns: [product.companyId, product.id] }),
    foreignKey({
      columns: [t.companyId, t.warehouseId],
      foreignColumns: [warehouse.companyId, warehouse.id],
    }),
    foreignKey({ columns: [t.companyId, t.bomId], foreignColumns: [bom.companyId, bom.id] }),
    check(
      'manufacturing_production_order_state_ck',
      sql`${t.state} in ('draft', 'planned', 'confirmed', 'in_progress', 'done', 'cancelled')`,
    ),
    check(
      'manufacturing_production_order_qty_ck',
      sql`${t.qty} > 0 and ${t.qtyProduced} >= 0 and ${t.qtyScrapped} >= 0`,
    ),
    check(
      'manufacturing_production_order_value_ck',
      sql`${t.consumedValue} >= 0 and ${t.releasedValue} >= 0 and ${t.releasedValue} <= ${t.consumedValue}`,
    ),
    check(
      'manufacturing_production_order_dates_ck',
      sql`${t.plannedStart} is null or ${t.plannedFinish} is null or ${t.plannedStart} <= ${t.plannedFinish}`,
    ),
  ],
);

/** A component of a production order: planned from the BOM (scaled, scrap included), consumed as it goes. */
export const productionOrderLine = pgTable(
  'manufacturing_production_order_line',
  {
    companyId: companyId(),
    id: id(),
    orderId: uuid('order_id').notNull(),
    position: integer('position').notNull(),
    productId: uuid('product_id').notNull(),
    bomLineId: uuid('bom_line_id'),
    /** A substitute component: the order line it may replace (planned 0, consumed instead of that line). */
    substituteOf: uuid('substitute_of'),
    qtyPlanned: qty('qty_planned').notNull(),
    qtyConsumed: qty('qty_consumed').notNull().default('0'),
    consumedValue: money('consumed_value').notNull().default('0'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('manufacturing_production_order_line_position_uq').on(t.companyId, t.orderId, t.position),
    index('manufacturing_production_order_line_product_idx').on(t.companyId, t.productId),
    foreignKey({
      columns: [t.companyId, t.orderId],
      foreignColumns: [productionOrder.companyId, productionOrder.id],
    }),
    foreignKey({ columns: [t.companyId, t.productId], foreignColumns: [product.companyId, product.id] }),
    foreignKey({ columns: [t.companyId, t.bomLineId], foreignColumns: [bomLine.companyId, bomLine.id] }),
    foreignKey({ columns: [t.companyId, t.substituteOf], foreignColumns: [t.companyId, t.id] }),
    check(
      'manufacturing_production_order_line_qty_ck',
      sql`${t.qtyPlanned} >= 0 and ${t.qtyConsumed} >= 0 and ${t.consumedValue} >= 0`,
    ),
  ],
);

/** One production step's output: finished goods into stock (`produced`) or lost (`scrapped`). Append-only. */
export const productionOutput = pgTable(
  'manufacturing_production_output',
  {
    companyId: companyId(),
    id: id(),
    orderId: uuid('order_id').notNull(),
    kind: text('kind').notNull(),
    qty: qty('qty').notNull(),
    unitCost: unitCost('unit_cost').notNull().default('0'),
    value: money('value').notNull().default('0'),
    lotNo: text('lot_no'),
    expiryDate: date('expiry_date', { mode: 'string' }),
    reason: text('reason').notNull().default(''),
    createdBy: uuid('created_by'),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index('manufacturing_production_output_order_idx').on(t.companyId, t.orderId),
    foreignKey({
      columns: [t.companyId, t.orderId],
      foreignColumns: [productionOrder.companyId, productionOrder.id],
    }),
    check('manufacturing_production_output_kind_ck', sql`${t.kind} in ('produced', 'scrapped')`),
    check('manufacturing_production_output_qty_ck', sql`${t.qty} > 0 and ${t.value} >= 0`),
  ],
);

export * from './mrp/schema.ts';
export * from './planning/schema.ts';
