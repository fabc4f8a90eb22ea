import { z } from 'zod';
import { Version } from '../../../platform/http/schemas.ts';
import { BusinessDate, Currency, HeaderView, Lines, LineView, ShipTo } from '../document/contract.ts';
import { QUOTE_STATES } from './quote.ts';

export const QuoteInput = z.strictObject({
  customerId: z.uuid(),
  contactId: z.uuid().nullable().optional(),
  opportunityId: z.uuid().nullable().optional(),
  /** Force one price list; otherwise the best matching list for the customer. */
  priceListId: z.uuid().nullable().optional(),
  /** The default warehouse unless given. */
  warehouseId: z.uuid().optional(),
  /** The customer's currency unless given. */
  currency: Currency.optional(),
  /** Today (company time zone) unless given. */
  quoteDate: BusinessDate.optional(),
  /** 30 days after the quote date unless given (settings.sales.quoteValidDays). */
  validUntil: BusinessDate.nullable().optional(),
  shipTo: ShipTo.nullable().optional(),
  notes: z.string().trim().max(4000).optional(),
  lines: Lines,
});
export type QuoteInput = z.infer<typeof QuoteInput>;

export const QuotePatch = z.strictObject({
  version: Version,
  contactId: z.uuid().nullable().optional(),
  opportunityId: z.uuid().nullable().optional(),
  priceListId: z.uuid().nullable().optional(),
  warehouseId: z.uuid().optional(),
  currency: Currency.optional(),
  quoteDate: BusinessDate.optional(),
  validUntil: BusinessDate.nullable().optional(),
  shipTo: ShipTo.nullable().optional(),
  notes: z.string().trim().max(4000).optional(),
  /** Replaces every line; without it a change of currency, price list or date re-prices the lines. */
  lines: Lines.optional(),
});
export type QuotePatch = z.infer<typeof QuotePatch>;

export const VersionInput = z.strictObject({ version: Version });
export type VersionInput = z.infer<typeof VersionInput>;

export const SendQuoteInput = z.strictObject({
  version: Version,
  /** The contact's email unless given. */
  to: z.email().max(254).optional(),
  lang: z.enum(['zh-CN', 'en']).optional(),
});
export type SendQuoteInput = z.infer<typeof SendQuoteInput>;

export const QuoteView = z
  .object({
    ...HeaderView,
    state: z.enum(QUOTE_STATES),
    revision: z.number().int(),
    previousId: z.uuid().nullable(),
    quoteDate: z.string(),
    validUntil: z.string().nullable(),
    sentAt: z.string().nullable(),
    acceptedAt: z.string().nullable(),
    /** The sales order made when it was accepted. */
    orderId: z.uuid().nullable(),
    lines: z.array(LineView),
  })
  .meta({ id: 'Quote' });
export type QuoteView = z.infer<typeof QuoteView>;

export const QuoteSummary = QuoteView.omit({ lines: true }).meta({ id: 'QuoteSummary' });

export const AcceptQuoteView = z
  .object({ quote: QuoteView, orderId: z.uuid() })
  .meta({ id: 'QuoteAccepted' });

export const QuoteListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
  /** Number or customer name. */
  q: z.string().trim().max(100).optional(),
  state: z.enum(QUOTE_STATES).optional(),
  customerId: z.uuid().optional(),
  /** Every revision, not only the latest of each number. */
  allRevisions: z.enum(['true', 'false']).optional(),
});
export type QuoteListQuery = z.infer<typeof QuoteListQuery>;
