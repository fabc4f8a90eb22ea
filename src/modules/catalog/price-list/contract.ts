import { Decimal } from 'decimal.js';
import { z } from 'zod';
import {
  BoolQuery,
  CatalogCode,
  CurrencyCode,
  IsoDate,
  Names,
  NamesView,
  Price,
  Qty,
  UomCode,
} from '../contract.ts';

/** A percentage 0–100 with up to 4 decimals. */
const Percent = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,4})?$/, { message: 'a percentage such as "7.5"', abort: true })
  .refine((s) => new Decimal(s).lte(100), 'at most 100');

export const RuleInput = z.strictObject({
  /** The rule's product, or its category (and everything below), or neither: every product. */
  productId: z.uuid().nullable().optional(),
  categoryId: z.uuid().nullable().optional(),
  /** From this quantity on, in the product's stock unit. */
  minQty: Qty.default('0'),
  /** A fixed price per stock unit in the list's currency … */
  price: Price.nullable().optional(),
  /** … or a percentage off the product's list price. */
  discountPercent: Percent.nullable().optional(),
  validFrom: IsoDate.nullable().optional(),
  validTo: IsoDate.nullable().optional(),
});
export type RuleInput = z.infer<typeof RuleInput>;

const CustomerGroup = z.string().trim().min(1).max(40);

export const PriceListInput = z.strictObject({
  code: CatalogCode,
  name: Names,
  /** The company currency when not given. */
  currency: CurrencyCode.optional(),
  /** For one customer, or for a customer group (a customer tag), or neither: everyone. */
  customerId: z.uuid().nullable().optional(),
  customerGroup: CustomerGroup.nullable().optional(),
  priority: z.number().int().min(-1000).max(1000).default(0),
  validFrom: IsoDate.nullable().optional(),
  validTo: IsoDate.nullable().optional(),
  active: z.boolean().default(true),
  rules: z.array(RuleInput).max(1000).default([]),
});
export type PriceListInput = z.infer<typeof PriceListInput>;

export const PriceListPatch = z.strictObject({
  version: z.number().int().min(1),
  code: CatalogCode.optional(),
  name: Names.optional(),
  currency: CurrencyCode.optional(),
  customerId: z.uuid().nullable().optional(),
  customerGroup: CustomerGroup.nullable().optional(),
  priority: z.number().int().min(-1000).max(1000).optional(),
  validFrom: IsoDate.nullable().optional(),
  validTo: IsoDate.nullable().optional(),
  active: z.boolean().optional(),
  /** When sent, replaces every rule of the list. */
  rules: z.array(RuleInput).max(1000).optional(),
});
export type PriceListPatch = z.infer<typeof PriceListPatch>;

export const Rule = z
  .object({
    id: z.uuid(),
    productId: z.uuid().nullable(),
    categoryId: z.uuid().nullable(),
    minQty: z.string(),
    price: z.string().nullable(),
    discountPercent: z.string().nullable(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
  })
  .meta({ id: 'PriceRule' });
export type Rule = z.infer<typeof Rule>;

export const PriceList = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: NamesView,
    displayName: z.string(),
    currency: z.string(),
    customerId: z.uuid().nullable(),
    customerGroup: z.string().nullable(),
    priority: z.number().int(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    active: z.boolean(),
    ruleCount: z.number().int(),
    /** Only on a single list (GET /price-lists/{id}, POST, PATCH). */
    rules: z.array(Rule).optional(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PriceList' });
export type PriceList = z.infer<typeof PriceList>;

export const PriceListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
  q: z.string().trim().max(100).optional(),
  customerId: z.uuid().optional(),
  currency: CurrencyCode.optional(),
  active: BoolQuery.optional(),
});
export type PriceListQuery = z.infer<typeof PriceListQuery>;

export const PriceQuery = z.object({
  productId: z.uuid(),
  customerId: z.uuid().optional(),
  /** In `uomCode`; 1 when not given. */
  qty: z
    .string()
    .regex(/^\d{1,14}(\.\d{1,4})?$/, { message: 'a quantity such as "12"', abort: true })
    .refine((s) => new Decimal(s).gt(0), 'must be greater than 0')
    .default('1'),
  /** The product's sale unit when not given. */
  uomCode: UomCode.optional(),
  /** The company currency when not given. */
  currency: CurrencyCode.optional(),
  /** Today in the company's time zone when not given. */
  date: IsoDate.optional(),
  priceListId: z.uuid().optional(),
});
export type PriceQuery = z.infer<typeof PriceQuery>;

export const PriceSourceView = z
  .object({
    kind: z.enum(['rule', 'list_price']),
    priceListId: z.uuid().optional(),
    priceListCode: z.string().optional(),
    ruleId: z.uuid().optional(),
    minQty: z.string().optional(),
    discountPercent: z.string().optional(),
  })
  .meta({ id: 'PriceSource' });

export const PriceAnswer = z
  .object({
    productId: z.uuid(),
    qty: z.string(),
    uomCode: z.string(),
    qtyBase: z.string(),
    stockUomCode: z.string(),
    /** Per `uomCode`. */
    unitPrice: z.string(),
    /** Per stock unit. */
    unitPriceBase: z.string(),
    currency: z.string(),
    date: z.string(),
    source: PriceSourceView,
  })
  .meta({ id: 'PriceAnswer' });
