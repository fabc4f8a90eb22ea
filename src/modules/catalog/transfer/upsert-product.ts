import { sql } from 'drizzle-orm';
import { one, type Tx } from '../../../platform/db/tx.ts';
import type { RowResult } from '../../../platform/imports/registry.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import type { Product, ProductInput, ProductPatch } from '../product/contract.ts';
import { findProductRow, productView } from '../product/product.repo.ts';
import { updateProduct } from '../product/update-product.ts';
import type { ProductRow } from './import-product.ts';

/** The product with this SKU (the product import's key), if any. */
export async function productBySku(tx: Tx, actor: Actor, sku: string): Promise<string | null> {
  const found = await one<{ id: string }>(
    tx,
    sql`select id from catalog_product where company_id = ${actor.companyId} and sku = ${sku}`,
  );
  return found?.id ?? null;
}

const amount = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const packagings = (units: Array<{ uomCode: string; factor: string }>) =>
  JSON.stringify(
    units.map((u) => [u.uomCode, Number(u.factor)]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  );

/** The product fields each file column sets: a blank cell leaves its field as it is. */
const FIELDS_OF: Array<[keyof ProductRow, keyof Product & keyof ProductInput]> = [
  ['category', 'categoryId'],
  ['kind', 'kind'],
  ['uom', 'uomCode'],
  ['saleUom', 'saleUomCode'],
  ['barcode', 'barcode'],
  ['salePrice', 'salePrice'],
  ['currency', 'currency'],
  ['taxCode', 'taxCode'],
  ['procureMethod', 'procureMethod'],
  ['lotTracked', 'lotTracked'],
  ['expiryTracked', 'expiryTracked'],
  ['weightKg', 'weightKg'],
  ['description', 'description'],
];

function changesOf(row: ProductRow, input: ProductInput, current: Product): Omit<ProductPatch, 'version'> {
  const patch: Record<string, unknown> = {};
  const now = current as Record<string, unknown>;
  const given = input as Record<string, unknown>;
  for (const [column, field] of FIELDS_OF) {
    if (row[column] === undefined) continue;
    const numeric = field === 'salePrice' || field === 'weightKg';
    const same = numeric
      ? amount(given[field]) === amount(now[field])
      : JSON.stringify(given[field] ?? null) === JSON.stringify(now[field] ?? null);
    if (!same) patch[field] = given[field];
  }
  if (row.nameZh !== undefined || row.nameEn !== undefined) {
    const name = { ...current.name, ...input.name };
    if (JSON.stringify(name) !== JSON.stringify(current.name)) patch.name = name;
  }
  if (row.packaging !== undefined && packagings(input.units) !== packagings(current.units)) {
    // Keep the barcode of a packaging the file still lists.
    const barcodeOf = new Map(current.units.map((u) => [u.uomCode, u.barcode]));
    patch.units = input.units.map((u) => ({ ...u, barcode: barcodeOf.get(u.uomCode) ?? null }));
  }
  return patch;
}

/**
 * A row whose SKU names a product: the differing fields go through `updateProduct` with the
 * product's version (its checks, audit and `product.updated` apply); an equal row writes nothing.
 */
export async function upsertProduct(
  tx: Tx,
  actor: Actor,
  row: ProductRow,
  input: ProductInput,
  productId: string,
): Promise<{ recordId: string; result: RowResult }> {
  const current = await productView(
    tx,
    actor.companyId,
    actor.locale,
    await findProductRow(tx, actor.companyId, productId),
  );
  const patch = changesOf(row, input, current);
  if (Object.keys(patch).length === 0) return { recordId: productId, result: 'unchanged' };
  await updateProduct(tx, actor, productId, { ...patch, version: current.version });
  return { recordId: productId, result: 'updated' };
}
