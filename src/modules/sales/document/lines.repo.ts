import { sql } from 'drizzle-orm';
import { rows, type Tx } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { getProducts, type ProductInfo } from '../../catalog/index.ts';
import type { PricedLine } from './build-lines.ts';
import type { LineView } from './contract.ts';

export type DocKind = 'quote' | 'order';

const TABLE = { quote: sql.raw('sales_quote_line'), order: sql.raw('sales_order_line') };
const PARENT = { quote: sql.raw('quote_id'), order: sql.raw('order_id') };

/** Writes a document's lines in one statement (ids are new); returns the ids in line order. */
export async function insertLines(
  tx: Tx,
  kind: DocKind,
  companyId: string,
  docId: string,
  lines: Array<PricedLine & { expectedDate?: string | null }>,
): Promise<string[]> {
  const list = lines.map((l) => ({ ...l, id: newId(), priceSource: l.priceSource }));
  // One JSON document rather than bound tuples: the statement stays the same size whatever the line count.
  await tx.execute(
    sql`insert into ${TABLE[kind]} (company_id, id, ${PARENT[kind]}, line_no, product_id, description, qty, uom_code,
          qty_base, unit_price, price_source, discount_percent, tax_code, tax_rate, tax_included, subtotal, tax, total)
        select ${companyId}, r.id, ${docId}, r."lineNo", r."productId", r.description, r.qty, r."uomCode", r."qtyBase",
               r."unitPrice", r."priceSource", r."discountPercent", r."taxCode", r."taxRate", r."taxIncluded",
               r.subtotal, r.tax, r.total
          from jsonb_to_recordset(${JSON.stringify(list)}::jsonb) as r(id uuid, "lineNo" int, "productId" uuid,
            description text, qty numeric, "uomCode" text, "qtyBase" numeric, "unitPrice" numeric, "priceSource" jsonb,
            "discountPercent" numeric, "taxCode" text, "taxRate" numeric, "taxIncluded" boolean, subtotal numeric,
            tax numeric, total numeric)`,
  );
  return list.map((l) => l.id);
}

export async function deleteLines(tx: Tx, kind: DocKind, companyId: string, docId: string): Promise<void> {
  await tx.execute(
    sql`delete from ${TABLE[kind]} where company_id = ${companyId} and ${PARENT[kind]} = ${docId}`,
  );
}

/** The raw lines of a document (numerics as text), in line order. */
export async function lineRows(
  tx: Tx,
  kind: DocKind,
  companyId: string,
  docId: string,
): Promise<Array<Record<string, any>>> {
  return rows(
    tx,
    sql`select l.*, l.qty::text as qty_t, l.qty_base::text as qty_base_t, l.unit_price::text as unit_price_t,
               l.discount_percent::text as discount_t, l.tax_rate::text as tax_rate_t, l.subtotal::text as subtotal_t,
               l.tax::text as tax_t, l.total::text as total_t
               ${kind === 'order' ? sql`, l.qty_reserved::text as qty_reserved_t, l.qty_delivered::text as qty_delivered_t, l.qty_invoiced::text as qty_invoiced_t, l.expected_date::text as expected_t` : sql``}
          from ${TABLE[kind]} l where l.company_id = ${companyId} and l.${PARENT[kind]} = ${docId}
         order by l.line_no`,
  );
}

/** Line views with each product's SKU and names (one catalog call for all lines). */
export async function lineViews(
  tx: Tx,
  companyId: string,
  list: Array<Record<string, any>>,
  known?: Map<string, ProductInfo>,
): Promise<LineView[]> {
  const products =
    known ??
    (list.length
      ? await getProducts(tx, companyId, [...new Set(list.map((l) => l.product_id as string))])
      : new Map<string, ProductInfo>());
  return list.map((l) => ({
    id: l.id,
    lineNo: l.line_no,
    productId: l.product_id,
    sku: products.get(l.product_id)?.sku ?? '',
    productName: products.get(l.product_id)?.name ?? {},
    description: l.description,
    qty: l.qty_t,
    uomCode: l.uom_code,
    qtyBase: l.qty_base_t,
    unitPrice: l.unit_price_t,
    priceSource: l.price_source,
    discountPercent: l.discount_t,
    taxCode: l.tax_code,
    taxRate: l.tax_rate_t,
    taxIncluded: l.tax_included,
    subtotal: l.subtotal_t,
    tax: l.tax_t,
    total: l.total_t,
  }));
}

/** A stored line back as a PricedLine (copying a quote's lines onto its order keeps prices as quoted). */
export function pricedFromRow(l: Record<string, any>, kind: PricedLine['kind']): PricedLine {
  return {
    lineNo: l.line_no,
    productId: l.product_id,
    kind,
    description: l.description,
    qty: l.qty_t,
    uomCode: l.uom_code,
    qtyBase: l.qty_base_t,
    unitPrice: l.unit_price_t,
    priceSource: l.price_source,
    discountPercent: l.discount_t,
    taxCode: l.tax_code,
    taxRate: l.tax_rate_t,
    taxIncluded: l.tax_included,
    subtotal: l.subtotal_t,
    tax: l.tax_t,
    total: l.total_t,
  };
}
