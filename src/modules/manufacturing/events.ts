import { z } from 'zod';

/** Events manufacturing publishes (payload version 1). */
const Uuid = z.uuid();
const Decimal = z.string();

const ProductionOrder = z.object({
  orderId: Uuid,
  number: z.string(),
  productId: Uuid,
  warehouseId: Uuid,
  qty: Decimal,
  qtyProduced: Decimal,
  plannedFinish: z.string().nullable(),
  originType: z.string().nullable(),
  originId: Uuid.nullable(),
  originNumber: z.string().nullable(),
  needId: Uuid.nullable(),
});

export const manufacturingEvents = {
  'production_order.confirmed': ProductionOrder.extend({
    lines: z.array(z.object({ lineId: Uuid, productId: Uuid, reserved: Decimal, short: Decimal })),
  }),
  'production_order.started': ProductionOrder,
  'production_order.done': ProductionOrder.extend({ producedValue: Decimal, unitCost: Decimal }),
  'production_order.cancelled': ProductionOrder,
} as const;

export type ManufacturingEventType = keyof typeof manufacturingEvents;
