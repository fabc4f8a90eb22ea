import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { iso } from '../../../platform/db/time.ts';
import { type Executor, one, rows, textArray } from '../../../platform/db/tx.ts';
import { notFound } from '../../../platform/errors.ts';
import { plainDecimal } from '../../../platform/reference/decimal.ts';
import { plainKey, searchFields } from '../../../platform/text/search-key.ts';
import { displayName } from '../contract.ts';
import type { Product } from './contract.ts';

export const RESOURCE = 'catalog.product';

export interface ProductRow {
  id: string;
  sku: string;
  name: Record<string, string>;
  description: string;
  category_id: string | null;
  kind: Product['kind'];
  uom_code: string;
  sale_uom_code: string | null;
  barcode: string | null;
  sale_price: string;
  currency: string;
  tax_code: string | null;
  procure_method: Product['procureMethod'];
  lot_tracked: boolean;
  expiry_tracked: boolean;
  weight_kg: string | null;
  volume_m3: string | null;
  active: boolean;
  version: number;
  created_at: unknown;
  updated_at: unknown;
}

export interface PackagingRow {
  product_id: string;
  uom_code: string;
  factor: string;
  barcode: string | null;
}

/** Prices are shown with their four stored decimals ('2.5000'), as every module exchanges them. */
export const price4 = (value: string | Decimal) => new Decimal(value).toFixed(4);

export function toProduct(r: ProductRow, units: PackagingRow[], locale: string): Product {
  return {
    id: r.id,
    sku: r.sku,
    name: r.name,
    displayName: displayName(r.name, locale),
    description: r.description,
    categoryId: r.category_id,
    kind: r.kind,
    uomCode: r.uom_code,
    saleUomCode: r.sale_uom_code ?? r.uom_code,
    barcode: r.barcode,
    salePrice: price4(r.sale_price),
    currency: r.currency,
    taxCode: r.tax_code,
    procureMethod: r.procure_method,
    lotTracked: r.lot_tracked,
    expiryTracked: r.expiry_tracked,
    weightKg: r.weight_kg === null ? null : plainDecimal(r.weight_kg),
    volumeM3: r.volume_m3 === null ? null : plainDecimal(r.volume_m3),
    active: r.active,
    units: units
      .filter((u) => u.product_id === r.id)
      .map((u) => ({ uomCode: u.uom_code, factor: plainDecimal(u.factor), barcode: u.barcode })),
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export async function packagingsOf(ex: Executor, companyId: string, productIds: string[]) {
  if (productIds.length === 0) return [];
  return rows<PackagingRow>(
    ex,
    sql`select u.product_id, u.uom_code, u.factor::text as factor, u.barcode from catalog_product_unit u
         where u.company_id = ${companyId} and u.product_id = any(${textArray(productIds)}::uuid[])
         order by u.product_id, u.factor, u.uom_code`,
  );
}

/** The product row (optionally locked for an update); 404 when it is not the company's. */
export async function findProductRow(ex: Executor, companyId: string, id: string, lock = false) {
  const row = await one<ProductRow>(
    ex,
    sql`select * from catalog_product where company_id = ${companyId} and id = ${id} ${lock ? sql`for update` : sql``}`,
  );
  if (!row) throw notFound('product', id);
  return row;
}

export async function productView(ex: Executor, companyId: string, locale: string, row: ProductRow) {
  return toProduct(row, await packagingsOf(ex, companyId, [row.id]), locale);
}

/** What the product search matches: every name (with pinyin and initials), the SKU and all barcodes. */
export function productSearchText(
  names: Record<string, string>,
  sku: string,
  barcodes: Array<string | null | undefined>,
): string {
  const parts = new Set<string>();
  for (const name of Object.values(names)) parts.add(searchFields(name, []).text);
  parts.add(plainKey(sku));
  for (const code of barcodes) if (code) parts.add(plainKey(code));
  return [...parts].filter(Boolean).join(' ');
}
