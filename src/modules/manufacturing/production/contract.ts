import { z } from 'zod';
import { ListQuery, Version } from '../../../platform/http/schemas.ts';
import { DateString, LotNo, Notes, Qty } from '../contract-common.ts';

export const ProductionState = z.enum(['draft', 'planned', 'confirmed', 'in_progress', 'done', 'cancelled']);

export const ProductionOrderInput = z.strictObject({
  productId: z.uuid(),
  /** Default: the company's default warehouse. */
  warehouseId: z.uuid().optional(),
  qty: Qty,
  /** Default: the product's BOM in force on the planned start. */
  bomId: z.uuid().optional(),
  plannedStart: DateString.nullable().optional(),
  plannedFinish: DateString.nullable().optional(),
  notes: Notes.optional(),
});
export type ProductionOrderInput = z.infer<typeof ProductionOrderInput>;

export const ProductionOrderUpdate = z.strictObject({
  version: Version,
  /** A new quantity re-plans the component lines from the order's BOM. */
  qty: Qty.optional(),
  plannedStart: DateString.nullable().optional(),
  plannedFinish: DateString.nullable().optional(),
  notes: Notes.optional(),
});
export type ProductionOrderUpdate = z.infer<typeof ProductionOrderUpdate>;

export const ProductionVersion = z.strictObject({ version: Version });

export const ConsumeInput = z.strictObject({
  version: Version,
  lines: z
    .array(z.strictObject({ lineId: z.uuid(), qty: Qty, lotNo: LotNo.optional() }))
    .min(1)
    .max(500),
});
export type ConsumeInput = z.infer<typeof ConsumeInput>;

export const ProduceInput = z.strictObject({
  version: Version,
  qty: Qty,
  lotNo: LotNo.optional(),
  expiryDate: DateString.optional(),
  /** Consume, before producing, what the components' plan says these units need and was not consumed yet. */
  backflush: z.boolean().optional(),
});
export type ProduceInput = z.infer<typeof ProduceInput>;

export const ScrapInput = z.strictObject({
  version: Version,
  qty: Qty,
  reason: z.string().trim().min(1).max(500),
});
export type ScrapInput = z.infer<typeof ScrapInput>;

export const ProductionLine = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    productId: z.uuid(),
    sku: z.string(),
    productName: z.string(),
    uomCode: z.string(),
    bomLineId: z.uuid().nullable(),
    substituteOf: z.uuid().nullable(),
    qtyPlanned: z.string(),
    qtyReserved: z.string(),
    qtyConsumed: z.string(),
    consumedValue: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'ProductionOrderLine' });
export type ProductionLine = z.infer<typeof ProductionLine>;

export const ProductionOutput = z
  .object({
    id: z.uuid(),
    kind: z.enum(['produced', 'scrapped']),
    qty: z.string(),
    unitCost: z.string(),
    value: z.string(),
    lotNo: z.string().nullable(),
    expiryDate: z.string().nullable(),
    reason: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'ProductionOutput' });
export type ProductionOutput = z.infer<typeof ProductionOutput>;

export const ProductionOrderSummary = z
  .object({
    id: z.uuid(),
    number: z.string(),
    state: ProductionState,
    productId: z.uuid(),
    sku: z.string(),
    productName: z.string(),
    warehouseId: z.uuid(),
    bomId: z.uuid(),
    qty: z.string(),
    qtyProduced: z.string(),
    qtyScrapped: z.string(),
    plannedStart: z.string().nullable(),
    plannedFinish: z.string().nullable(),
    labourCostPerUnit: z.string(),
    overheadCostPerUnit: z.string(),
    /** Component value consumed, released to output, and what output came in at. */
    consumedValue: z.string(),
    releasedValue: z.string(),
    producedValue: z.string(),
    originType: z.string().nullable(),
    originId: z.uuid().nullable(),
    originNumber: z.string().nullable(),
    needId: z.uuid().nullable(),
    notes: z.string(),
    confirmedAt: z.string().nullable(),
    startedAt: z.string().nullable(),
    doneAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ProductionOrderSummary' });
export type ProductionOrderSummary = z.infer<typeof ProductionOrderSummary>;

export const ProductionOrder = ProductionOrderSummary.extend({
  lines: z.array(ProductionLine),
  outputs: z.array(ProductionOutput),
}).meta({ id: 'ProductionOrder' });
export type ProductionOrder = z.infer<typeof ProductionOrder>;

export const ProductionListQuery = ListQuery.extend({
  state: ProductionState.optional(),
  productId: z.uuid().optional(),
  warehouseId: z.uuid().optional(),
  originId: z.uuid().optional(),
});
export type ProductionListQuery = z.infer<typeof ProductionListQuery>;
