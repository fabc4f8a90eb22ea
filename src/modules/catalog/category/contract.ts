import { z } from 'zod';
import { BoolQuery, CatalogCode, Names, NamesView } from '../contract.ts';

export const CategoryInput = z.strictObject({
  code: CatalogCode,
  name: Names,
  parentId: z.uuid().nullable().optional(),
  active: z.boolean().default(true),
});
export type CategoryInput = z.infer<typeof CategoryInput>;

export const CategoryPatch = z.strictObject({
  version: z.number().int().min(1),
  code: CatalogCode.optional(),
  name: Names.optional(),
  parentId: z.uuid().nullable().optional(),
  active: z.boolean().optional(),
});
export type CategoryPatch = z.infer<typeof CategoryPatch>;

export const Category = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: NamesView,
    displayName: z.string(),
    parentId: z.uuid().nullable(),
    active: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ProductCategory' });
export type Category = z.infer<typeof Category>;

export const CategoryListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(200),
  cursor: z.string().max(300).optional(),
  q: z.string().trim().max(100).optional(),
  parentId: z.uuid().optional(),
  active: BoolQuery.optional(),
});
export type CategoryListQuery = z.infer<typeof CategoryListQuery>;
