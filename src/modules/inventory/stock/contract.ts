import { z } from 'zod';

const Qty = z.string();
const Money = z.string();
const DateStr = z
  .string()
  .regex(/^(19|20|21)\d{2}-\d{2}-\d{2}$/, { message: 'a date YYYY-MM-DD', abort: true })
  .refine(
    (s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s),
    'not a calendar date',
  );
const Limit = z.coerce.number().int().min(1).max(200).default(50);

export const Balance = z
  .object({
    id: z.uuid(),
    productId: z.uuid(),
    sku: z.string(),
    productName: z.record(z.string(), z.string()),
    warehouseId: z.uuid(),
    locationId: z.uuid(),
    locationCode: z.string(),
    lotId: z.uuid().nullable(),
    lotNo: z.string().nullable(),
    expiryDate: z.string().nullable(),
    onHand: Qty,
    reserved: Qty,
    available: Qty,
    /** Only with inventory.valuation.read. */
    unitCost: Money.optional(),
    value: Money.optional(),
  })
  .meta({ id: 'StockBalance' });
export type Balance = z.infer<typeof Balance>;

export const BalanceQuery = z.object({
  warehouseId: z.uuid().optional(),
  productId: z.uuid().optional(),
  q: z.string().max(200).optional(),
  lotNo: z.string().max(100).optional(),
  includeZero: z.enum(['true', 'false']).optional(),
  limit: Limit,
  cursor: z.string().max(200).optional(),
});
export type BalanceQuery = z.infer<typeof BalanceQuery>;

export const MoveKindEnum = z.enum([
  'receipt',
  'delivery',
  'transfer',
  'adjustment',
  'scrap',
  'production_in',
  'production_out',
  'return_in',
  'return_out',
]);

export const Move = z
  .object({
    id: z.uuid(),
    kind: MoveKindEnum,
    productId: z.uuid(),
    sku: z.string(),
    productName: z.record(z.string(), z.string()),
    fromLocationId: z.uuid(),
    fromLocationCode: z.string(),
    toLocationId: z.uuid(),
    toLocationCode: z.string(),
    lotId: z.uuid().nullable(),
    lotNo: z.string().nullable(),
    qty: Qty,
    moveDate: z.string(),
    pickingId: z.uuid().nullable(),
    countId: z.uuid().nullable(),
    originType: z.string().nullable(),
    originId: z.uuid().nullable(),
    originLineId: z.uuid().nullable(),
    note: z.string(),
    createdBy: z.uuid().nullable(),
    createdAt: z.string(),
    unitCost: Money.optional(),
    value: Money.optional(),
  })
  .meta({ id: 'StockMove' });
export type Move = z.infer<typeof Move>;

export const MoveQuery = z.object({
  productId: z.uuid().optional(),
  warehouseId: z.uuid().optional(),
  originId: z.uuid().optional(),
  pickingId: z.uuid().optional(),
  kind: MoveKindEnum.optional(),
  limit: Limit,
  cursor: z.string().max(200).optional(),
});
export type MoveQuery = z.infer<typeof MoveQuery>;

export const AvailabilityQuery = z.object({
  product: z.uuid(),
  warehouse: z.uuid().optional(),
  days: z.coerce.number().int().min(1).max(366).default(14),
});

export const AvailabilityView = z
  .object({
    productId: z.uuid(),
    warehouseId: z.uuid(),
    horizonDays: z.number().int(),
    onHand: Qty,
    reserved: Qty,
    available: Qty,
    days: z.array(z.object({ date: z.string(), incoming: Qty, outgoing: Qty, projected: Qty })),
    /** Only with inventory.valuation.read. */
    unitCost: Money.optional(),
    value: Money.optional(),
  })
  .meta({ id: 'StockAvailability' });

export const Consistency = z
  .object({
    ok: z.boolean(),
    mismatches: z.array(
      z.object({
        kind: z.enum(['on_hand', 'reserved']),
        productId: z.uuid(),
        locationId: z.uuid(),
        lotId: z.uuid().nullable(),
        expected: Qty,
        actual: Qty,
      }),
    ),
  })
  .meta({ id: 'StockConsistency' });

export const AdjustmentInput = z
  .strictObject({
    warehouseId: z.uuid(),
    productId: z.uuid(),
    /** Signed: + brings stock in from the adjustment location, − takes it out. */
    qty: z
      .string()
      .regex(/^-?\d{1,14}(\.\d{1,4})?$/, 'a signed decimal such as "-2.5"')
      .refine((s) => !/^-?0+(\.0+)?$/.test(s), 'must not be zero'),
    locationId: z.uuid().optional(),
    lotNo: z.string().trim().min(1).max(100).optional(),
    expiryDate: DateStr.optional(),
    unitCost: z
      .string()
      .regex(/^\d{1,12}(\.\d{1,6})?$/, 'a decimal ≥ 0')
      .optional(),
    reason: z.string().trim().min(1).max(500),
  })
  .meta({ id: 'StockAdjustmentRequest' });
export type AdjustmentInput = z.infer<typeof AdjustmentInput>;

export const AdjustmentResult = z
  .object({
    moveId: z.uuid(),
    productId: z.uuid(),
    warehouseId: z.uuid(),
    locationId: z.uuid(),
    lotId: z.uuid().nullable(),
    qty: Qty,
    onHand: Qty,
    unitCost: Money.optional(),
    value: Money.optional(),
  })
  .meta({ id: 'StockAdjustment' });

export const CostCloseInput = z
  .strictObject({ period: z.string().regex(/^(19|20|21)\d{2}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM') })
  .meta({ id: 'CostCloseRequest' });

export const CostCloseResult = z
  .object({
    period: z.string(),
    items: z.array(
      z.object({
        productId: z.uuid(),
        openingQty: Qty,
        openingValue: Money,
        inQty: Qty,
        inValue: Money,
        outQty: Qty,
        outValue: Money,
        avgCost: Money,
        adjustment: Money,
      }),
    ),
  })
  .meta({ id: 'CostCloseResult' });
