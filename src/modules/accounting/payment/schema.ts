// Payments and their allocations to invoices (the documents helper's tables); drizzle-kit reads them
// through accounting/schema.ts.
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { companyId, id, versioned } from '../../../platform/db/columns.ts';
import { company } from '../../../platform/schema.ts';
import { customer } from '../../crm/schema.ts';
import { account } from '../chart/schema.ts';
import { invoice } from '../invoice/schema.ts';
import { entry } from '../ledger/schema.ts';

const money = (name: string) => numeric(name, { precision: 18, scale: 2 });

/** Money in (a customer pays, a supplier refunds) or out (we pay a supplier, refund a customer). */
export const payment = pgTable(
  'accounting_payment',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    direction: text('direction').notNull(),
    number: text('number').notNull(),
    state: text('state').notNull().default('posted'),
    partnerId: uuid('partner_id').notNull(),
    paymentDate: date('payment_date', { mode: 'string' }).notNull(),
    /** The bank or cash account the money moved through. */
    accountId: uuid('account_id').notNull(),
    currency: text('currency').notNull(),
    rate: numeric('rate', { precision: 20, scale: 10 }).notNull().default('1'),
    amount: money('amount').notNull(),
    amountCompany: money('amount_company').notNull(),
    /** Not yet allocated to an invoice: the partner's credit (advance), in both currencies. */
    unallocated: money('unallocated').notNull(),
    unallocatedCompany: money('unallocated_company').notNull(),
    reference: text('reference').notNull().default(''),
    memo: text('memo').notNull().default(''),
    entryId: uuid('entry_id'),
    createdBy: uuid('created_by'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('accounting_payment_number_uq').on(t.companyId, t.number),
    index('accounting_payment_partner_idx').on(t.companyId, t.partnerId, t.paymentDate),
    // Unapplied payments for the aging report and the credit check.
    index('accounting_payment_unallocated_idx')
      .on(t.companyId, t.direction, t.partnerId, t.paymentDate, t.unallocatedCompany)
      .where(sql`${t.state} = 'posted' and ${t.unallocatedCompany} <> 0`),
    foreignKey({ columns: [t.companyId, t.partnerId], foreignColumns: [customer.companyId, customer.id] }),
    foreignKey({ columns: [t.companyId, t.accountId], foreignColumns: [account.companyId, account.id] }),
    foreignKey({ columns: [t.companyId, t.entryId], foreignColumns: [entry.companyId, entry.id] }),
    check('accounting_payment_direction_ck', sql`${t.direction} in ('inbound', 'outbound')`),
    // cancelled: its entries reversed and its allocations removed (payment/cancel-payment.ts).
    check('accounting_payment_state_ck', sql`${t.state} in ('posted', 'cancelled')`),
    check('accounting_payment_amount_ck', sql`${t.amount} > 0 and ${t.amountCompany} > 0`),
    check('accounting_payment_rate_ck', sql`${t.rate} > 0`),
    check(
      'accounting_payment_unallocated_ck',
      sql`${t.unallocated} >= 0 and ${t.unallocated} <= ${t.amount} and ${t.unallocatedCompany} >= 0`,
    ),
  ],
);

/**
 * One settlement of an invoice: by a payment, or by a credit note applied to the invoice it corrects.
 * `amount` is in the invoice currency; `invoiceAmountCompany` is what left the invoice's residual (at the
 * invoice rate), `paymentAmountCompany` what left the payment or credit note; the difference of a payment
 * is the realised exchange difference (`fxDifference`, + gain / − loss).
 */
export const allocation = pgTable(
  'accounting_payment_allocation',
  {
    companyId: companyId(),
    id: id(),
    paymentId: uuid('payment_id'),
    creditNoteId: uuid('credit_note_id'),
    invoiceId: uuid('invoice_id').notNull(),
    allocationDate: date('allocation_date', { mode: 'string' }).notNull(),
    amount: money('amount').notNull(),
    invoiceAmountCompany: money('invoice_amount_company').notNull(),
    paymentAmountCompany: money('payment_amount_company').notNull(),
    fxDifference: money('fx_difference').notNull().default('0'),
    /** The entry of an allocation made after the payment (the payment's own entry otherwise). */
    entryId: uuid('entry_id'),
    createdBy: uuid('created_by'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index('accounting_payment_allocation_payment_idx').on(t.companyId, t.paymentId),
    index('accounting_payment_allocation_invoice_idx').on(t.companyId, t.invoiceId),
    // Settlements after a day (an aging on a past day adds them back to what is open now).
    index('accounting_payment_allocation_date_idx').on(t.companyId, t.allocationDate),
    foreignKey({ columns: [t.companyId, t.paymentId], foreignColumns: [payment.companyId, payment.id] }),
    foreignKey({ columns: [t.companyId, t.creditNoteId], foreignColumns: [invoice.companyId, invoice.id] }),
    foreignKey({ columns: [t.companyId, t.invoiceId], foreignColumns: [invoice.companyId, invoice.id] }),
    foreignKey({ columns: [t.companyId, t.entryId], foreignColumns: [entry.companyId, entry.id] }),
    check(
      'accounting_payment_allocation_source_ck',
      sql`(${t.paymentId} is null) <> (${t.creditNoteId} is null)`,
    ),
    check('accounting_payment_allocation_amount_ck', sql`${t.amount} > 0`),
  ],
);
