import { sql } from 'drizzle-orm';
import { rows, type Tx, textArray } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { getProducts } from '../../catalog/index.ts';
import type { InvoiceLineInput } from './contract.ts';
import type { LineRow } from './invoice.repo.ts';
import { type InvoiceKind, inCompanyCurrency, lineAmounts, taxKindOf } from './invoice.ts';

export type LineSource = InvoiceLineInput & { originLineId?: string | null };

interface TaxCodeRow {
  code: string;
  kind: string;
  rate: string;
  price_included: boolean;
  active: boolean;
}

const nameIn = (names: Record<string, string>, locale: string) =>
  names[locale] ?? names['zh-CN'] ?? names.en ?? Object.values(names)[0] ?? '';

/**
 * Lines with their amounts: the tax code's rate and price inclusion (422 `accounting.tax_code_invalid` for
 * an unknown, inactive or other-side code), the product's name as the default description, the chosen
 * account checked to be an active account of the company, each line rounded to the cent (invoice.ts).
 */
export async function buildLines(
  tx: Tx,
  companyId: string,
  locale: string,
  doc: { kind: InvoiceKind; rate: string },
  inputs: LineSource[],
): Promise<LineRow[]> {
  const codes = [...new Set(inputs.map((l) => l.taxCode).filter((c): c is string => Boolean(c)))];
  const taxes = new Map(
    (
      await rows<TaxCodeRow>(
        tx,
        sql`select code, kind, rate::text as rate, price_included, active from platform_tax_code
             where company_id = ${companyId} and code = any(${textArray(codes)})`,
      )
    ).map((t) => [t.code, t]),
  );
  for (const code of codes) {
    const t = taxes.get(code);
    if (!t?.active || t.kind !== taxKindOf(doc.kind))
      throw unprocessable('accounting.tax_code_invalid', `Tax code ${code} cannot be used on this document`, {
        taxCode: code,
        expectedKind: taxKindOf(doc.kind),
      });
  }
  const productIds = [...new Set(inputs.map((l) => l.productId).filter((p): p is string => Boolean(p)))];
  const products = productIds.length ? await getProducts(tx, companyId, productIds) : new Map();
  await assertAccounts(
    tx,
    companyId,
    inputs.map((l) => l.accountId).filter((a): a is string => Boolean(a)),
  );
  return inputs.map((l) => {
    const tax = l.taxCode ? taxes.get(l.taxCode)! : null;
    const figures = {
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discountPercent: l.discountPercent ?? '0',
      taxRate: tax?.rate ?? '0',
      taxIncluded: tax?.price_included ?? false,
    };
    const product = l.productId ? products.get(l.productId) : undefined;
    return {
      productId: l.productId ?? null,
      description: l.description?.trim() || (product ? nameIn(product.name, locale) : ''),
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discountPercent: figures.discountPercent,
      taxCode: tax?.code ?? null,
      taxRate: figures.taxRate,
      taxIncluded: figures.taxIncluded,
      accountId: l.accountId ?? null,
      originLineId: l.originLineId ?? null,
      ...inCompanyCurrency(lineAmounts(figures), doc.rate),
    };
  });
}

async function assertAccounts(tx: Tx, companyId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const unique = [...new Set(ids.map((i) => i.toLowerCase()))];
  const found = await rows<{ id: string }>(
    tx,
    sql`select id::text as id from accounting_account
         where company_id = ${companyId} and active and id::text = any(${textArray(unique)})`,
  );
  const known = new Set(found.map((r) => r.id));
  const missing = unique.filter((i) => !known.has(i));
  if (missing.length)
    throw unprocessable('accounting.account_invalid', 'An account is not an active account of the company', {
      ids: missing,
    });
}
