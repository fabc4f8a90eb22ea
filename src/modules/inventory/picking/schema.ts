// Stock documents: deliveries, receipts, transfers and returns, with their lines.
import { sql } from 'drizzle-orm';
import {
  check,
  date,
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
import { companyId, id, ts, versioned } from '../../../platform/db/columns.ts';
import { company } from '../../../platform/schema.ts';
import { product } from '../../catalog/schema.ts';
import { customer } from '../../crm/schema.ts';
import { qty, unitCost } from '../columns.ts';
import { location, warehouse } from '../warehouse/schema.ts';

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
