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
    /** 'arrival': made by allocateArrivals for an open delivery (absent: the origin's own reservation). */
    reason: z.enum(['arrival']).optional(),
    /** With reason 'arrival': the warehouse, and per line the product. */
    warehouseId: Uuid.optional(),
    lines: z.array(
      z.object({ originLineId: Uuid, reserved: Decimal, short: Decimal, productId: Uuid.optional() }),
    ),
  }),
  'stock.below_safety': z.object({
    productId: Uuid,
    warehouseId: Uuid,
    available: Decimal,
    safetyQty: Decimal,
    sku: z.string().optional(),
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
  'procurement.planned': z.object({
    needId: Uuid,
    productId: Uuid,
    warehouseId: Uuid,
    qty: Decimal,
    originType: z.string(),
    originId: Uuid,
    originLineId: Uuid.nullable(),
    originNumber: z.string().nullable(),
    expectedDate: z.string().nullable(),
    plannedBy: z.object({ type: z.string(), id: Uuid, number: z.string() }).nullable(),
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
        /** The origin document's line (a purchase order line …) the received goods belong to. */
        originLineId: Uuid.nullable().optional(),
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
