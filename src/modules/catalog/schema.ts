// Every table catalog owns; drizzle-kit reads this file.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Translations } from '../../platform/db/columns.ts';
import { companyId, id, versioned } from '../../platform/db/columns.ts';
import { company, taxCode, unitOfMeasure } from '../../platform/schema.ts';

export const category = pgTable(
  'catalog_category',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    code: text('code').notNull(),
    name: jsonb('name').$type<Translations>().notNull(),
    parentId: uuid('parent_id'),
    active: boolean('active').notNull().default(true),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('catalog_category_code_uq').on(t.companyId, t.code),
    foreignKey({ columns: [t.companyId, t.parentId], foreignColumns: [t.companyId, t.id] }),
  ],
);

export const product = pgTable(
  'catalog_product',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    sku: text('sku').notNull(),
    name: jsonb('name').$type<Translations>().notNull(),
    /** Lower-cased names, SKU, barcode, pinyin and initials: what the product search matches. */
    searchText: text('search_text').notNull().default(''),
    description: text('description').notNull().default(''),
    categoryId: uuid('category_id'),
    kind: text('kind').notNull().default('stocked'),
    /** The unit stock is kept and costed in; every other unit converts to it. */
    uomCode: text('uom_code').notNull(),
    /** The unit a sales line starts with (defaults to the stock unit). */
    saleUomCode: text('sale_uom_code'),
    barcode: text('barcode'),
    salePrice: numeric('sale_price', { precision: 18, scale: 4 }).notNull().default('0'),
    currency: text('currency').notNull().default('CNY'),
    taxCode: text('tax_code'),
    /** How a shortage is filled: bought from a supplier or made in production. */
    procureMethod: text('procure_method').notNull().default('buy'),
    lotTracked: boolean('lot_tracked').notNull().default(false),
    expiryTracked: boolean('expiry_tracked').notNull().default(false),
    weightKg: numeric('weight_kg', { precision: 18, scale: 4 }),
    volumeM3: numeric('volume_m3', { precision: 18, scale: 6 }),
    imageAttachmentId: uuid('image_attachment_id'),
    active: boolean('active').notNull().default(true),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('catalog_product_sku_uq').on(t.companyId, t.sku),
    uniqueIndex('catalog_product_barcode_uq').on(t.companyId, t.barcode).where(sql`${t.barcode} is not null`),
    index('catalog_product_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    foreignKey({ columns: [t.companyId, t.categoryId], foreignColumns: [category.companyId, category.id] }),
    foreignKey({
      columns: [t.companyId, t.uomCode],
      foreignColumns: [unitOfMeasure.companyId, unitOfMeasure.code],
    }),
    foreignKey({
      columns: [t.companyId, t.saleUomCode],
      foreignColumns: [unitOfMeasure.companyId, unitOfMeasure.code],
    }),
    foreignKey({ columns: [t.companyId, t.taxCode], foreignColumns: [taxCode.companyId, taxCode.code] }),
    check('catalog_product_kind_ck', sql`${t.kind} in ('stocked', 'consumable', 'service')`),
    check('catalog_product_procure_ck', sql`${t.procureMethod} in ('buy', 'make')`),
    check('catalog_product_price_ck', sql`${t.salePrice} >= 0`),
    check('catalog_product_expiry_ck', sql`not ${t.expiryTracked} or ${t.lotTracked}`),
    check(
      'catalog_product_measures_ck',
      sql`coalesce(${t.weightKg}, 0) >= 0 and coalesce(${t.volumeM3}, 0) >= 0`,
    ),
  ],
);

/** A packaging of one product (box of 12, carton of 48): how many stock units one of it holds. */
export const productUnit = pgTable(
  'catalog_product_unit',
  {
    companyId: companyId(),
    id: id(),
    productId: uuid('product_id').notNull(),
    uomCode: text('uom_code').notNull(),
    factor: numeric('factor', { precision: 20, scale: 10 }).notNull(),
    barcode: text('barcode'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('catalog_product_unit_uq').on(t.companyId, t.productId, t.uomCode),
    uniqueIndex('catalog_product_unit_barcode_uq')
      .on(t.companyId, t.barcode)
      .where(sql`${t.barcode} is not null`),
    foreignKey({
      columns: [t.companyId, t.productId],
      foreignColumns: [product.companyId, product.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.companyId, t.uomCode],
      foreignColumns: [unitOfMeasure.companyId, unitOfMeasure.code],
    }),
    check('catalog_product_unit_factor_ck', sql`${t.factor} > 0`),
  ],
);

/**
 * A price list applies to one customer, to a customer group (a customer tag), or to everyone;
 * the most specific valid list with a matching rule wins, then the higher priority.
 */
export const priceList = pgTable(
  'catalog_price_list',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    code: text('code').notNull(),
    name: jsonb('name').$type<Translations>().notNull(),
    currency: text('currency').notNull().default('CNY'),
    /** A crm customer (no foreign key: catalog sits below crm; checked through the party check crm registers). */
    customerId: uuid('customer_id'),
    customerGroup: text('customer_group'),
    priority: integer('priority').notNull().default(0),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    active: boolean('active').notNull().default(true),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('catalog_price_list_code_uq').on(t.companyId, t.code),
    check('catalog_price_list_target_ck', sql`${t.customerId} is null or ${t.customerGroup} is null`),
    check(
      'catalog_price_list_dates_ck',
      sql`${t.validTo} is null or ${t.validFrom} is null or ${t.validTo} >= ${t.validFrom}`,
    ),
    check('catalog_price_list_currency_ck', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

/** One rule of a price list: a fixed price or a discount off the list price, from a quantity on. */
export const priceRule = pgTable(
  'catalog_price_rule',
  {
    companyId: companyId(),
    id: id(),
    priceListId: uuid('price_list_id').notNull(),
    /** The rule's product, or its category, or neither (every product). */
    productId: uuid('product_id'),
    categoryId: uuid('category_id'),
    /** Minimum quantity, in the product's stock unit. */
    minQty: numeric('min_qty', { precision: 18, scale: 4 }).notNull().default('0'),
    /** Either a fixed unit price (per stock unit, in the list's currency) or a percentage off the product's sale price. */
    price: numeric('price', { precision: 18, scale: 4 }),
    discountPercent: numeric('discount_percent', { precision: 7, scale: 4 }),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index('catalog_price_rule_list_idx').on(t.companyId, t.priceListId, t.productId),
    foreignKey({
      columns: [t.companyId, t.priceListId],
      foreignColumns: [priceList.companyId, priceList.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.companyId, t.productId], foreignColumns: [product.companyId, product.id] }),
    foreignKey({ columns: [t.companyId, t.categoryId], foreignColumns: [category.companyId, category.id] }),
    check('catalog_price_rule_min_qty_ck', sql`${t.minQty} >= 0`),
    check(
      'catalog_price_rule_kind_ck',
      sql`(${t.price} is not null and ${t.discountPercent} is null and ${t.price} >= 0) or (${t.price} is null and ${t.discountPercent} is not null and ${t.discountPercent} >= 0 and ${t.discountPercent} <= 100)`,
    ),
    check('catalog_price_rule_target_ck', sql`${t.productId} is null or ${t.categoryId} is null`),
    check(
      'catalog_price_rule_dates_ck',
      sql`${t.validTo} is null or ${t.validFrom} is null or ${t.validTo} >= ${t.validFrom}`,
    ),
  ],
);
