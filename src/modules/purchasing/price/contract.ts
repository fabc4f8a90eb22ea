import { z } from 'zod';
import { ListQuery, Version } from '../../../platform/http/schemas.ts';
import { CurrencyCode, DateString, Price, Qty, QtyOrZero } from '../shared.ts';

const Fields = {
  price: Price,
  /** Default: the supplier's currency. */
  currency: CurrencyCode.optional(),
  minQty: QtyOrZero.default('0'),
  /** Default (null): the supplier's lead time. */
  leadTimeDays: z.number().int().min(0).max(3650).nullable().optional(),
  validFrom: DateString.nullable().optional(),
  validTo: DateString.nullable().optional(),
  preferred: z.boolean().default(false),
};

export const SupplierPriceInput = z
  .strictObject({ supplierId: z.uuid(), productId: z.uuid(), ...Fields })
  .meta({ id: 'SupplierPriceCreate' });
export type SupplierPriceInput = z.infer<typeof SupplierPriceInput>;

export const SupplierPricePatch = z.strictObject({
  version: Version,
  price: Price.optional(),
  currency: CurrencyCode.optional(),
  minQty: QtyOrZero.optional(),
  leadTimeDays: z.number().int().min(0).max(3650).nullable().optional(),
  validFrom: DateString.nullable().optional(),
  validTo: DateString.nullable().optional(),
  preferred: z.boolean().optional(),
});
export type SupplierPricePatch = z.infer<typeof SupplierPricePatch>;

export const SupplierPriceView = z
  .object({
    id: z.uuid(),
    supplierId: z.uuid(),
    supplierCode: z.string(),
    supplierName: z.string(),
    productId: z.uuid(),
    sku: z.string(),
    price: z.string(),
    currency: z.string(),
    minQty: z.string(),
    leadTimeDays: z.number().int().nullable(),
    /** The price's own lead time, else the supplier's. */
    effectiveLeadTimeDays: z.number().int(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    preferred: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'SupplierPrice' });
export type SupplierPriceView = z.infer<typeof SupplierPriceView>;

export const SupplierPriceListQuery = ListQuery.extend({
  supplierId: z.uuid().optional(),
  productId: z.uuid().optional(),
});
export type SupplierPriceListQuery = z.infer<typeof SupplierPriceListQuery>;

export const BestPriceQuery = z.object({
  productId: z.uuid(),
  qty: Qty.default('1'),
  /** Default: today. */
  date: DateString.optional(),
});

export const BestPrice = z
  .object({
    found: z.boolean(),
    /** The winning price (null when no active supplier has a valid price for this quantity and date). */
    price: SupplierPriceView.nullable(),
    /** Its price in company currency, for comparison. */
    priceCompany: z.string().nullable(),
  })
  .meta({ id: 'BestSupplierPrice' });
