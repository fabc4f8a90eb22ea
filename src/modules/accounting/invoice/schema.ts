// Invoices, credit notes and supplier bills (the documents helper's tables); drizzle-kit reads them
// through accounting/schema.ts.
import { sql } from 'drizzle-orm';
import {
  boolean,
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
import { companyId, id, ts, versioned } from '../../../platform/db/columns.ts';
import { company, taxCode } from '../../../platform/schema.ts';
import { product } from '../../catalog/schema.ts';
import { customer } from '../../crm/schema.ts';
import { account } from '../chart/schema.ts';
import { entry } from '../ledger/schema.ts';

const money = (name: string) => numeric(name, { precision: 18, scale: 2 });

export const invoice = pgTable(
  'accounting_invoice',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    kind: text('kind').notNull(),
    state: text('state').notNull().default('draft'),
    /** Given at posting from the kind's gap-free counter; kept when cancelled. */
    number: text('number'),
    partnerId: uuid('partner_id').notNull(),
    invoiceDate: date('invoice_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    paymentTermCode: text('payment_term_code'),
    currency: text('currency').notNull(),
    /** Company-currency units per one unit of `currency` on the invoice date. */
    rate: numeric('rate', { precision: 20, scale: 10 }).notNull().default('1'),
    untaxed: money('untaxed').notNull().default('0'),
    tax: money('tax').notNull().default('0'),
    total: money('total').notNull().default('0'),
    untaxedCompany: money('untaxed_company').notNull().default('0'),
    taxCompany: money('tax_company').notNull().default('0'),
    totalCompany: money('total_company').notNull().default('0'),
    /** What is still open, in the invoice currency and (at the invoice rate) in company currency. */
    residual: money('residual').notNull().default('0'),
    residualCompany: money('residual_company').notNull().default('0'),
    paymentState: text('payment_state').notNull().default('not_paid'),
    /** A credit note (红字发票) points at the invoice it corrects. */
    creditNoteOf: uuid('credit_note_of'),
    eInvoiceNumber: text('e_invoice_number'),
    eInvoiceDate: date('e_invoice_date', { mode: 'string' }),
    originType: text('origin_type'),
    originId: uuid('origin_id'),
    originNumber: text('origin_number'),
    /** The customer's order number or the supplier's bill number. */
    reference: text('reference').notNull().default(''),
    notes: text('notes').notNull().default(''),
    entryId: uuid('entry_id'),
    reversalEntryId: uuid('reversal_entry_id'),
    postedAt: ts('posted_at'),
    postedBy: uuid('posted_by'),
    cancelledAt: ts('cancelled_at'),
    cancelledBy: uuid('cancelled_by'),
    cancelReason: text('cancel_reason'),
    createdBy: uuid('created_by'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('accounting_invoice_number_uq').on(t.companyId, t.number).where(sql`${t.number} is not null`),
    index('accounting_invoice_partner_idx').on(t.companyId, t.partnerId, t.state),
    // The aging report's one pass over what is open (aging/aging.ts), in partner order: every column it
    // reads is in the key, so the scan never visits the table and the sums per partner need no sort.
    index('accounting_invoice_open_idx')
      .on(t.companyId, t.partnerId, t.kind, t.dueDate, t.residualCompany, t.invoiceDate)
      .where(sql`${t.state} = 'posted' and ${t.residualCompany} <> 0`),
    // Documents cancelled after an aging's day were still open on it.
    index('accounting_invoice_cancelled_idx')
      .on(t.companyId, t.cancelledAt)
      .where(sql`${t.state} = 'cancelled'`),
    index('accounting_invoice_origin_idx').on(t.companyId, t.originType, t.originId),
    foreignKey({ columns: [t.companyId, t.partnerId], foreignColumns: [customer.companyId, customer.id] }),
    foreignKey({ columns: [t.companyId, t.creditNoteOf], foreignColumns: [t.companyId, t.id] }),
    foreignKey({ columns: [t.companyId, t.entryId], foreignColumns: [entry.companyId, entry.id] }),
    foreignKey({ columns: [t.companyId, t.reversalEntryId], foreignColumns: [entry.companyId, entry.id] }),
    check(
      'accounting_invoice_kind_ck',
      sql`${t.kind} in ('customer_invoice', 'customer_credit_note', 'supplier_bill', 'supplier_credit_note')`,
    ),
    check('accounting_invoice_state_ck', sql`${t.state} in ('draft', 'posted', 'cancelled')`),
    check('accounting_invoice_payment_state_ck', sql`${t.paymentState} in ('not_paid', 'partial', 'paid')`),
    check('accounting_invoice_rate_ck', sql`${t.rate} > 0`),
    check('accounting_invoice_number_ck', sql`${t.state} <> 'posted' or ${t.number} is not null`),
    check('accounting_invoice_due_ck', sql`${t.dueDate} >= ${t.invoiceDate}`),
    check(
      'accounting_invoice_residual_ck',
      sql`${t.residual} >= 0 and ${t.residual} <= ${t.total} and ${t.residualCompany} >= 0`,
    ),
    check(
      'accounting_invoice_credit_note_ck',
      sql`${t.creditNoteOf} is null or ${t.kind} in ('customer_credit_note', 'supplier_credit_note')`,
    ),
  ],
);

export const invoiceLine = pgTable(
  'accounting_invoice_line',
  {
    companyId: companyId(),
    id: id(),
    invoiceId: uuid('invoice_id').notNull(),
    lineNo: integer('line_no').notNull(),
    productId: uuid('product_id'),
    description: text('description').notNull().default(''),
    quantity: numeric('quantity', { precision: 18, scale: 4 }).notNull(),
    unitPrice: numeric('unit_price', { precision: 18, scale: 4 }).notNull(),
    discountPercent: numeric('discount_percent', { precision: 7, scale: 4 }).notNull().default('0'),
    taxCode: text('tax_code'),
    taxRate: numeric('tax_rate', { precision: 9, scale: 6 }).notNull().default('0'),
    taxIncluded: boolean('tax_included').notNull().default(false),
    net: money('net').notNull(),
    tax: money('tax').notNull(),
    total: money('total').notNull(),
    netCompany: money('net_company').notNull(),
    taxCompany: money('tax_company').notNull(),
    /** Revenue (invoices) or expense / GRNI (bills); null: the role's account at posting. */
    accountId: uuid('account_id'),
    /** The sales order line it bills (sales is higher: no foreign key). */
    originLineId: uuid('origin_line_id'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('accounting_invoice_line_no_uq').on(t.companyId, t.invoiceId, t.lineNo),
    index('accounting_invoice_line_origin_idx').on(t.companyId, t.originLineId),
    foreignKey({
      columns: [t.companyId, t.invoiceId],
      foreignColumns: [invoice.companyId, invoice.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.companyId, t.productId], foreignColumns: [product.companyId, product.id] }),
    foreignKey({ columns: [t.companyId, t.taxCode], foreignColumns: [taxCode.companyId, taxCode.code] }),
    foreignKey({ columns: [t.companyId, t.accountId], foreignColumns: [account.companyId, account.id] }),
    check('accounting_invoice_line_qty_ck', sql`${t.quantity} > 0`),
    check('accounting_invoice_line_price_ck', sql`${t.unitPrice} >= 0`),
    check('accounting_invoice_line_discount_ck', sql`${t.discountPercent} between 0 and 100`),
    check('accounting_invoice_line_sum_ck', sql`${t.net} + ${t.tax} = ${t.total}`),
  ],
);
