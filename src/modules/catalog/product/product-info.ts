import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { type Executor, one, rows, textArray } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { convert, type UnitLike } from '../../../platform/reference/uom-convert.ts';
import { type ProductRow, price4 } from './product.repo.ts';

/** What other modules need of a product (see index.ts). */
export interface ProductInfo {
  id: string;
  sku: string;
  name: Record<string, string>;
  kind: 'stocked' | 'consumable' | 'service';
  uomCode: string;
  saleUomCode: string;
  taxCode: string | null;
  salePrice: string;
  currency: string;
  lotTracked: boolean;
  expiryTracked: boolean;
  procureMethod: 'buy' | 'make';
  active: boolean;
}

const productUnknown = (ids: string[]) =>
  unprocessable('catalog.product_unknown', `Unknown product ${ids.join(', ')}`, { ids });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getProducts(
  ex: Executor,
  companyId: string,
  ids: string[],
): Promise<Map<string, ProductInfo>> {
  const wanted = [...new Set(ids)];
  const malformed = wanted.filter((id) => !UUID.test(id));
  if (malformed.length > 0) throw productUnknown(malformed);
  const found =
    wanted.length === 0
      ? []
      : await rows<ProductRow>(
          ex,
          sql`select * from catalog_product where company_id = ${companyId} and id = any(${textArray(wanted)}::uuid[])`,
        );
  const missing = wanted.filter((id) => !found.some((r) => r.id === id));
  if (missing.length > 0) throw productUnknown(missing);
  return new Map(
    found.map((r) => [
      r.id,
      {
        id: r.id,
        sku: r.sku,
        name: r.name,
        kind: r.kind,
        uomCode: r.uom_code,
        saleUomCode: r.sale_uom_code ?? r.uom_code,
        taxCode: r.tax_code,
        salePrice: price4(r.sale_price),
        currency: r.currency,
        lotTracked: r.lot_tracked,
        expiryTracked: r.expiry_tracked,
        procureMethod: r.procure_method,
        active: r.active,
      },
    ]),
  );
}

/**
 * How many stock units one `uomCode` of the product is, unrounded: the product's packaging first
 * (BOX = 12 PCS), else the platform unit categories (G → KG). 422 when the unit is unknown or of
 * another category than the stock unit.
 */
export async function stockFactor(
  ex: Executor,
  companyId: string,
  productId: string,
  uomCode: string,
): Promise<{ stockUom: string; factor: Decimal }> {
  const product = UUID.test(productId)
    ? await one<{ uom_code: string; pack_factor: string | null }>(
        ex,
        sql`select p.uom_code, u.factor::text as pack_factor from catalog_product p
              left join catalog_product_unit u on u.company_id = p.company_id and u.product_id = p.id and u.uom_code = ${uomCode}
             where p.company_id = ${companyId} and p.id = ${productId}`,
      )
    : undefined;
  if (!product) throw productUnknown([productId]);
  if (uomCode === product.uom_code) return { stockUom: product.uom_code, factor: new Decimal(1) };
  if (product.pack_factor !== null)
    return { stockUom: product.uom_code, factor: new Decimal(product.pack_factor) };
  const units = await rows<UnitLike>(
    ex,
    sql`select code, category, factor::text as factor from platform_uom
         where company_id = ${companyId} and code = any(${textArray([uomCode, product.uom_code])})`,
  );
  const from = units.find((u) => u.code === uomCode);
  const to = units.find((u) => u.code === product.uom_code);
  if (!from || !to)
    throw unprocessable('catalog.unit_unknown', `Unknown unit ${uomCode}`, { codes: [uomCode], productId });
  return { stockUom: product.uom_code, factor: new Decimal(convert(1, from, to).toString()) };
}

export async function toStockQty(
  ex: Executor,
  companyId: string,
  productId: string,
  qty: string,
  uomCode: string,
): Promise<string> {
  let amount: Decimal;
  try {
    amount = new Decimal(qty);
  } catch {
    throw unprocessable('catalog.qty_invalid', `Not a quantity: ${qty}`, { qty });
  }
  if (!amount.isFinite()) throw unprocessable('catalog.qty_invalid', `Not a quantity: ${qty}`, { qty });
  const { factor } = await stockFactor(ex, companyId, productId, uomCode);
  return amount.times(factor).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4);
}
