import { z } from 'zod';

/** Events inventory publishes (payload version 1). Deliveries and returns are published by picking/. */
const Decimal = z.string();
const Uuid = z.uuid();

export const inventoryEvents = {
  'stock.reserved': z.object({
    originType: z.string(),
    originId: Uuid,
    originNumber: z.string(),
    customerId: Uuid.optional(),
    summary: z.string().optional(),
    lines: z.array(z.object({ originLineId: Uuid, reserved: Decimal, short: Decimal })),
  }),
  'stock.below_safety': z.object({
    productId: Uuid,
    warehouseId: Uuid,
    available: Decimal,
    safetyQty: Decimal,
  }),
  'procurement.needed': z.object({
    needId: Uuid,
    productId: Uuid,
    warehouseId: Uuid,
    qty: Decimal,
    method: z.enum(['buy', 'make']),
    neededBy: z.string().nullable(),
    originType: z.string(),
    originId: Uuid,
    originNumber: z.string(),
  }),
  'stock.adjusted': z.object({
    productId: Uuid,
    warehouseId: Uuid,
    qty: Decimal,
    moveId: Uuid,
    reason: z.string(),
  }),
  'stock.cost_closed': z.object({ period: z.string(), products: z.number() }),
  'delivery.shipped': z.object({
    pickingId: Uuid,
    number: z.string(),
    originType: z.string().nullable(),
    originId: Uuid.nullable(),
    originNumber: z.string().nullable(),
    customerId: Uuid.optional(),
    summary: z.string(),
    carrier: z.string(),
    trackingNo: z.string(),
    backorderId: Uuid.nullable(),
    lines: z.array(z.object({ originLineId: Uuid.nullable(), productId: Uuid, qtyDone: Decimal })),
  }),
  'return.received': z.object({
    pickingId: Uuid,
    number: z.string(),
    deliveryId: Uuid,
    originType: z.string().nullable(),
    originId: Uuid.nullable(),
    customerId: Uuid.optional(),
    summary: z.string(),
    lines: z.array(
      z.object({
        originLineId: Uuid.nullable(),
        productId: Uuid,
        qty: Decimal,
        quality: z.enum(['ok', 'hold', 'scrap']),
      }),
    ),
  }),
  'receipt.done': z.object({
    pickingId: Uuid,
    number: z.string(),
    warehouseId: Uuid,
    partyId: Uuid.nullable(),
    originType: z.string().nullable(),
    originId: Uuid.nullable(),
    backorderId: Uuid.nullable(),
    lines: z.array(
      z.object({
        pickingLineId: Uuid,
        productId: Uuid,
        qty: Decimal,
        unitCost: Decimal,
        lotNo: z.string().nullable(),
      }),
    ),
  }),
  'stock_count.posted': z.object({
    countId: Uuid,
    number: z.string(),
    warehouseId: Uuid,
    differences: z.number(),
  }),
} as const;

export type InventoryEventType = keyof typeof inventoryEvents;
