import { z } from 'zod';
import { Translations, Version } from '../../../platform/http/schemas.ts';

const Code = z.string().regex(/^[A-Z0-9][A-Z0-9_-]{0,19}$/, 'upper-case letters, digits, - and _ (up to 20)');

export const Warehouse = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.record(z.string(), z.string()),
    address: z.string(),
    isDefault: z.boolean(),
    active: z.boolean(),
    stockLocationId: z.uuid().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Warehouse' });

export const WarehouseInput = z
  .strictObject({
    code: Code,
    name: Translations,
    address: z.string().max(500).optional(),
    isDefault: z.boolean().optional(),
  })
  .meta({ id: 'WarehouseCreate' });
export type WarehouseInput = z.infer<typeof WarehouseInput>;

export const WarehousePatch = z
  .strictObject({
    version: Version,
    name: Translations.optional(),
    address: z.string().max(500).optional(),
    isDefault: z.literal(true).optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: 'WarehousePatch' });
export type WarehousePatch = z.infer<typeof WarehousePatch>;

export const WarehouseListQuery = z.object({ includeInactive: z.enum(['true', 'false']).optional() });

export const LocationKind = z.enum([
  'stock',
  'input',
  'output',
  'quality',
  'scrap',
  'customer',
  'supplier',
  'adjustment',
  'production',
]);

export const Location = z
  .object({
    id: z.uuid(),
    warehouseId: z.uuid().nullable(),
    code: z.string(),
    name: z.record(z.string(), z.string()),
    kind: LocationKind,
    active: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'Location' });
export type Location = z.infer<typeof Location>;

/** A shelf or bin under a warehouse's stock (kind 'stock'); the warehouse's main locations come with it. */
export const LocationInput = z
  .strictObject({
    warehouseId: z.uuid(),
    code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9/_.-]{0,39}$/, 'letters, digits, / _ . - (up to 40)'),
    name: Translations,
    kind: z.literal('stock').optional(),
  })
  .meta({ id: 'LocationCreate' });
export type LocationInput = z.infer<typeof LocationInput>;
