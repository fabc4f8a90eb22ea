// Every table purchasing owns; drizzle-kit reads this file.
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
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { companyId, id, ts, versioned } from '../../platform/db/columns.ts';
import { company } from '../../platform/schema.ts';
import { product } from '../catalog/schema.ts';
import { customer } from '../crm/schema.ts';
import { warehouse } from '../inventory/schema.ts';

const qty = (name: string) => numeric(name, { precision: 18, scale: 4 });
const money = (name: string) => numeric(name, { precision: 18, scale: 2 });
const price = (name: string) => numeric(name, { precision: 18, scale: 4 });
const pct = (name: string) => numeric(name, { precision: 9, scale: 4 });

/** A party (crm_customer) we buy from: one supplier row per party; the party may be a customer too. */
export const supplier = pgTable(
  'purchasing_supplier',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    partyId: uuid('party_id').notNull(),
    code: text('code').notNull(),
    paymentTermCode: text('payment_term_code'),
    currency: text('currency').notNull().default('CNY'),
    leadTimeDays: integer('lead_time_days').notNull().default(7),
    active: boolean('active').notNull().default(true),
    notes: text('notes').notNull().default(''),
    createdBy: uuid('created_by'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('purchasing_supplier_code_uq').on(t.companyId, t.code),
    uniqueIndex('purchasing_supplier_party_uq').on(t.companyId, t.partyId),
    foreignKey({ columns: [t.companyId, t.partyId], foreignColumns: [customer.companyId, customer.id] }),
    check('purchasing_supplier_lead_ck', sql`${t.leadTimeDays} >= 0 and ${t.leadTimeDays} <= 3650`),
    check('purchasing_supplier_currency_ck', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

/** What a supplier charges for a product from a minimum quantity, in a validity window. */
export const supplierPrice = pgTable(
  'purchasing_supplier_price',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    supplierId: uuid('supplier_id').notNull(),
    productId: uuid('product_id').notNull(),
    price: price('price').notNull(),
    currency: text('currency').notNull(),
    minQty: qty('min_qty').notNull().default('0'),
    leadTimeDays: integer('lead_time_days'),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    preferred: boolean('preferred').notNull().default(false),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index('purchasing_supplier_price_product_idx').on(t.companyId, t.productId),
    index('purchasing_supplier_price_supplier_idx').on(t.companyId, t.supplierId),
    foreignKey({ columns: [t.companyId, t.supplierId], foreignColumns: [supplier.companyId, supplier.id] }),
    foreignKey({ columns: [t.companyId, t.productId], foreignColumns: [product.companyId, product.id] }),
    check('purchasing_supplier_price_price_ck', sql`${t.price} >= 0`),
    check('purchasing_supplier_price_min_ck', sql`${t.minQty} >= 0`),
    check(
      'purchasing_supplier_price_lead_ck',
      sql`${t.leadTimeDays} is null or (${t.leadTimeDays} >= 0 and ${t.leadTimeDays} <= 3650)`,
    ),
    check(
      'purchasing_supplier_price_valid_ck',
      sql`${t.validTo} is null or ${t.validFrom} is null or ${t.validTo} >= ${t.validFrom}`,
    ),
  ],
);

/** Something to buy (from a procurement need, a reorder rule, MRP or by hand) until a PO line takes it. */
export const requisition = pgTable(
  'purchasing_requisition',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    number: text('number').notNull(),
    state: text('state').notNull().default('draft'),
    productId: uuid('product_id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    qty: qty('qty').notNull(),
    neededBy: date('needed_by', { mode: 'string' }),
    supplierId: uuid('supplier_id'),
    originType: text('origin_type').notNull().default('manual'),
    originId: uuid('origin_id'),
    originNumber: text('origin_number'),
    /** inventory_procurement_need it came from (no foreign key: inventory owns it); one requisition per need. */
    needId: uuid('need_id'),
    orderId: uuid('order_id'),
    orderLineId: uuid('order_line_id'),
    notes: text('notes').notNull().default(''),
    createdBy: uuid('created_by'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('purchasing_requisition_number_uq').on(t.companyId, t.number),
    uniqueIndex('purchasing_requisition_need_uq')
      .on(t.companyId, t.needId)
      .where(sql`${t.needId} is not null`),
    index('purchasing_requisition_open_idx').on(t.companyId, t.state, t.productId),
    foreignKey({ columns: [t.companyId, t.productId], foreignColumns: [product.companyId, product.id] }),
    foreignKey({
      columns: [t.companyId, t.warehouseId],
      foreignColumns: [warehouse.companyId, warehouse.id],
    }),
    foreignKey({ columns: [t.companyId, t.supplierId], foreignColumns: [supplier.companyId, supplier.id] }),
    check(
      'purchasing_requisition_state_ck',
      sql`${t.state} in ('draft', 'approved', 'ordered', 'cancelled')`,
    ),
    check('purchasing_requisition_qty_ck', sql`${t.qty} > 0`),
    check(
      'purchasing_requisition_ordered_ck',
      sql`(${t.state} = 'ordered') = (${t.orderId} is not null) or ${t.state} = 'cancelled'`,
    ),
  ],
);

/** A purchase order; in draft or sent it is a request for quotation (RFQ). */
export const purchaseOrder = pgTable(
  'purchasing_order',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    number: text('number').notNull(),
    state: text('state').notNull().default('draft'),
    supplierId: uuid('supplier_id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    orderDate: date('order_date', { mode: 'string' }).notNull(),
    expectedDate: date('expected_date', { mode: 'string' }),
    currency: text('currency').notNull().default('CNY'),
    /** Company-currency units per one unit of `currency` (1 when they are the same). */
    exchangeRate: numeric('exchange_rate', { precision: 20, scale: 10 }).notNull().default('1'),
    paymentTermCode: text('payment_term_code'),
    notes: text('notes').notNull().default(''),
    subtotal: money('subtotal').notNull().default('0'),
    taxTotal: money('tax_total').notNull().default('0'),
    total: money('total').notNull().default('0'),
    totalCompany: money('total_company').notNull().default('0'),
    approvalId: uuid('approval_id'),
    approvedAt: ts('approved_at'),
    approvedBy: uuid('approved_by'),
    sentAt: ts('sent_at'),
    confirmedAt: ts('confirmed_at'),
    receiptId: uuid('receipt_id'),
    createdBy: uuid('created_by'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('purchasing_order_number_uq').on(t.companyId, t.number),
    index('purchasing_order_supplier_idx').on(t.companyId, t.supplierId),
    index('purchasing_order_state_idx').on(t.companyId, t.state),
    foreignKey({ columns: [t.companyId, t.supplierId], foreignColumns: [supplier.companyId, supplier.id] }),
    foreignKey({
      columns: [t.companyId, t.warehouseId],
      foreignColumns: [warehouse.companyId, warehouse.id],
    }),
    check(
      'purchasing_order_state_ck',
      sql`${t.state} in ('draft', 'awaiting_approval', 'sent', 'confirmed', 'partly_received', 'received',
                         'billed', 'closed', 'cancelled')`,
    ),
    check('purchasing_order_rate_ck', sql`${t.exchangeRate} > 0`),
    check(
      'purchasing_order_expected_ck',
      sql`${t.expectedDate} is null or ${t.expectedDate} >= ${t.orderDate}`,
    ),
  ],
);

export const purchaseOrderLine = pgTable(
  'purchasing_order_line',
  {
    companyId: companyId(),
    id: id(),
    orderId: uuid('order_id').notNull(),
    lineNo: integer('line_no').notNull(),
    productId: uuid('product_id').notNull(),
    description: text('description').notNull().default(''),
    qty: qty('qty').notNull(),
    unitPrice: price('unit_price').notNull(),
    taxCode: text('tax_code'),
    taxRate: numeric('tax_rate', { precision: 9, scale: 6 }).notNull().default('0'),
    subtotal: money('subtotal').notNull(),
    tax: money('tax').notNull(),
    total: money('total').notNull(),
    qtyReceived: qty('qty_received').notNull().default('0'),
    qtyBilled: qty('qty_billed').notNull().default('0'),
    qtyReturned: qty('qty_returned').notNull().default('0'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('purchasing_order_line_no_uq').on(t.companyId, t.orderId, t.lineNo),
    index('purchasing_order_line_product_idx').on(t.companyId, t.productId),
    foreignKey({
      columns: [t.companyId, t.orderId],
      foreignColumns: [purchaseOrder.companyId, purchaseOrder.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.companyId, t.productId], foreignColumns: [product.companyId, product.id] }),
    check('purchasing_order_line_qty_ck', sql`${t.qty} > 0`),
    check('purchasing_order_line_price_ck', sql`${t.unitPrice} >= 0`),
    check(
      'purchasing_order_line_done_ck',
      sql`${t.qtyReceived} >= 0 and ${t.qtyBilled} >= 0 and ${t.qtyReturned} >= 0 and ${t.qtyReturned} <= ${t.qtyReceived}`,
    ),
  ],
);

/**
 * A supplier's bill for a PO, matched three ways (PO price, received qty, billed qty) before accounting's
 * supplier_bill is made and posted from it (`invoice_id`).
 */
export const supplierBill = pgTable(
  'purchasing_bill',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    orderId: uuid('order_id').notNull(),
    supplierId: uuid('supplier_id').notNull(),
    state: text('state').notNull().default('matched'),
    reference: text('reference').notNull().default(''),
    billDate: date('bill_date', { mode: 'string' }).notNull(),
    currency: text('currency').notNull(),
    tolerancePct: pct('tolerance_pct').notNull(),
    subtotal: money('subtotal').notNull().default('0'),
    total: money('total').notNull().default('0'),
    varianceApprovedAt: ts('variance_approved_at'),
    varianceApprovedBy: uuid('variance_approved_by'),
    varianceReason: text('variance_reason'),
    invoiceId: uuid('invoice_id'),
    invoiceNumber: text('invoice_number'),
    createdBy: uuid('created_by'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index('purchasing_bill_order_idx').on(t.companyId, t.orderId),
    foreignKey({
      columns: [t.companyId, t.orderId],
      foreignColumns: [purchaseOrder.companyId, purchaseOrder.id],
    }),
    foreignKey({ columns: [t.companyId, t.supplierId], foreignColumns: [supplier.companyId, supplier.id] }),
    check(
      'purchasing_bill_state_ck',
      sql`${t.state} in ('matched', 'match_blocked', 'variance_approved', 'posted', 'cancelled')`,
    ),
    check('purchasing_bill_posted_ck', sql`(${t.state} = 'posted') = (${t.invoiceId} is not null)`),
  ],
);

export const supplierBillLine = pgTable(
  'purchasing_bill_line',
  {
    companyId: companyId(),
    id: id(),
    billId: uuid('bill_id').notNull(),
    lineNo: integer('line_no').notNull(),
    orderLineId: uuid('order_line_id').notNull(),
    productId: uuid('product_id').notNull(),
    qty: qty('qty').notNull(),
    unitPrice: price('unit_price').notNull(),
    taxCode: text('tax_code'),
    /** What the PO says and what arrived and was not billed yet, when the bill was matched. */
    orderPrice: price('order_price').notNull(),
    qtyBillable: qty('qty_billable').notNull(),
    priceDiffPct: pct('price_diff_pct').notNull(),
    qtyDiffPct: pct('qty_diff_pct').notNull(),
    withinTolerance: boolean('within_tolerance').notNull(),
    match: jsonb('match').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('purchasing_bill_line_no_uq').on(t.companyId, t.billId, t.lineNo),
    foreignKey({
      columns: [t.companyId, t.billId],
      foreignColumns: [supplierBill.companyId, supplierBill.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.companyId, t.orderLineId],
      foreignColumns: [purchaseOrderLine.companyId, purchaseOrderLine.id],
    }),
    check('purchasing_bill_line_qty_ck', sql`${t.qty} > 0`),
    check('purchasing_bill_line_price_ck', sql`${t.unitPrice} >= 0`),
  ],
);
