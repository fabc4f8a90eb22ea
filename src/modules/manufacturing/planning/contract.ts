import { z } from 'zod';
import { ListQuery, Translations, Version } from '../../../platform/http/schemas.ts';

const Qty = z.string().regex(/^\d{1,14}(\.\d{1,4})?$/, 'a decimal ≥ 0 such as "20"');
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month such as "2025-04"');
const Notes = z.string().max(2000);

const Common = {
  id: z.uuid(),
  productId: z.uuid(),
  productSku: z.string(),
  productName: Translations,
  warehouseId: z.uuid(),
  warehouseCode: z.string(),
  notes: z.string(),
  version: z.number().int(),
};

export const ReorderRule = z
  .object({
    ...Common,
    route: z.enum(['reorder', 'mto']),
    minQty: z.string(),
    maxQty: z.string(),
    multiple: z.string(),
  })
  .meta({ id: 'ReorderRule' });

export const ReorderRuleInput = z
  .strictObject({
    productId: z.uuid(),
    warehouseId: z.uuid(),
    route: z.enum(['reorder', 'mto']).default('reorder'),
    minQty: Qty.default('0'),
    maxQty: Qty.default('0'),
    multiple: Qty.default('0'),
    notes: Notes.default(''),
  })
  .meta({ id: 'ReorderRuleCreate' });

export const ReorderRuleUpdate = z
  .strictObject({
    version: Version,
    route: z.enum(['reorder', 'mto']).optional(),
    minQty: Qty.optional(),
    maxQty: Qty.optional(),
    multiple: Qty.optional(),
    notes: Notes.optional(),
  })
  .meta({ id: 'ReorderRuleUpdate' });

export const Forecast = z.object({ ...Common, month: z.string(), qty: z.string() }).meta({ id: 'Forecast' });

export const ForecastInput = z
  .strictObject({
    productId: z.uuid(),
    warehouseId: z.uuid(),
    month: Month,
    qty: Qty,
    notes: Notes.default(''),
  })
  .meta({ id: 'ForecastCreate' });

export const ForecastUpdate = z
  .strictObject({ version: Version, qty: Qty.optional(), notes: Notes.optional() })
  .meta({ id: 'ForecastUpdate' });

export const PlanningListQuery = ListQuery.extend({
  productId: z.uuid().optional(),
  warehouseId: z.uuid().optional(),
});
export type PlanningListQuery = z.infer<typeof PlanningListQuery>;

export const DeleteQuery = z.object({ version: z.coerce.number().int().min(1) });
