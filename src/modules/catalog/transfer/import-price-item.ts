import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { one, type Tx } from '../../../platform/db/tx.ts';
import {
  type ImportColumn,
  parseWithSchema,
  type RowWritten,
  registerImporter,
  rowError,
} from '../../../platform/imports/registry.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import type { RuleInput } from '../price-list/contract.ts';
import { findPriceListRow, rulesOf } from '../price-list/price-list.repo.ts';
import { updatePriceList } from '../price-list/update-price-list.ts';

const col = (key: string, zh: string, en: string, required: boolean, example: string): ImportColumn => ({
  key,
  label: { 'zh-CN': zh, en },
  required,
  example,
});

export const PRICE_ITEM_COLUMNS: ImportColumn[] = [
  col('priceList', '价格表编码', 'Price list code', true, 'WHOLESALE'),
  col('sku', '物料编码', 'SKU', true, 'TEA-LJ-250'),
  col('minQty', '起订数量', 'From quantity', false, '0'),
  col('price', '价格', 'Price', false, '158.00'),
  col('discountPercent', '折扣（%）', 'Discount (%)', false, ''),
  col('validFrom', '生效日期', 'Valid from', false, '2026-01-01'),
  col('validTo', '失效日期', 'Valid to', false, ''),
];

const amount = z.string().transform((v) => v.replace(/[,，¥￥\s]/g, ''));
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2026-01-31');

export const PriceItemRow = z
  .object({
    priceList: z.string().min(1).max(40),
    sku: z.string().min(1).max(40),
    minQty: amount.pipe(z.string().regex(/^\d{1,12}(\.\d{1,4})?$/, 'a quantity such as 10')).default('0'),
    price: amount.pipe(z.string().regex(/^\d{1,14}(\.\d{1,4})?$/, 'a price such as 158.00')).optional(),
    discountPercent: amount
      .pipe(z.string().regex(/^\d{1,3}(\.\d{1,4})?$/, 'a percentage such as 7.5'))
      .refine((v) => Number(v) <= 100, 'at most 100')
      .optional(),
    validFrom: Day.optional(),
    validTo: Day.optional(),
  })
  .refine((r) => (r.price === undefined) !== (r.discountPercent === undefined), {
    message: 'a price or a discount, one of the two',
    path: ['price'],
  });
export type PriceItemRow = z.infer<typeof PriceItemRow>;

const asInput = (r: Record<string, any>): RuleInput => ({
  productId: r.product_id,
  categoryId: r.category_id,
  minQty: r.min_qty,
  price: r.price,
  discountPercent: r.discount_percent,
  validFrom: r.valid_from,
  validTo: r.valid_to,
});
const num = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v));
const sameRule = (a: RuleInput, b: RuleInput) =>
  num(a.price) === num(b.price) &&
  num(a.discountPercent) === num(b.discountPercent) &&
  (a.validFrom ?? null) === (b.validFrom ?? null) &&
  (a.validTo ?? null) === (b.validTo ?? null);

/**
 * One price of a product in a price list; the key is (list code, SKU, from-quantity). The list's
 * rules go through `updatePriceList` with its version (its checks and audit apply), the matching
 * rule replaced or a new one added; an equal row writes nothing. The record id names the item
 * (`list:product:minQty`), as rule ids change whenever a list's rules are saved.
 */
export async function importPriceItemRow(tx: Tx, actor: Actor, row: PriceItemRow): Promise<RowWritten> {
  const list = await one<{ id: string }>(
    tx,
    sql`select id from catalog_price_list where company_id = ${actor.companyId} and upper(code) = upper(${row.priceList})`,
  );
  if (!list) throw rowError('priceList', 'catalog.price_list_unknown', `No price list ${row.priceList}`);
  const product = await one<{ id: string }>(
    tx,
    sql`select id from catalog_product where company_id = ${actor.companyId} and sku = ${row.sku}`,
  );
  if (!product) throw rowError('sku', 'catalog.product_unknown', `No product ${row.sku}`);
  const version = (await findPriceListRow(tx, actor.companyId, list.id, true)).version as number;
  const rules = (await rulesOf(tx, actor.companyId, list.id)).map(asInput);
  const wanted: RuleInput = {
    productId: product.id,
    categoryId: null,
    minQty: row.minQty,
    price: row.price ?? null,
    discountPercent: row.discountPercent ?? null,
    validFrom: row.validFrom ?? null,
    validTo: row.validTo ?? null,
  };
  const recordId = `${list.id}:${product.id}:${Number(row.minQty)}`;
  const at = rules.findIndex((r) => r.productId === product.id && Number(r.minQty) === Number(row.minQty));
  if (at >= 0 && sameRule(rules[at], wanted)) return { recordId, result: 'unchanged' };
  if (at >= 0) rules[at] = wanted;
  else rules.push(wanted);
  await updatePriceList(tx, actor, list.id, { version, rules });
  return { recordId, result: at >= 0 ? 'updated' : 'new' };
}

/** Removes the prices a batch added, list by list, through `updatePriceList`. */
export async function undoPriceItemImport(tx: Tx, actor: Actor, recordIds: string[]): Promise<void> {
  const byList = new Map<string, Set<string>>();
  for (const id of recordIds) {
    const [listId, productId, minQty] = id.split(':');
    byList.set(listId, (byList.get(listId) ?? new Set()).add(`${productId}:${Number(minQty)}`));
  }
  for (const [listId, items] of byList) {
    const version = (await findPriceListRow(tx, actor.companyId, listId, true)).version as number;
    const rules = (await rulesOf(tx, actor.companyId, listId)).map(asInput);
    const kept = rules.filter((r) => !items.has(`${r.productId}:${Number(r.minQty)}`));
    if (kept.length !== rules.length) await updatePriceList(tx, actor, listId, { version, rules: kept });
  }
}

registerImporter<PriceItemRow>({
  entity: 'catalog.price_item',
  permission: 'catalog.price_list.manage',
  columns: PRICE_ITEM_COLUMNS,
  keyColumns: ['priceList', 'sku', 'minQty'],
  parseRow: (raw) => parseWithSchema(PriceItemRow, raw),
  importRow: importPriceItemRow,
  undo: undoPriceItemImport,
});
