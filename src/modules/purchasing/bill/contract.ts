import { z } from 'zod';
import { ListQuery, Version } from '../../../platform/http/schemas.ts';
import { DateString, Price, Qty, Text } from '../shared.ts';

export const BillStateEnum = z.enum(['matched', 'match_blocked', 'variance_approved', 'posted', 'cancelled']);

export const BillInput = z
  .strictObject({
    /** The supplier's invoice number (发票号). */
    reference: Text(200).default(''),
    /** Default: today. */
    billDate: DateString.optional(),
    /** Default: every PO line with goods received and not billed yet, at the PO price. */
    lines: z
      .array(
        z.strictObject({
          orderLineId: z.uuid(),
          qty: Qty,
          unitPrice: Price,
          /** Default: the PO line's tax code. */
          taxCode: z.string().max(40).nullable().optional(),
        }),
      )
      .min(1)
      .max(500)
      .optional(),
  })
  .meta({ id: 'SupplierBillCreate' });
export type BillInput = z.infer<typeof BillInput>;

export const BillLineView = z.object({
  id: z.uuid(),
  lineNo: z.number().int(),
  orderLineId: z.uuid(),
  productId: z.uuid(),
  sku: z.string(),
  qty: z.string(),
  unitPrice: z.string(),
  taxCode: z.string().nullable(),
  orderPrice: z.string(),
  qtyBillable: z.string(),
  priceDiffPct: z.string(),
  qtyDiffPct: z.string(),
  withinTolerance: z.boolean(),
});

export const BillView = z
  .object({
    id: z.uuid(),
    orderId: z.uuid(),
    orderNumber: z.string(),
    supplierId: z.uuid(),
    supplierName: z.string(),
    state: BillStateEnum,
    reference: z.string(),
    billDate: z.string(),
    currency: z.string(),
    tolerancePct: z.string(),
    subtotal: z.string(),
    total: z.string(),
    varianceApprovedAt: z.string().nullable(),
    varianceApprovedBy: z.uuid().nullable(),
    varianceReason: z.string().nullable(),
    /** accounting's supplier bill made at posting (its number BILL-…). */
    invoiceId: z.uuid().nullable(),
    invoiceNumber: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    lines: z.array(BillLineView),
  })
  .meta({ id: 'SupplierBill' });
export type BillView = z.infer<typeof BillView>;

export const BillListQuery = ListQuery.extend({
  state: BillStateEnum.optional(),
  orderId: z.uuid().optional(),
});
export type BillListQuery = z.infer<typeof BillListQuery>;

export const BillVersion = z.strictObject({ version: Version });
export const ApproveVarianceInput = z.strictObject({
  version: Version,
  reason: Text(500).pipe(z.string().min(1)),
});
