import { Decimal } from 'decimal.js';
import { z } from 'zod';

// Shapes quotes and orders share. Quantities and money travel as decimal strings.

export const Qty = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,4})?$/, {
    message: 'a quantity such as "12" or "2.5" (up to 4 decimals)',
    abort: true,
  })
  .refine((s) => new Decimal(s).gt(0), 'must be greater than 0');
export const UnitPrice = z
  .string()
  .regex(/^\d{1,13}(\.\d{1,4})?$/, 'a price ≥ 0 such as "2.5" (up to 4 decimals)');
export const Percent = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,4})?$/, { message: 'a percentage such as "5" or "12.5"', abort: true })
  .refine((s) => new Decimal(s).lte(100), 'at most 100');
export const BusinessDate = z.iso
  .date()
  .refine((d) => d >= '1900-01-01' && d <= '2999-12-31', 'a date between 1900 and 2999');
export const Currency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as CNY');
const Code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, 'a code such as PCS or VAT13-OUT');
export const ShipTo = z
  .record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/), z.string().max(300))
  .refine((v) => Object.keys(v).length <= 20, 'at most 20 fields');

export const LineInput = z.strictObject({
  productId: z.uuid(),
  qty: Qty,
  /** The product's sale unit unless given. */
  uomCode: Code.optional(),
  /** Omit to take the price from the price lists (per `uomCode`). */
  unitPrice: UnitPrice.optional(),
  discountPercent: Percent.optional(),
  /** The product's tax code unless given; null = no tax. */
  taxCode: Code.nullable().optional(),
  description: z.string().trim().max(500).optional(),
});
export type LineInput = z.infer<typeof LineInput>;

export const Lines = z.array(LineInput).min(1).max(200);

export const PriceSourceView = z.object({
  kind: z.enum(['rule', 'list_price', 'manual']),
  priceListId: z.string().optional(),
  priceListCode: z.string().optional(),
  ruleId: z.string().optional(),
  minQty: z.string().optional(),
  discountPercent: z.string().optional(),
});

export const LineView = z.object({
  id: z.uuid(),
  lineNo: z.number().int(),
  productId: z.uuid(),
  sku: z.string(),
  productName: z.record(z.string(), z.string()),
  description: z.string(),
  qty: z.string(),
  uomCode: z.string(),
  qtyBase: z.string(),
  unitPrice: z.string(),
  priceSource: PriceSourceView,
  discountPercent: z.string(),
  taxCode: z.string().nullable(),
  taxRate: z.string(),
  taxIncluded: z.boolean(),
  subtotal: z.string(),
  tax: z.string(),
  total: z.string(),
});
export type LineView = z.infer<typeof LineView>;

/** Header fields quotes and orders share, as the API shows them. */
export const HeaderView = {
  id: z.uuid(),
  number: z.string(),
  state: z.string(),
  customerId: z.uuid(),
  customerName: z.string().nullable(),
  contactId: z.uuid().nullable(),
  opportunityId: z.uuid().nullable(),
  priceListId: z.uuid().nullable(),
  warehouseId: z.uuid(),
  currency: z.string(),
  exchangeRate: z.string(),
  ownerUserId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  teamId: z.uuid().nullable(),
  shipTo: z.record(z.string(), z.string()).nullable(),
  notes: z.string(),
  subtotal: z.string(),
  taxTotal: z.string(),
  total: z.string(),
  totalCompany: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const PrintQuery = z.object({ lang: z.enum(['zh-CN', 'en']).optional() });
