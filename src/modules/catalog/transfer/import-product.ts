import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/record.ts';
import { one, pgCode, rows, type Tx, textArray } from '../../../platform/db/tx.ts';
import { type ImportColumn, type RowWritten, rowError } from '../../../platform/imports/registry.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { toHalfWidth } from '../../../platform/text/search-key.ts';
import { ProductInput } from '../product/contract.ts';
import { createProduct } from '../product/create-product.ts';
import { productBySku, upsertProduct } from './upsert-product.ts';

const col = (key: string, zh: string, en: string, required: boolean, example: string): ImportColumn => ({
  key,
  label: { 'zh-CN': zh, en },
  required,
  example,
});

export const PRODUCT_COLUMNS: ImportColumn[] = [
  col('sku', '物料编码', 'SKU', true, 'TEA-LJ-250'),
  col('nameZh', '名称（中文）', 'Name (Chinese)', false, '西湖龙井 250g'),
  col('nameEn', '名称（英文）', 'Name (English)', false, 'West Lake Longjing 250 g'),
  col('category', '分类编码', 'Category code', false, 'TEA'),
  col('kind', '类型', 'Kind', false, 'stocked'),
  col('uom', '库存单位', 'Stock unit', true, 'PCS'),
  col('saleUom', '销售单位', 'Sale unit', false, ''),
  col('packaging', '包装', 'Packaging', false, 'BOX=12'),
  col('barcode', '条码', 'Barcode', false, '6901234567892'),
  col('salePrice', '销售价', 'Sale price', false, '168.00'),
  col('currency', '币种', 'Currency', false, 'CNY'),
  col('taxCode', '税码', 'Tax code', false, 'VAT13-OUT'),
  col('procureMethod', '补货方式', 'Procurement', false, 'buy'),
  col('lotTracked', '批次管理', 'Lot tracked', false, 'yes'),
  col('expiryTracked', '效期管理', 'Expiry tracked', false, 'yes'),
  col('weightKg', '重量（千克）', 'Weight (kg)', false, '0.3'),
  col('description', '描述', 'Description', false, ''),
];

// People type these the way they say them; the product stores one code.
const KIND_WORDS: Record<string, string> = { 库存: 'stocked', 消耗品: 'consumable', 服务: 'service' };
const PROCURE_WORDS: Record<string, string> = { 采购: 'buy', 外购: 'buy', 生产: 'make', 自制: 'make' };
const YES = new Set(['yes', 'y', 'true', '1', '是', '√', 'x']);
const NO = new Set(['no', 'n', 'false', '0', '否', '']);

const flag = z
  .string()
  .transform((v) => v.trim().toLowerCase())
  .refine((v) => YES.has(v) || NO.has(v), 'yes or no (是/否)')
  .transform((v) => YES.has(v));

const word = (map: Record<string, string>) =>
  z.string().transform((v) => map[v.trim()] ?? v.trim().toLowerCase());

/** `BOX=12; CTN=48` (also `BOX×12`, `BOX:12`, full-width forms). */
const packaging = z
  .string()
  .transform((v) =>
    toHalfWidth(v)
      .split(/[;,，；]/)
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const m = /^([A-Za-z0-9_.-]+)\s*[=×x*:]\s*(\d+(\.\d+)?)$/.exec(part);
        return m ? { uomCode: m[1].toUpperCase(), factor: m[2] } : { uomCode: part, factor: 'invalid' };
      }),
  )
  .refine(
    (list) => list.every((u) => u.factor !== 'invalid'),
    'packagings as UNIT=factor, such as BOX=12; CTN=48',
  );

export const ProductRow = z.object({
  sku: z.string().min(1).max(40),
  nameZh: z.string().max(200).optional(),
  nameEn: z.string().max(200).optional(),
  category: z.string().max(40).optional(),
  kind: word(KIND_WORDS).optional(),
  uom: z
    .string()
    .max(40)
    .transform((v) => v.toUpperCase()),
  saleUom: z
    .string()
    .max(40)
    .transform((v) => v.toUpperCase())
    .optional(),
  packaging: packaging.optional(),
  barcode: z.string().max(48).optional(),
  salePrice: z.string().max(30).optional(),
  currency: z
    .string()
    .max(3)
    .transform((v) => v.toUpperCase())
    .optional(),
  taxCode: z.string().max(40).optional(),
  procureMethod: word(PROCURE_WORDS).optional(),
  lotTracked: flag.optional(),
  expiryTracked: flag.optional(),
  weightKg: z.string().max(30).optional(),
  description: z.string().max(5000).optional(),
});
export type ProductRow = z.infer<typeof ProductRow>;

const FIELD_COLUMN: Record<string, string> = {
  name: 'nameZh',
  categoryId: 'category',
  uomCode: 'uom',
  saleUomCode: 'saleUom',
  units: 'packaging',
};

/**
 * A product row through `createProduct`, or through `updateProduct` when its SKU (the key) names a
 * product (every rule, the audit and the event apply; an equal row writes nothing).
 */
export async function importProductRow(tx: Tx, actor: Actor, row: ProductRow): Promise<RowWritten> {
  let categoryId: string | null = null;
  if (row.category) {
    const found = await one<{ id: string }>(
      tx,
      sql`select id from catalog_category where company_id = ${actor.companyId} and upper(code) = upper(${row.category})`,
    );
    if (!found) throw rowError('category', 'catalog.category_unknown', `Unknown category ${row.category}`);
    categoryId = found.id;
  }
  const name: Record<string, string> = {};
  if (row.nameZh) name['zh-CN'] = row.nameZh;
  if (row.nameEn) name.en = row.nameEn;
  const input = ProductInput.safeParse({
    sku: row.sku,
    name,
    categoryId,
    kind: row.kind,
    uomCode: row.uom,
    saleUomCode: row.saleUom,
    units: row.packaging ?? [],
    barcode: row.barcode,
    salePrice: row.salePrice?.replace(/[,，¥$\s]/g, ''),
    currency: row.currency,
    taxCode: row.taxCode,
    procureMethod: row.procureMethod,
    lotTracked: row.lotTracked ?? (row.expiryTracked === true ? true : undefined),
    expiryTracked: row.expiryTracked,
    weightKg: row.weightKg,
    description: row.description,
  });
  if (!input.success) {
    const issue = input.error.issues[0];
    const field = String(issue.path[0] ?? 'sku');
    throw rowError(FIELD_COLUMN[field] ?? field, 'invalid', issue.message);
  }
  try {
    const existing = await productBySku(tx, actor, input.data.sku);
    if (existing) return await upsertProduct(tx, actor, row, input.data, existing);
    const product = await createProduct(tx, actor, input.data);
    return { recordId: product.id };
  } catch (error) {
    const e = error as { code?: string; details?: Record<string, unknown> };
    if (e.code === 'catalog.unit_unknown') throw rowError('uom', e.code, (error as Error).message);
    if (e.code === 'catalog.tax_code_unknown') throw rowError('taxCode', e.code, (error as Error).message);
    throw error;
  }
}

/**
 * Deletes imported products nothing refers to yet (no price rule, stock move or order line: the
 * database's foreign keys say so, one savepoint per product); the others stay, noted in their history.
 */
export async function undoProductImport(tx: Tx, actor: Actor, recordIds: string[]): Promise<void> {
  const found = await rows<{ id: string; sku: string }>(
    tx,
    sql`select id, sku from catalog_product where company_id = ${actor.companyId} and id = any(${textArray(recordIds)}::uuid[])`,
  );
  for (const p of found) {
    try {
      await tx.transaction(async (sp) => {
        await sp.execute(
          sql`delete from catalog_product where company_id = ${actor.companyId} and id = ${p.id}`,
        );
      });
    } catch (error) {
      if (pgCode(error) !== '23503') throw error;
      await recordAudit(tx, actor, {
        entity: 'catalog.product',
        entityId: p.id,
        action: 'import_undo_kept',
        after: { kept: 'other records refer to it' },
      });
      continue;
    }
    await recordAudit(tx, actor, {
      entity: 'catalog.product',
      entityId: p.id,
      action: 'delete',
      before: { sku: p.sku },
    });
  }
}
