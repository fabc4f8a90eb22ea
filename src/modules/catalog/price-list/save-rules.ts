import { sql } from 'drizzle-orm';
import { one, rows, type Tx, textArray } from '../../../platform/db/tx.ts';
import { conflict, unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { RuleInput } from './contract.ts';
import { assertCustomer } from './party-check.ts';

const NO_ID = '00000000-0000-0000-0000-000000000000';

const datesOrdered = (from: string | null | undefined, to: string | null | undefined) =>
  !from || !to || from <= to;

/** The list's own fields: one target at most, dates in order, a known currency, a free code, a real customer. */
export async function checkListHeader(
  tx: Tx,
  companyId: string,
  selfId: string | null,
  h: {
    code: string;
    currency: string;
    customerId: string | null;
    customerGroup: string | null;
    validFrom: string | null;
    validTo: string | null;
  },
  customerChanged: boolean,
): Promise<void> {
  if (h.customerId && h.customerGroup)
    throw unprocessable(
      'catalog.price_list_target',
      'A price list is for one customer or one customer group, not both',
    );
  if (!datesOrdered(h.validFrom, h.validTo))
    throw unprocessable('catalog.dates_order', 'validTo is before validFrom', {
      validFrom: h.validFrom,
      validTo: h.validTo,
    });
  const currency = await one(
    tx,
    sql`select 1 from platform_currency where company_id = ${companyId} and code = ${h.currency} and active`,
  );
  if (!currency)
    throw unprocessable('catalog.currency_unknown', `No active currency ${h.currency}`, {
      currency: h.currency,
    });
  const taken = await one(
    tx,
    sql`select 1 from catalog_price_list where company_id = ${companyId} and upper(code) = upper(${h.code})
          and id <> ${selfId ?? NO_ID}`,
  );
  if (taken)
    throw conflict('catalog.price_list_code_taken', `The price list code ${h.code} is already used`, {
      field: 'code',
    });
  if (h.customerId && customerChanged) await assertCustomer(tx, companyId, h.customerId);
}

/** Each rule has one target at most, a price or a discount (not both), dates in order, and real references. */
export async function checkRules(tx: Tx, companyId: string, rules: RuleInput[]): Promise<void> {
  for (const [index, r] of rules.entries()) {
    if (r.productId && r.categoryId)
      throw unprocessable('catalog.rule_target', 'A rule is for a product or a category, not both', {
        index,
      });
    if ((r.price == null) === (r.discountPercent == null))
      throw unprocessable(
        'catalog.rule_price_or_discount',
        'A rule has either a price or a discount percentage',
        {
          index,
        },
      );
    if (!datesOrdered(r.validFrom, r.validTo))
      throw unprocessable('catalog.dates_order', 'validTo is before validFrom', { index });
  }
  const missing = async (table: 'catalog_product' | 'catalog_category', ids: string[]) => {
    if (ids.length === 0) return [];
    const found = await rows<{ id: string }>(
      tx,
      sql`select id from ${sql.raw(table)} where company_id = ${companyId} and id = any(${textArray(ids)}::uuid[])`,
    );
    return ids.filter((id) => !found.some((f) => f.id === id));
  };
  const products = await missing('catalog_product', [
    ...new Set(rules.flatMap((r) => (r.productId ? [r.productId] : []))),
  ]);
  if (products.length > 0)
    throw unprocessable('catalog.product_unknown', `Unknown product ${products.join(', ')}`, {
      ids: products,
    });
  const categories = await missing('catalog_category', [
    ...new Set(rules.flatMap((r) => (r.categoryId ? [r.categoryId] : []))),
  ]);
  if (categories.length > 0)
    throw unprocessable('catalog.category_unknown', 'No such product category', { ids: categories });
}

/** The list's rules, replaced as a whole (every rule gets a new id). */
export async function writeRules(
  tx: Tx,
  companyId: string,
  priceListId: string,
  rules: RuleInput[],
): Promise<void> {
  await tx.execute(
    sql`delete from catalog_price_rule where company_id = ${companyId} and price_list_id = ${priceListId}`,
  );
  for (const r of rules)
    await tx.execute(
      sql`insert into catalog_price_rule (company_id, id, price_list_id, product_id, category_id, min_qty, price,
            discount_percent, valid_from, valid_to)
          values (${companyId}, ${newId()}, ${priceListId}, ${r.productId ?? null}, ${r.categoryId ?? null}, ${r.minQty},
            ${r.price ?? null}, ${r.discountPercent ?? null}, ${r.validFrom ?? null}, ${r.validTo ?? null})`,
    );
}
