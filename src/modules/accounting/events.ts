import { z } from 'zod';

/** Events accounting publishes (payload version 1). */
const Uuid = z.uuid();

const DocumentCommon = {
  invoiceId: Uuid,
  kind: z.enum(['customer_invoice', 'customer_credit_note', 'supplier_bill', 'supplier_credit_note']),
  number: z.string().nullable(),
  customerId: Uuid,
  total: z.string(),
  currency: z.string(),
  originType: z.string().nullable(),
  originId: Uuid.nullable(),
  summary: z.string(),
};
const DocumentPosted = z.object({ ...DocumentCommon, number: z.string(), dueDate: z.string() });
const Payment = z.object({
  paymentId: Uuid,
  number: z.string(),
  customerId: Uuid,
  amount: z.string(),
  currency: z.string(),
  unallocated: z.string(),
  invoices: z.array(z.object({ invoiceId: Uuid, number: z.string(), amount: z.string() })),
  summary: z.string(),
});

export const accountingEvents = {
  'journal_entry.reversed': z.object({
    entryId: Uuid,
    reversalId: Uuid,
    voucher: z.string(),
    date: z.string(),
  }),
  'fiscal_period.closed': z.object({ periodId: Uuid, period: z.string() }),
  'fiscal_period.reopened': z.object({ periodId: Uuid, period: z.string() }),
  'fiscal_year.closed': z.object({ fiscalYearId: Uuid, year: z.number(), closingEntryId: Uuid.nullable() }),
  // Documents (invoice/, payment/): `customerId` and `summary` put them on the partner's timeline.
  'invoice.posted': DocumentPosted,
  'credit_note.posted': DocumentPosted.extend({ creditNoteOf: Uuid.nullable() }),
  'invoice.cancelled': z.object({
    ...DocumentCommon,
    wasPosted: z.boolean(),
    lines: z.array(z.object({ originLineId: Uuid, quantity: z.string() })),
  }),
  'payment.received': Payment,
  'payment.sent': Payment,
  'payment.cancelled': z.object({
    paymentId: Uuid,
    number: z.string(),
    customerId: Uuid,
    direction: z.enum(['inbound', 'outbound']),
    amount: z.string(),
    currency: z.string(),
    reversalEntryIds: z.array(Uuid),
    invoices: z.array(z.object({ invoiceId: Uuid, amount: z.string() })),
    summary: z.string(),
  }),
} as const;

export type AccountingEventType = keyof typeof accountingEvents;
