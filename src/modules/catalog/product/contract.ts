import { z } from 'zod';
import { PositiveDecimal } from '../../../platform/reference/decimal.ts';
import {
  Barcode,
  BoolQuery,
  CatalogCode,
  CurrencyCode,
  Names,
  NamesView,
  Price,
  UomCode,
} from '../contract.ts';

export const KINDS = ['stocked', 'consumable', 'service'] as const;
export const PROCURE_METHODS = ['buy', 'make'] as const;

const Measure = (scale: number) =>
  z.string().regex(new RegExp(`^\\d{1,12}(\\.\\d{1,${scale}})?$`), 'a non-negative decimal such as "0.25"');

/** A packaging of the product: one `uomCode` holds `factor` stock units (BOX = 12 PCS). */
export const PackagingInput = z.strictObject({
  uomCode: UomCode,
  factor: PositiveDecimal,
  barcode: Barcode.nullable().optional(),
});

const fields = {
  name: Names,
  description: z.string().max(5000),
  categoryId: z.uuid().nullable(),
  kind: z.enum(KINDS),
  uomCode: UomCode,
  saleUomCode: UomCode.nullable(),
  barcode: Barcode.nullable(),
  salePrice: Price,
  currency: CurrencyCode,
  taxCode: z.string().max(40).nullable(),
  procureMethod: z.enum(PROCURE_METHODS),
  lotTracked: z.boolean(),
  expiryTracked: z.boolean(),
  weightKg: Measure(4).nullable(),
  volumeM3: Measure(6).nullable(),
  active: z.boolean(),
  units: z.array(PackagingInput).max(20),
};

export const ProductInput = z.strictObject({
  sku: CatalogCode,
  name: fields.name,
  description: fields.description.default(''),
  categoryId: fields.categoryId.optional(),
  kind: fields.kind.default('stocked'),
  uomCode: fields.uomCode,
  saleUomCode: fields.saleUomCode.optional(),
  barcode: fields.barcode.optional(),
  salePrice: fields.salePrice.default('0'),
  /** The company currency when not given. */
  currency: fields.currency.optional(),
  taxCode: fields.taxCode.optional(),
  procureMethod: fields.procureMethod.default('buy'),
  lotTracked: fields.lotTracked.default(false),
  expiryTracked: fields.expiryTracked.default(false),
  weightKg: fields.weightKg.optional(),
  volumeM3: fields.volumeM3.optional(),
  active: fields.active.default(true),
  units: fields.units.default([]),
});
export type ProductInput = z.infer<typeof ProductInput>;

/** Every field optional; `units`, when sent, replaces the packagings as a whole. */
export const ProductPatch = z.strictObject({
  version: z.number().int().min(1),
  sku: CatalogCode.optional(),
  name: fields.name.optional(),
  description: fields.description.optional(),
  categoryId: fields.categoryId.optional(),
  kind: fields.kind.optional(),
  uomCode: fields.uomCode.optional(),
  saleUomCode: fields.saleUomCode.optional(),
  barcode: fields.barcode.optional(),
  salePrice: fields.salePrice.optional(),
  currency: fields.currency.optional(),
  taxCode: fields.taxCode.optional(),
  procureMethod: fields.procureMethod.optional(),
  lotTracked: fields.lotTracked.optional(),
  expiryTracked: fields.expiryTracked.optional(),
  weightKg: fields.weightKg.optional(),
  volumeM3: fields.volumeM3.optional(),
  active: fields.active.optional(),
  units: fields.units.optional(),
});
export type ProductPatch = z.infer<typeof ProductPatch>;

export const Packaging = z.object({
  uomCode: z.string(),
  factor: z.string(),
  barcode: z.string().nullable(),
});

export const Product = z
  .object({
    id: z.uuid(),
    sku: z.string(),
    name: NamesView,
    displayName: z.string(),
    description: z.string(),
    categoryId: z.uuid().nullable(),
    kind: z.enum(KINDS),
    uomCode: z.string(),
    /** The unit a sales line starts with: the stock unit unless set. */
    saleUomCode: z.string(),
    barcode: z.string().nullable(),
    salePrice: z.string(),
    currency: z.string(),
    taxCode: z.string().nullable(),
    procureMethod: z.enum(PROCURE_METHODS),
    lotTracked: z.boolean(),
    expiryTracked: z.boolean(),
    weightKg: z.string().nullable(),
    volumeM3: z.string().nullable(),
    active: z.boolean(),
    units: z.array(Packaging),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Product' });
export type Product = z.infer<typeof Product>;

export const ProductListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
  /** SKU, a name fragment in any language, pinyin or initials, a barcode. */
  q: z.string().trim().max(100).optional(),
  /** The category and everything below it. */
  categoryId: z.uuid().optional(),
  kind: z.enum(KINDS).optional(),
  active: BoolQuery.optional(),
  sort: z.enum(['sku', 'createdAt']).default('sku'),
});
export type ProductListQuery = z.infer<typeof ProductListQuery>;

export const LookupQuery = z.object({ code: z.string().trim().min(1).max(100) });

export const LookupResult = Product.extend({
  /** What the code matched, and in which unit the scanned item counts (a box barcode → the box). */
  matchedBy: z.enum(['sku', 'barcode', 'unit_barcode']),
  matchedUomCode: z.string(),
}).meta({ id: 'ProductLookup' });
