import { z } from 'zod';
import { ListQuery, Version } from '../../../platform/http/schemas.ts';
import { CountQty, DateString, LotNo } from '../picking/contract.ts';

export const CountInput = z.strictObject({
  warehouseId: z.uuid(),
  /** Only these products (a cycle count); omitted: everything in the warehouse. */
  productIds: z.array(z.uuid()).min(1).max(1000).optional(),
  notes: z.string().trim().max(2000).optional(),
});
export type CountInput = z.infer<typeof CountInput>;

export const CountLineInput = z
  .strictObject({
    /** What a scanner types: a SKU, a product barcode or a packaging barcode (counts the packaging's factor). */
    code: z.string().trim().min(1).max(100).optional(),
    productId: z.uuid().optional(),
    /** An internal location of the count's warehouse; default its stock location. */
    locationId: z.uuid().optional(),
    lotNo: LotNo.optional(),
    /** For a lot seen for the first time on an expiry-tracked product. */
    expiryDate: DateString.optional(),
    /** In the scanned packaging (×factor) or in stock units. */
    countedQty: CountQty,
    /** Add to what was counted so far (one scan per item) instead of replacing it. */
    add: z.boolean().optional(),
  })
  .refine((v) => (v.code === undefined) !== (v.productId === undefined), {
    message: 'Give either code or productId',
    path: ['code'],
  });
export type CountLineInput = z.infer<typeof CountLineInput>;

export const CountLine = z
  .object({
    id: z.uuid(),
    productId: z.uuid(),
    sku: z.string(),
    productName: z.string(),
    uomCode: z.string(),
    locationId: z.uuid(),
    locationCode: z.string(),
    lotId: z.uuid().nullable(),
    lotNo: z.string().nullable(),
    expectedQty: z.string(),
    countedQty: z.string().nullable(),
    /** counted − expected; null until counted. */
    difference: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'StockCountLine' });
export type CountLine = z.infer<typeof CountLine>;

export const CountSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  warehouseId: z.uuid(),
  state: z.enum(['counting', 'posted', 'cancelled']),
  countDate: z.string(),
  notes: z.string(),
  postedAt: z.string().nullable(),
  postedBy: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CountSummary = z.infer<typeof CountSummary>;

export const StockCount = CountSummary.extend({ lines: z.array(CountLine) }).meta({ id: 'StockCount' });
export type StockCount = z.infer<typeof StockCount>;

export const CountListQuery = ListQuery.extend({
  state: z.enum(['counting', 'posted', 'cancelled']).optional(),
  warehouseId: z.uuid().optional(),
});
export type CountListQuery = z.infer<typeof CountListQuery>;

export const CountVersion = z.strictObject({ version: Version });
