import { z } from 'zod';
import { ListQuery, Version } from '../../../platform/http/schemas.ts';
import { OrderSummary } from '../order/contract.ts';
import { DateString, Qty, Text } from '../shared.ts';

export const RequisitionStateEnum = z.enum(['draft', 'approved', 'ordered', 'cancelled']);

export const RequisitionInput = z
  .strictObject({
    productId: z.uuid(),
    /** Default: the company's default warehouse. */
    warehouseId: z.uuid().optional(),
    qty: Qty,
    neededBy: DateString.nullable().optional(),
    /** A supplier to order from (default: the best price's at ordering). */
    supplierId: z.uuid().nullable().optional(),
    notes: Text(2000).default(''),
  })
  .meta({ id: 'RequisitionCreate' });
export type RequisitionInput = z.infer<typeof RequisitionInput>;

export const RequisitionPatch = z.strictObject({
  version: Version,
  qty: Qty.optional(),
  neededBy: DateString.nullable().optional(),
  supplierId: z.uuid().nullable().optional(),
  notes: Text(2000).optional(),
});
export type RequisitionPatch = z.infer<typeof RequisitionPatch>;

export const RequisitionView = z
  .object({
    id: z.uuid(),
    number: z.string(),
    state: RequisitionStateEnum,
    productId: z.uuid(),
    sku: z.string(),
    productName: z.string(),
    warehouseId: z.uuid(),
    qty: z.string(),
    neededBy: z.string().nullable(),
    supplierId: z.uuid().nullable(),
    originType: z.string(),
    originId: z.uuid().nullable(),
    originNumber: z.string().nullable(),
    needId: z.uuid().nullable(),
    orderId: z.uuid().nullable(),
    orderLineId: z.uuid().nullable(),
    notes: z.string(),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'Requisition' });
export type RequisitionView = z.infer<typeof RequisitionView>;

export const RequisitionListQuery = ListQuery.extend({
  state: RequisitionStateEnum.optional(),
  productId: z.uuid().optional(),
  originId: z.uuid().optional(),
});
export type RequisitionListQuery = z.infer<typeof RequisitionListQuery>;

export const RequisitionVersion = z.strictObject({ version: Version, reason: Text(500).optional() });

export const ToOrdersInput = z
  .strictObject({
    /** Draft or approved requisitions; each goes to its chosen supplier or the best price's. */
    requisitionIds: z.array(z.uuid()).min(1).max(500),
    orderDate: DateString.optional(),
  })
  .meta({ id: 'RequisitionsToOrdersRequest' });
export type ToOrdersInput = z.infer<typeof ToOrdersInput>;

export const ToOrdersResult = z
  .object({
    orders: z.array(OrderSummary),
    /** Requisitions left as they were: no active supplier has a valid price for them. */
    unassigned: z.array(z.object({ requisitionId: z.uuid(), number: z.string(), reason: z.string() })),
  })
  .meta({ id: 'RequisitionsToOrdersResult' });
