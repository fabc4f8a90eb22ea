import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { rows, type Tx, textArray } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { getProducts, type ProductInfo, priceFor, toStockQty } from '../../catalog/index.ts';
import type { PriceSource } from '../schema.ts';
import { lineAmounts, priceInLineUnit } from './amounts.ts';
import type { LineInput } from './contract.ts';

/** A document line with everything resolved: unit, stock quantity, price, tax and amounts. */
export interface PricedLine {
  lineNo: number;
  productId: string;
  kind: ProductInfo['kind'];
  description: string;
  qty: string;
  uomCode: string;
  qtyBase: string;
  unitPrice: string;
  priceSource: PriceSource;
  discountPercent: string;
  taxCode: string | null;
  taxRate: string;
  taxIncluded: boolean;
  subtotal: string;
  tax: string;
  total: string;
}

export interface PricingContext {
  companyId: string;
  customerId: string;
  /** The customer's tags: price lists for customer groups match on them. */
  customerGroups: string[];
  currency: string;
  date: string;
  priceListId: string | null;
  locale: string;
}

const nameIn = (names: Record<string, string>, locale: string) =>
  names[locale] ?? names['zh-CN'] ?? names.en ?? Object.values(names)[0] ?? '';

async function taxCodesOf(tx: Tx, companyId: string, codes: string[]) {
  const found = await rows<{ code: string; rate: string; price_included: boolean }>(
    tx,
    sql`select code, rate::text as rate, price_included from platform_tax_code
         where company_id = ${companyId} and code = any(${textArray(codes)}) and active and kind = 'output'`,
  );
  const byCode = new Map(found.map((t) => [t.code, t]));
  const missing = codes.filter((c) => !byCode.has(c));
  if (missing.length > 0)
    throw unprocessable('reference_invalid', 'Unknown or inactive output tax code', {
      field: 'taxCode',
      codes: missing,
    });
  return byCode;
}

/**
 * Resolves the lines of a quote or order: the product's sale unit and tax code unless given, the
 * quantity in stock units through catalog, the price from the price lists unless typed ('manual'), and
 * the amounts by the rounding rules of amounts.ts.
 */
export async function buildLines(tx: Tx, ctx: PricingContext, input: LineInput[]): Promise<PricedLine[]> {
  const products = await getProducts(tx, ctx.companyId, [...new Set(input.map((l) => l.productId))]);
  const inactive = input.filter((l) => !products.get(l.productId)!.active).map((l) => l.productId);
  if (inactive.length > 0)
    throw unprocessable('sales.product_inactive', 'A product on the lines is no longer sold', {
      ids: inactive,
    });
  const taxCodes = await taxCodesOf(tx, ctx.companyId, [
    ...new Set(
      input
        .map((l) => (l.taxCode === undefined ? products.get(l.productId)!.taxCode : l.taxCode))
        .filter((c): c is string => !!c),
    ),
  ]);
  const out: PricedLine[] = [];
  for (const [index, line] of input.entries()) {
    const product = products.get(line.productId)!;
    const uomCode = line.uomCode ?? product.saleUomCode;
    const qtyBase = await toStockQty(tx, ctx.companyId, product.id, line.qty, uomCode);
    if (new Decimal(qtyBase).lte(0))
      throw unprocessable('sales.qty_too_small', 'The quantity is less than one stock unit can hold', {
        line: index + 1,
      });
    let unitPrice: string;
    let priceSource: PriceSource;
    if (line.unitPrice !== undefined) {
      unitPrice = new Decimal(line.unitPrice).toFixed(4);
      priceSource = { kind: 'manual' };
    } else {
      const priced = await priceFor(tx, ctx.companyId, {
        productId: product.id,
        qtyBase,
        customerId: ctx.customerId,
        customerGroups: ctx.customerGroups,
        currency: ctx.currency,
        date: ctx.date,
        priceListId: ctx.priceListId,
      });
      unitPrice = priceInLineUnit(priced.unitPrice, line.qty, qtyBase);
      priceSource = priced.source;
    }
    const taxCode = line.taxCode === undefined ? product.taxCode : line.taxCode;
    const tax = taxCode ? taxCodes.get(taxCode)! : null;
    const discountPercent = new Decimal(line.discountPercent ?? '0').toFixed(4);
    const taxRate = tax?.rate ?? '0';
    const taxIncluded = tax?.price_included ?? false;
    out.push({
      lineNo: index + 1,
      productId: product.id,
      kind: product.kind,
      description: line.description ?? nameIn(product.name, ctx.locale),
      qty: new Decimal(line.qty).toFixed(4),
      uomCode,
      qtyBase,
      unitPrice,
      priceSource,
      discountPercent,
      taxCode,
      taxRate,
      taxIncluded,
      ...lineAmounts({ qty: line.qty, unitPrice, discountPercent, taxRate, taxIncluded }),
    });
  }
  return out;
}
