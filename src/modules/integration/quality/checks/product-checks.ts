import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../../platform/db/tx.ts';
import { plainKey } from '../../../../platform/text/search-key.ts';
import { DuplicatePairs } from './pairs.ts';
import type { Finding, QualityCheck } from './registry.ts';

interface ProductRow {
  id: string;
  sku: string;
  name: Record<string, string>;
  barcode: string | null;
}

/** A barcode as a scanner reads it: digits only and leading zeros dropped (UPC-A in EAN-13 = the same). */
export function barcodeKey(barcode: string | null): string | null {
  const text = (barcode ?? '').trim();
  if (!text) return null;
  if (/^[\d\s-]+$/.test(text)) return text.replace(/\D/g, '').replace(/^0+/, '') || null;
  return plainKey(text) || null;
}

function label(p: ProductRow): string {
  return p.name['zh-CN'] ?? p.name.en ?? Object.values(p.name)[0] ?? p.sku;
}

export const duplicateProducts: QualityCheck = {
  key: 'catalog.duplicate_product',
  title: { 'zh-CN': '重复产品', en: 'Duplicate products' },
  severity: 'medium',
  recordType: 'product',
  async run(ex: Executor, companyId: string): Promise<Finding[]> {
    const products = await rows<ProductRow>(
      ex,
      sql`select id, sku, name, barcode from catalog_product where company_id = ${companyId} and active`,
    );
    const pairs = new DuplicatePairs();
    pairs.addByKey(
      products,
      (p) => p.id,
      (p) => {
        const key = barcodeKey(p.barcode);
        return key ? [key] : [];
      },
      'barcode',
    );
    // The same name in the same language, compared half-width, lower case, without spaces or punctuation.
    pairs.addByKey(
      products,
      (p) => p.id,
      (p) =>
        Object.entries(p.name)
          .map(([locale, text]) => [locale, plainKey(text)])
          .filter(([, key]) => key !== '')
          .map(([locale, key]) => `${locale}:${key}`),
      'name',
    );
    const byId = new Map(products.map((p) => [p.id, p]));
    return pairs.list().map((p) => {
      const product = byId.get(p.id)!;
      const of = byId.get(p.of)!;
      return {
        recordType: 'product',
        recordId: p.id,
        fingerprint: `${p.of}:${p.id}`,
        details: {
          sku: product.sku,
          name: label(product),
          duplicateOfId: of.id,
          duplicateOfSku: of.sku,
          duplicateOfName: label(of),
          reasons: p.reasons,
        },
      };
    });
  },
};

/**
 * Active stocked goods nothing gives a cost: no average cost in stock valuation, no supplier price, and
 * (made in house) no active bill of materials. Their cost of goods sold would be booked at zero.
 */
export const productsWithoutCost: QualityCheck = {
  key: 'catalog.product_without_cost',
  title: { 'zh-CN': '产品缺少成本', en: 'Products without a cost' },
  severity: 'medium',
  recordType: 'product',
  async run(ex: Executor, companyId: string): Promise<Finding[]> {
    const found = await rows<{
      id: string;
      sku: string;
      name: Record<string, string>;
      procure_method: string;
    }>(
      ex,
      sql`select p.id, p.sku, p.name, p.procure_method from catalog_product p
           where p.company_id = ${companyId} and p.active and p.kind = 'stocked'
             and not exists (select 1 from inventory_cost c where c.company_id = p.company_id
                              and c.product_id = p.id and c.avg_cost > 0)
             and not exists (select 1 from purchasing_supplier_price s where s.company_id = p.company_id
                              and s.product_id = p.id)
             and not exists (select 1 from manufacturing_bom b where b.company_id = p.company_id
                              and b.product_id = p.id and b.state = 'active')
           order by p.id`,
    );
    return found.map((p) => ({
      recordType: 'product',
      recordId: p.id,
      fingerprint: p.id,
      details: { sku: p.sku, name: label({ ...p, barcode: null }), procureMethod: p.procure_method },
    }));
  },
};

/** Active products that are sold without a tax code: quotes and invoices cannot compute their VAT. */
export const productsWithoutTax: QualityCheck = {
  key: 'catalog.product_without_tax',
  title: { 'zh-CN': '产品缺少税目', en: 'Products without a tax category' },
  severity: 'medium',
  recordType: 'product',
  async run(ex: Executor, companyId: string): Promise<Finding[]> {
    const found = await rows<{ id: string; sku: string; name: Record<string, string>; kind: string }>(
      ex,
      sql`select id, sku, name, kind from catalog_product
           where company_id = ${companyId} and active and tax_code is null order by id`,
    );
    return found.map((p) => ({
      recordType: 'product',
      recordId: p.id,
      fingerprint: p.id,
      details: { sku: p.sku, name: label({ ...p, barcode: null }), kind: p.kind },
    }));
  },
};
