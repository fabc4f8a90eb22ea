import { sql } from 'drizzle-orm';
import { type Executor, one, rows, textArray } from '../../../platform/db/tx.ts';
import { conflict, unprocessable } from '../../../platform/errors.ts';
import { convert } from '../../../platform/reference/uom-convert.ts';
import { barcodesOf, barcodeTaken, type ProductShape } from './product.ts';

export interface ReferencedShape extends ProductShape {
  sku: string;
  categoryId: string | null;
  taxCode: string | null;
  currency: string;
}

/**
 * What a product points at must exist in the company (units, category, tax code, currency), the sale
 * unit must convert to the stock unit, and the SKU and barcodes must be free (409). `selfId` is the
 * product being edited, whose own codes do not count.
 */
export async function checkProductReferences(
  ex: Executor,
  companyId: string,
  p: ReferencedShape,
  selfId: string | null,
): Promise<void> {
  await checkUnits(ex, companyId, p);
  if (p.categoryId) {
    const found = await one(
      ex,
      sql`select 1 from catalog_category where company_id = ${companyId} and id = ${p.categoryId}`,
    );
    if (!found)
      throw unprocessable('catalog.category_unknown', 'No such product category', {
        categoryId: p.categoryId,
      });
  }
  if (p.taxCode) {
    const found = await one(
      ex,
      sql`select 1 from platform_tax_code where company_id = ${companyId} and code = ${p.taxCode} and active`,
    );
    if (!found)
      throw unprocessable('catalog.tax_code_unknown', `No active tax code ${p.taxCode}`, {
        taxCode: p.taxCode,
      });
  }
  const currency = await one(
    ex,
    sql`select 1 from platform_currency where company_id = ${companyId} and code = ${p.currency} and active`,
  );
  if (!currency)
    throw unprocessable('catalog.currency_unknown', `No active currency ${p.currency}`, {
      currency: p.currency,
    });
  await checkCodesFree(ex, companyId, p, selfId);
}

async function checkUnits(ex: Executor, companyId: string, p: ReferencedShape): Promise<void> {
  const codes = [
    ...new Set([p.uomCode, p.saleUomCode, ...p.units.map((u) => u.uomCode)].filter((c) => !!c)),
  ] as string[];
  const found = await rows<{ code: string; category: string; factor: string }>(
    ex,
    sql`select code, category, factor::text as factor from platform_uom
         where company_id = ${companyId} and active and code = any(${textArray(codes)})`,
  );
  const missing = codes.filter((c) => !found.some((u) => u.code === c));
  if (missing.length > 0)
    throw unprocessable('catalog.unit_unknown', `Unknown unit ${missing.join(', ')}`, { codes: missing });
  // The sale unit must convert to the stock unit: as one of the product's packagings, or within
  // the platform unit category (a kg product sold by the gram).
  if (p.saleUomCode && p.saleUomCode !== p.uomCode && !p.units.some((u) => u.uomCode === p.saleUomCode)) {
    const unit = (code: string) => found.find((u) => u.code === code)!;
    convert('1', unit(p.saleUomCode), unit(p.uomCode));
  }
}

async function checkCodesFree(ex: Executor, companyId: string, p: ReferencedShape, selfId: string | null) {
  const self = selfId ?? '00000000-0000-0000-0000-000000000000';
  const sku = await one<{ sku: string }>(
    ex,
    sql`select sku from catalog_product where company_id = ${companyId} and upper(sku) = upper(${p.sku}) and id <> ${self}`,
  );
  if (sku)
    throw conflict('catalog.sku_taken', `The SKU ${sku.sku} is already used`, { field: 'sku', sku: sku.sku });
  const codes = barcodesOf(p);
  if (codes.length === 0) return;
  const taken = await one<{ barcode: string; sku: string }>(
    ex,
    sql`select p.barcode, p.sku from catalog_product p
         where p.company_id = ${companyId} and p.barcode = any(${textArray(codes)}) and p.id <> ${self}
        union all
        select u.barcode, p.sku from catalog_product_unit u
          join catalog_product p on p.company_id = u.company_id and p.id = u.product_id
         where u.company_id = ${companyId} and u.barcode = any(${textArray(codes)}) and u.product_id <> ${self}
        limit 1`,
  );
  if (taken) throw barcodeTaken(taken.barcode, taken.sku);
}
