import { sql } from 'drizzle-orm';
import { type Executor, rows, textArray } from '../../../platform/db/tx.ts';
import type { ExportColumn, ExportRow } from '../../../platform/exports/export-rows.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { ProductListQuery } from '../product/contract.ts';
import { listProducts } from '../product/list-products.ts';
import { PRODUCT_COLUMNS } from './import-product.ts';

export const ProductExportQuery = ProductListQuery.omit({ limit: true, cursor: true });

const NUMBERS = new Set(['salePrice', 'weightKg']);

/** The import's columns, so an exported file can be edited and imported into another company. */
export function productExportColumns(actor: Actor): ExportColumn[] {
  requirePermission(actor, 'catalog.product.read');
  return PRODUCT_COLUMNS.map((c) => ({
    key: c.key,
    header: actor.locale === 'zh-CN' ? c.label['zh-CN'] : c.label.en,
    ...(NUMBERS.has(c.key) ? { type: 'number' as const } : {}),
  }));
}

/** The products matching the list's filters, page by page. */
export async function* productExportRows(
  ex: Executor,
  actor: Actor,
  query: ReturnType<typeof ProductExportQuery.parse>,
): AsyncGenerator<ExportRow> {
  requirePermission(actor, 'catalog.product.read');
  let cursor: string | undefined;
  do {
    const page = await listProducts(ex, actor, { ...query, limit: 200, cursor });
    const categoryIds = [...new Set(page.items.map((p) => p.categoryId).filter((id): id is string => !!id))];
    const codes = new Map(
      categoryIds.length === 0
        ? []
        : (
            await rows<{ id: string; code: string }>(
              ex,
              sql`select id, code from catalog_category where company_id = ${actor.companyId}
                    and id = any(${textArray(categoryIds)}::uuid[])`,
            )
          ).map((c) => [c.id, c.code]),
    );
    for (const p of page.items)
      yield {
        sku: p.sku,
        nameZh: p.name['zh-CN'] ?? '',
        nameEn: p.name.en ?? '',
        category: p.categoryId ? codes.get(p.categoryId) : '',
        kind: p.kind,
        uom: p.uomCode,
        saleUom: p.saleUomCode === p.uomCode ? '' : p.saleUomCode,
        packaging: p.units.map((u) => `${u.uomCode}=${u.factor}`).join('; '),
        barcode: p.barcode,
        salePrice: p.salePrice,
        currency: p.currency,
        taxCode: p.taxCode,
        procureMethod: p.procureMethod,
        lotTracked: p.lotTracked ? 'yes' : 'no',
        expiryTracked: p.expiryTracked ? 'yes' : 'no',
        weightKg: p.weightKg,
        description: p.description,
      };
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
