import { sql } from 'drizzle-orm';
import { one, rows, type Tx, textArray } from '../../../platform/db/tx.ts';
import { notFound, unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { bestPrice } from '../price/best-price.ts';
import type { OrderLineInput } from './contract.ts';
import { lineAmounts, orderTotals } from './order.ts';

export interface BuiltLine {
  id: string;
  productId: string;
  description: string;
  qty: string;
  unitPrice: string;
  taxCode: string | null;
  taxRate: string;
  subtotal: string;
  tax: string;
  total: string;
  /** The lead time of the supplier price it came from (for the default expected date). */
  leadTimeDays: number;
}

async function taxCodes(tx: Tx, companyId: string, codes: string[]) {
  const found = await rows<{
    code: string;
    kind: string;
    rate: string;
    price_included: boolean;
    active: boolean;
  }>(
    tx,
    sql`select code, kind, rate::text as rate, price_included, active from platform_tax_code
         where company_id = ${companyId} and code = any(${textArray(codes)})`,
  );
  const byCode = new Map(found.map((t) => [t.code, t]));
  for (const code of codes) {
    const t = byCode.get(code);
    if (!t?.active || t.kind !== 'input')
      throw unprocessable('purchasing.tax_code_invalid', `Tax code ${code} is not an active input VAT code`, {
        taxCode: code,
      });
  }
  return byCode;
}

/**
 * Order lines with their amounts: products of the company (404), input VAT codes (422), the unit price
 * given or the supplier's best valid price for the quantity on the order date (422
 * `purchasing.no_supplier_price` when it has none). The supplier's price must be in the order currency.
 */
export async function buildLines(
  tx: Tx,
  companyId: string,
  doc: { supplierId: string; currency: string; orderDate: string; supplierLeadDays: number },
  inputs: OrderLineInput[],
): Promise<BuiltLine[]> {
  const codes = [...new Set(inputs.map((l) => l.taxCode).filter((c): c is string => Boolean(c)))];
  const taxes = await taxCodes(tx, companyId, codes);
  const built: BuiltLine[] = [];
  for (const l of inputs) {
    const product = await one<{ id: string }>(
      tx,
      sql`select id from catalog_product where company_id = ${companyId} and id = ${l.productId}`,
    );
    if (!product) throw notFound('product', l.productId);
    let unitPrice = l.unitPrice;
    let leadTimeDays = doc.supplierLeadDays;
    const best = await bestPrice(tx, companyId, {
      productId: l.productId,
      qty: l.qty,
      date: doc.orderDate,
      supplierId: doc.supplierId,
    });
    if (best?.price.currency === doc.currency) {
      unitPrice ??= best.price.price;
      leadTimeDays = best.price.effectiveLeadTimeDays;
    }
    if (unitPrice === undefined)
      throw unprocessable(
        'purchasing.no_supplier_price',
        'The supplier has no valid price for this product',
        {
          productId: l.productId,
          qty: l.qty,
          currency: doc.currency,
        },
      );
    const tax = l.taxCode ? taxes.get(l.taxCode)! : null;
    const amounts = lineAmounts({
      qty: l.qty,
      unitPrice,
      taxRate: tax?.rate ?? '0',
      taxIncluded: tax?.price_included ?? false,
    });
    built.push({
      id: newId(),
      productId: l.productId,
      description: l.description ?? '',
      qty: l.qty,
      unitPrice,
      taxCode: tax?.code ?? null,
      taxRate: tax?.rate ?? '0',
      ...amounts,
      leadTimeDays,
    });
  }
  return built;
}

/** Replaces an order's lines and writes its totals (in its currency and in company currency). */
export async function writeLines(
  tx: Tx,
  companyId: string,
  orderId: string,
  rate: string,
  lines: BuiltLine[],
) {
  await tx.execute(
    sql`delete from purchasing_order_line where company_id = ${companyId} and order_id = ${orderId}`,
  );
  const data = lines.map((l, i) => ({ ...l, lineNo: i + 1 }));
  await tx.execute(
    sql`insert into purchasing_order_line (company_id, id, order_id, line_no, product_id, description, qty, unit_price,
          tax_code, tax_rate, subtotal, tax, total)
        select ${companyId}, r.id, ${orderId}, r."lineNo", r."productId", r.description, r.qty, r."unitPrice",
               r."taxCode", r."taxRate", r.subtotal, r.tax, r.total
          from jsonb_to_recordset(${JSON.stringify(data)}::jsonb) as r(id uuid, "lineNo" int, "productId" uuid,
            description text, qty numeric, "unitPrice" numeric, "taxCode" text, "taxRate" numeric, subtotal numeric,
            tax numeric, total numeric)`,
  );
  const totals = orderTotals(lines, rate);
  await tx.execute(
    sql`update purchasing_order set subtotal = ${totals.subtotal}, tax_total = ${totals.taxTotal},
           total = ${totals.total}, total_company = ${totals.totalCompany}
         where company_id = ${companyId} and id = ${orderId}`,
  );
  return totals;
}

/** Company-currency units per unit of the currency on the date (422 when no rate is known). */
export async function rateOn(tx: Tx, companyId: string, currency: string, date: string): Promise<string> {
  const row = await one<{ company_currency: string; rate: string | null }>(
    tx,
    sql`select c.currency as company_currency,
               (select r.rate::text from platform_exchange_rate r
                 where r.company_id = c.id and r.currency_code = ${currency} and r.rate_date <= ${date}::date
                 order by r.rate_date desc limit 1) as rate
          from platform_company c where c.id = ${companyId}`,
  );
  if (row?.company_currency === currency) return '1';
  if (!row?.rate)
    throw unprocessable(
      'purchasing.no_exchange_rate',
      `No exchange rate for ${currency} on or before ${date}`,
      {
        currency,
        date,
      },
    );
  return row.rate;
}
