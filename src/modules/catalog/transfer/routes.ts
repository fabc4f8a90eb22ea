import type { FastifyInstance } from 'fastify';
import {
  attachment,
  type ExportFormat,
  exportRows,
  FileDownload,
  prime,
} from '../../../platform/exports/export-rows.ts';
import { route } from '../../../platform/http/route.ts';
import { parseWithSchema, registerImporter } from '../../../platform/imports/registry.ts';
import { ProductExportQuery, productExportColumns, productExportRows } from './export-products.ts';
import { importProductRow, PRODUCT_COLUMNS, ProductRow, undoProductImport } from './import-product.ts';

// Products on the platform's import engine (column mapping, dry run, per-row errors, undo): each row
// goes through createProduct, or updateProduct when its SKU (the key) names a product; a barcode
// another product has is refused with its 409 code (a conflict in the dry-run diff).
registerImporter<ProductRow>({
  entity: 'catalog.product',
  permission: 'catalog.product.create',
  columns: PRODUCT_COLUMNS,
  parseRow: (raw) => parseWithSchema(ProductRow, raw),
  keyColumns: ['sku'],
  importRow: (tx, actor, row) => importProductRow(tx, actor, row),
  undo: undoProductImport,
});

/** The product list as CSV or XLSX, in the import's columns. */
export function transferRoutes(app: FastifyInstance): void {
  for (const format of ['csv', 'xlsx'] as ExportFormat[])
    route(app, {
      method: 'GET',
      url: `/api/v1/products/export.${format}`,
      summary: `The product list as ${format.toUpperCase()} (the list's filters; the import's columns)`,
      tags: ['catalog'],
      access: 'platform.export.run',
      query: ProductExportQuery,
      response: FileDownload,
      handler: async ({ db, query, reply }, actor) => {
        const columns = productExportColumns(actor);
        const rows = await prime(productExportRows(db.orm, actor, query));
        attachment(reply, 'products', format);
        return exportRows(format, columns, rows, 'Products');
      },
    });
}
