import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { ListQuery, Version } from '../../../platform/http/schemas.ts';
import { INVOICE_KINDS } from './invoice.ts';

// abort: a refinement after the pattern must never see text that is not a decimal.
const decimal = (pattern: RegExp, message: string) => z.string().regex(pattern, { message, abort: true });

/** A quantity > 0 with up to 4 decimals. */
export const Quantity = decimal(
  /^\d{1,14}(\.\d{1,4})?$/,
  'a decimal string with up to 4 decimals, such as "12.5"',
)
  .refine((s) => new Decimal(s).gt(0), 'must be greater than 0')
  .meta({ id: 'InvoiceQuantity' });
/** A unit price ≥ 0 with up to 4 decimals, in the invoice currency. */
export const UnitPrice = decimal(/^\d{1,14}(\.\d{1,4})?$/, 'a decimal string ≥ 0 with up to 4 decimals');
/** An amount > 0 with up to 2 decimals. */
export const Amount = decimal(
  /^\d{1,16}(\.\d{1,2})?$/,
  'a decimal string with up to 2 decimals, such as "100.50"',
)
  .refine((s) => new Decimal(s).gt(0), 'must be greater than 0')
  .meta({ id: 'Amount' });
const Percent = decimal(/^\d{1,3}(\.\d{1,4})?$/, 'a percentage 0–100').refine(
  (s) => new Decimal(s).lte(100),
  'at most 100',
);

export const DateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date YYYY-MM-DD', abort: true })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return (
      !Number.isNaN(d.getTime()) &&
      d.toISOString().slice(0, 10) === s &&
      s >= '1970-01-01' &&
      s <= '2199-12-31'
    );
  }, 'not a calendar date between 1970 and 2199');

const Text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    // Line breaks are fine in notes; other control characters are not.
    .refine((v) => !/[\p{Cc}]/u.test(v.replace(/[\n\r\t]/g, '')), 'no control characters');

export const InvoiceKind = z.enum(INVOICE_KINDS);

export const InvoiceLineInput = z.strictObject({
  productId: z.uuid().nullable().optional(),
  description: Text(500).optional(),
  quantity: Quantity,
  unitPrice: UnitPrice,
  discountPercent: Percent.optional(),
  /** A platform tax code of the document's side (output for customers, input for suppliers); null: no VAT. */
  taxCode: z.string().max(40).nullable().optional(),
  /** Revenue, expense or GRNI account; default: the role's account at posting. */
  accountId: z.uuid().nullable().optional(),
});
export type InvoiceLineInput = z.infer<typeof InvoiceLineInput>;

const Header = {
  invoiceDate: DateString.optional(),
  dueDate: DateString.optional(),
  paymentTermCode: z.string().max(40).nullable().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD')
    .optional(),
  reference: Text(200).optional(),
  notes: Text(2000).optional(),
};

export const InvoiceInput = z.strictObject({
  kind: InvoiceKind,
  partnerId: z.uuid(),
  ...Header,
  lines: z.array(InvoiceLineInput).min(1).max(500),
});
export type InvoiceInput = z.infer<typeof InvoiceInput>;

export const InvoicePatch = z.strictObject({
  version: Version,
  ...Header,
  lines: z.array(InvoiceLineInput).min(1).max(500).optional(),
});
export type InvoicePatch = z.infer<typeof InvoicePatch>;

export const PostInput = z.strictObject({ version: Version.optional() });
export const CancelInput = z.strictObject({ version: Version.optional(), reason: Text(500).min(1) });

export const CreditNoteInput = z.strictObject({
  reason: Text(500).min(1),
  /** Lines and quantities to credit; default: the whole invoice. */
  lines: z
    .array(z.strictObject({ invoiceLineId: z.uuid(), quantity: Quantity }))
    .min(1)
    .max(500)
    .optional(),
  /** Post the credit note at once (default: leave it a draft). */
  post: z.boolean().default(false),
});
export type CreditNoteInput = z.infer<typeof CreditNoteInput>;

export const EInvoiceInput = z.strictObject({
  version: Version,
  /** 数电票号码: the 20-digit number of a fully digital e-invoice (older paper numbers are 8–12 digits). */
  eInvoiceNumber: z.string().regex(/^\d{8,20}$/, 'the e-invoice number: 8 to 20 digits'),
  eInvoiceDate: DateString,
});

export const InvoiceListQuery = ListQuery.extend({
  kind: InvoiceKind.optional(),
  state: z.enum(['draft', 'posted', 'cancelled']).optional(),
  paymentState: z.enum(['not_paid', 'partial', 'paid']).optional(),
  partnerId: z.uuid().optional(),
  originId: z.uuid().optional(),
});
export type InvoiceListQuery = z.infer<typeof InvoiceListQuery>;

export const InvoiceLineView = z
  .object({
    id: z.uuid(),
    lineNo: z.number().int(),
    productId: z.uuid().nullable(),
    sku: z.string().nullable(),
    description: z.string(),
    quantity: z.string(),
    unitPrice: z.string(),
    discountPercent: z.string(),
    taxCode: z.string().nullable(),
    taxRate: z.string(),
    taxIncluded: z.boolean(),
    net: z.string(),
    tax: z.string(),
    total: z.string(),
    netCompany: z.string(),
    taxCompany: z.string(),
    accountId: z.uuid().nullable(),
    originLineId: z.uuid().nullable(),
  })
  .meta({ id: 'InvoiceLine' });

export const InvoiceSummary = z
  .object({
    id: z.uuid(),
    kind: InvoiceKind,
    state: z.enum(['draft', 'posted', 'cancelled']),
    number: z.string().nullable(),
    partnerId: z.uuid(),
    partnerName: z.string().nullable(),
    invoiceDate: z.string(),
    dueDate: z.string(),
    paymentTermCode: z.string().nullable(),
    currency: z.string(),
    rate: z.string(),
    untaxed: z.string(),
    tax: z.string(),
    total: z.string(),
    untaxedCompany: z.string(),
    taxCompany: z.string(),
    totalCompany: z.string(),
    residual: z.string(),
    residualCompany: z.string(),
    paymentState: z.enum(['not_paid', 'partial', 'paid']),
    creditNoteOf: z.uuid().nullable(),
    eInvoiceNumber: z.string().nullable(),
    eInvoiceDate: z.string().nullable(),
    originType: z.string().nullable(),
    originId: z.uuid().nullable(),
    originNumber: z.string().nullable(),
    reference: z.string(),
    notes: z.string(),
    entryId: z.uuid().nullable(),
    reversalEntryId: z.uuid().nullable(),
    postedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    cancelReason: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'InvoiceSummary' });
export type InvoiceSummary = z.infer<typeof InvoiceSummary>;

export const InvoiceSettlement = z.object({
  id: z.uuid(),
  date: z.string(),
  /** The payment, or the credit note applied to this invoice (or this credit note applied to an invoice). */
  paymentId: z.uuid().nullable(),
  creditNoteId: z.uuid().nullable(),
  invoiceId: z.uuid(),
  number: z.string().nullable(),
  amount: z.string(),
  fxDifference: z.string(),
});

export const InvoiceView = InvoiceSummary.extend({
  lines: z.array(InvoiceLineView),
  settlements: z.array(InvoiceSettlement),
}).meta({ id: 'Invoice' });
export type InvoiceView = z.infer<typeof InvoiceView>;
