// Every table sales owns; drizzle-kit reads this file.
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
import { companyId, createdAt, id, ts, version, versioned } from '../../platform/db/columns.ts';
import { company, taxCode, unitOfMeasure } from '../../platform/schema.ts';
import { priceList, product } from '../catalog/schema.ts';
import { contact, customer, opportunity } from '../crm/schema.ts';
import { warehouse } from '../inventory/schema.ts';

const qty = (name: string) => numeric(name, { precision: 18, scale: 4 });
const money = (name: string) => numeric(name, { precision: 18, scale: 2 });
const price = (name: string) => numeric(name, { precision: 18, scale: 4 });

/** How a line's unit price was found: the price list and rule, or the product's list price, or typed. */
export interface PriceSource {
  kind: 'rule' | 'list_price' | 'manual';
  priceListId?: string;
  priceListCode?: string;
  ruleId?: string;
  minQty?: string;
  discountPercent?: string;
}

/** Columns every document header (quote, order) shares. */
const header = () => ({
  customerId: uuid('customer_id').notNull(),
  contactId: uuid('contact_id'),
  opportunityId: uuid('opportunity_id'),
  priceListId: uuid('price_list_id'),
  warehouseId: uuid('warehouse_id').notNull(),
  currency: text('currency').notNull().default('CNY'),
  /** Company-currency units per one unit of `currency` (1 when they are the same). */
  exchangeRate: numeric('exchange_rate', { precision: 20, scale: 10 }).notNull().default('1'),
  ownerUserId: uuid('owner_user_id'),
  teamId: uuid('team_id'),
  shipTo: jsonb('ship_to').$type<Record<string, string>>(),
  notes: text('notes').notNull().default(''),
  subtotal: money('subtotal').notNull().default('0'),
  taxTotal: money('tax_total').notNull().default('0'),
  total: money('total').notNull().default('0'),
  totalCompany: money('total_company').notNull().default('0'),
});

/** Columns every document line shares: quantities in the line's unit and in the product's stock unit. */
const lineColumns = () => ({
  lineNo: integer('line_no').notNull(),
  productId: uuid('product_id').notNull(),
  description: text('description').notNull().default(''),
  qty: qty('qty').notNull(),
  uomCode: text('uom_code').notNull(),
  qtyBase: qty('qty_base').notNull(),
  unitPrice: price('unit_price').notNull(),
  priceSource: jsonb('price_source').$type<PriceSource>().notNull(),
  discountPercent: numeric('discount_percent', { precision: 7, scale: 4 }).notNull().default('0'),
  taxCode: text('tax_code'),
  taxRate: numeric('tax_rate', { precision: 9, scale: 6 }).notNull().default('0'),
  taxIncluded: boolean('tax_included').notNull().default(false),
  subtotal: money('subtotal').notNull(),
  tax: money('tax').notNull(),
  total: money('total').notNull(),
});

export const quote = pgTable(
  'sales_quote',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    number: text('number').notNull(),
    revision: integer('revision').notNull().default(1),
    /** The revision this one replaced; the first revision has none. */
    previousId: uuid('previous_id'),
    state: text('state').notNull().default('draft'),
    quoteDate: date('quote_date', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    ...header(),
    sentAt: ts('sent_at'),
    acceptedAt: ts('accepted_at'),
    createdBy: uuid('created_by'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('sales_quote_number_uq').on(t.companyId, t.number, t.revision),
    index('sales_quote_customer_idx').on(t.companyId, t.customerId),
    foreignKey({ columns: [t.companyId, t.previousId], foreignColumns: [t.companyId, t.id] }),
    foreignKey({ columns: [t.companyId, t.customerId], foreignColumns: [customer.companyId, customer.id] }),
    foreignKey({ columns: [t.companyId, t.contactId], foreignColumns: [contact.companyId, contact.id] }),
    foreignKey({
      columns: [t.companyId, t.opportunityId],
      foreignColumns: [opportunity.companyId, opportunity.id],
    }),
    foreignKey({
      columns: [t.companyId, t.priceListId],
      foreignColumns: [priceList.companyId, priceList.id],
    }),
    foreignKey({
      columns: [t.companyId, t.warehouseId],
      foreignColumns: [warehouse.companyId, warehouse.id],
    }),
    check(
      'sales_quote_state_ck',
      sql`${t.state} in ('draft', 'sent', 'accepted', 'rejected', 'expired', 'superseded', 'cancelled')`,
    ),
    check('sales_quote_revision_ck', sql`${t.revision} >= 1`),
    check('sales_quote_rate_ck', sql`${t.exchangeRate} > 0`),
    check('sales_quote_valid_ck', sql`${t.validUntil} is null or ${t.validUntil} >= ${t.quoteDate}`),
  ],
);

export const quoteLine = pgTable(
  'sales_quote_line',
  {
    companyId: companyId(),
    id: id(),
    quoteId: uuid('quote_id').notNull(),
    ...lineColumns(),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('sales_quote_line_no_uq').on(t.companyId, t.quoteId, t.lineNo),
    foreignKey({ columns: [t.companyId, t.quoteId], foreignColumns: [quote.companyId, quote.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.companyId, t.productId], foreignColumns: [product.companyId, product.id] }),
    foreignKey({
      columns: [t.companyId, t.uomCode],
      foreignColumns: [unitOfMeasure.companyId, unitOfMeasure.code],
    }),
    foreignKey({ columns: [t.companyId, t.taxCode], foreignColumns: [taxCode.companyId, taxCode.code] }),
    check('sales_quote_line_qty_ck', sql`${t.qty} > 0 and ${t.qtyBase} > 0`),
    check('sales_quote_line_price_ck', sql`${t.unitPrice} >= 0`),
    check('sales_quote_line_discount_ck', sql`${t.discountPercent} between 0 and 100`),
  ],
);

export const order = pgTable(
  'sales_order',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    number: text('number').notNull(),
    state: text('state').notNull().default('draft'),
    orderDate: date('order_date', { mode: 'string' }).notNull(),
    requestedDate: date('requested_date', { mode: 'string' }),
    quoteId: uuid('quote_id'),
    ...header(),
    paymentTermCode: text('payment_term_code'),
    confirmedAt: ts('confirmed_at'),
    confirmedBy: uuid('confirmed_by'),
    cancelledAt: ts('cancelled_at'),
    cancelReason: text('cancel_reason'),
    createdBy: uuid('created_by'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('sales_order_number_uq').on(t.companyId, t.number),
    index('sales_order_customer_idx').on(t.companyId, t.customerId),
    index('sales_order_state_idx').on(t.companyId, t.state),
    foreignKey({ columns: [t.companyId, t.quoteId], foreignColumns: [quote.companyId, quote.id] }),
    foreignKey({ columns: [t.companyId, t.customerId], foreignColumns: [customer.companyId, customer.id] }),
    foreignKey({ columns: [t.companyId, t.contactId], foreignColumns: [contact.companyId, contact.id] }),
    foreignKey({
      columns: [t.companyId, t.opportunityId],
      foreignColumns: [opportunity.companyId, opportunity.id],
    }),
    foreignKey({
      columns: [t.companyId, t.priceListId],
      foreignColumns: [priceList.companyId, priceList.id],
    }),
    foreignKey({
      columns: [t.companyId, t.warehouseId],
      foreignColumns: [warehouse.companyId, warehouse.id],
    }),
    check(
      'sales_order_state_ck',
      sql`${t.state} in ('draft', 'awaiting_approval', 'confirmed', 'partly_delivered', 'delivered', 'closed', 'cancelled')`,
    ),
    check('sales_order_rate_ck', sql`${t.exchangeRate} > 0`),
  ],
);

export const orderLine = pgTable(
  'sales_order_line',
  {
    companyId: companyId(),
    id: id(),
    orderId: uuid('order_id').notNull(),
    ...lineColumns(),
    /** Stock-unit quantities the order has reserved, delivered and (later) invoiced. */
    qtyReserved: qty('qty_reserved').notNull().default('0'),
    qtyDelivered: qty('qty_delivered').notNull().default('0'),
    qtyInvoiced: qty('qty_invoiced').notNull().default('0'),
    expectedDate: date('expected_date', { mode: 'string' }),
    /** The number of the document (PO, production order) that will bring a short line's goods, once planned. */
    plannedByNumber: text('planned_by_number'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('sales_order_line_no_uq').on(t.companyId, t.orderId, t.lineNo),
    index('sales_order_line_product_idx').on(t.companyId, t.productId),
    foreignKey({ columns: [t.companyId, t.orderId], foreignColumns: [order.companyId, order.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.companyId, t.productId], foreignColumns: [product.companyId, product.id] }),
    foreignKey({
      columns: [t.companyId, t.uomCode],
      foreignColumns: [unitOfMeasure.companyId, unitOfMeasure.code],
    }),
    foreignKey({ columns: [t.companyId, t.taxCode], foreignColumns: [taxCode.companyId, taxCode.code] }),
    check('sales_order_line_qty_ck', sql`${t.qty} > 0 and ${t.qtyBase} > 0`),
    check('sales_order_line_price_ck', sql`${t.unitPrice} >= 0`),
    check('sales_order_line_discount_ck', sql`${t.discountPercent} between 0 and 100`),
    check(
      'sales_order_line_progress_ck',
      sql`${t.qtyReserved} >= 0 and ${t.qtyDelivered} >= 0 and ${t.qtyInvoiced} >= 0 and ${t.qtyReserved} + ${t.qtyDelivered} <= ${t.qtyBase}`,
    ),
  ],
);

/** Every state change of an order, with who and when: the order page's status timeline. */
export const orderHistory = pgTable(
  'sales_order_history',
  {
    companyId: companyId(),
    id: id(),
    orderId: uuid('order_id').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    note: text('note').notNull().default(''),
    byUserId: uuid('by_user_id'),
    at: ts('at').notNull().defaultNow(),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index('sales_order_history_order_idx').on(t.companyId, t.orderId, t.at),
    foreignKey({ columns: [t.companyId, t.orderId], foreignColumns: [order.companyId, order.id] }).onDelete(
      'cascade',
    ),
  ],
);
