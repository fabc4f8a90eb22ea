import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { ListQuery, Version } from '../../../platform/http/schemas.ts';

/** A quantity in the product's stock unit: > 0, at most 4 decimals (numeric(18, 4)). */
export const Qty = z
  .string()
  .regex(/^\d{1,14}(\.\d{1,4})?$/, {
    message: 'a decimal string > 0 with up to 4 decimals, such as "12.5"',
    abort: true,
  })
  .refine((s) => new Decimal(s).gt(0), 'must be greater than 0')
  .meta({ id: 'StockQty' });

/** A quantity that may be 0 (a count). */
export const CountQty = z
  .string()
  .regex(/^\d{1,14}(\.\d{1,4})?$/, 'a decimal string ≥ 0 with up to 4 decimals, such as "12"')
  .meta({ id: 'CountQty' });

/** Company-currency cost per stock unit, ≥ 0, at most 6 decimals. */
export const UnitCost = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,6})?$/, 'a decimal string ≥ 0 with up to 6 decimals, such as "3.25"')
  .meta({ id: 'UnitCost' });

export const DateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date YYYY-MM-DD', abort: true })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= '1900-01-01';
  }, 'not a calendar date');

export const LotNo = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^\P{Cc}*$/u, 'no control characters');

const ShortText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^\P{Cc}*$/u, 'no control characters');

export const LotPick = z.object({
  locationId: z.uuid(),
  locationCode: z.string(),
  lotId: z.uuid().nullable(),
  lotNo: z.string().nullable(),
  expiryDate: z.string().nullable(),
  qty: z.string(),
});

export const PickingLine = z
  .object({
    id: z.uuid(),
    lineNo: z.number().int(),
    productId: z.uuid(),
    sku: z.string(),
    productName: z.string(),
    uomCode: z.string(),
    qty: z.string(),
    qtyDone: z.string(),
    /** Stock held for this line now (deliveries). */
    reservedQty: z.string(),
    originLineId: z.uuid().nullable(),
    locationId: z.uuid().nullable(),
    lotNo: z.string().nullable(),
    expiryDate: z.string().nullable(),
    quality: z.enum(['ok', 'hold', 'scrap']).nullable(),
    returnOfLineId: z.uuid().nullable(),
    unitCost: z.string().nullable(),
    /** The pick list: where (and from which lot) the reserved stock of the line is taken, FEFO first. */
    lots: z.array(LotPick),
  })
  .meta({ id: 'PickingLine' });

export const PickingSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  kind: z.enum(['delivery', 'receipt', 'internal', 'return_in', 'return_out']),
  state: z.enum(['draft', 'waiting', 'ready', 'picked', 'packed', 'done', 'cancelled']),
  warehouseId: z.uuid(),
  partyId: z.uuid().nullable(),
  partyName: z.string().nullable(),
  originType: z.string().nullable(),
  originId: z.uuid().nullable(),
  originNumber: z.string().nullable(),
  scheduledDate: z.string().nullable(),
  shipTo: z.record(z.string(), z.string()).nullable(),
  carrier: z.string(),
  trackingNo: z.string(),
  notes: z.string(),
  backorderOfId: z.uuid().nullable(),
  returnOfId: z.uuid().nullable(),
  pickedAt: z.string().nullable(),
  packedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  doneBy: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PickingSummary = z.infer<typeof PickingSummary>;

export const Picking = PickingSummary.extend({ lines: z.array(PickingLine) }).meta({ id: 'Picking' });
export type Picking = z.infer<typeof Picking>;

export const PickingListQuery = ListQuery.extend({
  state: z.enum(['draft', 'waiting', 'ready', 'picked', 'packed', 'done', 'cancelled']).optional(),
  originId: z.uuid().optional(),
  warehouseId: z.uuid().optional(),
  partyId: z.uuid().optional(),
});
export type PickingListQuery = z.infer<typeof PickingListQuery>;

export const VersionInput = z.strictObject({ version: Version });

export const ShipInput = z.strictObject({
  version: Version,
  /** Omitted: ship everything reserved. Lines not named ship nothing now (they go to the backorder). */
  lines: z
    .array(z.strictObject({ lineId: z.uuid(), qty: Qty, lotNo: LotNo.optional() }))
    .min(1)
    .max(500)
    .optional(),
  carrier: ShortText(100).optional(),
  trackingNo: ShortText(100).optional(),
});
export type ShipInput = z.infer<typeof ShipInput>;

export const ShipResult = Picking.extend({ backorderId: z.uuid().nullable() }).meta({ id: 'ShipResult' });

export const ReceiptInput = z.strictObject({
  warehouseId: z.uuid(),
  partyId: z.uuid().nullable().optional(),
  scheduledDate: DateString.nullable().optional(),
  notes: ShortText(2000).optional(),
  lines: z
    .array(
      z.strictObject({
        productId: z.uuid(),
        qty: Qty,
        unitCost: UnitCost,
        lotNo: LotNo.optional(),
        expiryDate: DateString.optional(),
      }),
    )
    .min(1)
    .max(500),
});
export type ReceiptInput = z.infer<typeof ReceiptInput>;

export const ValidateReceiptInput = z.strictObject({
  version: Version,
  /** Omitted: everything as planned. Lines not named receive nothing now (they go to the backorder). */
  lines: z
    .array(
      z.strictObject({
        lineId: z.uuid(),
        qty: Qty,
        lotNo: LotNo.optional(),
        expiryDate: DateString.optional(),
      }),
    )
    .min(1)
    .max(500)
    .optional(),
});
export type ValidateReceiptInput = z.infer<typeof ValidateReceiptInput>;

export const ValidateResult = Picking.extend({ backorderId: z.uuid().nullable() }).meta({
  id: 'ValidateResult',
});

export const ReturnInput = z.strictObject({
  deliveryId: z.uuid(),
  lines: z
    .array(z.strictObject({ deliveryLineId: z.uuid(), qty: Qty, quality: z.enum(['ok', 'hold', 'scrap']) }))
    .min(1)
    .max(500),
  reason: ShortText(500).pipe(z.string().min(1)),
});
export type ReturnInput = z.infer<typeof ReturnInput>;

export const PrintQuery = z.object({ lang: z.enum(['zh-CN', 'en']).optional() });

export interface NewLine {
  productId: string;
  qty: string;
  originLineId?: string | null;
  locationId?: string | null;
  lotNo?: string | null;
  expiryDate?: string | null;
  quality?: string | null;
  unitCost?: string | null;
  returnOfLineId?: string | null;
}
