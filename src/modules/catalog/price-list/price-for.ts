import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { one, rows, type Tx, textArray } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { isBusinessDate } from '../contract.ts';
import { RULE_COLUMNS, type RuleRow } from './price-list.repo.ts';
import { bestRule, type ListCandidate, orderLists, type RuleCandidate, rulePrice } from './pricing.ts';

export interface PriceQuery {
  productId: string;
  qtyBase: string;
  customerId: string | null;
  customerGroups: string[];
  currency: string;
  date: string;
  priceListId?: string | null;
}

export interface PriceSource {
  kind: 'rule' | 'list_price';
  priceListId?: string;
  priceListCode?: string;
  ruleId?: string;
  minQty?: string;
  discountPercent?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const price4 = (d: Decimal) => d.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4);

function checkQuery(q: PriceQuery): Decimal {
  if (!UUID.test(q.productId))
    throw unprocessable('catalog.product_unknown', `Unknown product ${q.productId}`, { ids: [q.productId] });
  if (!isBusinessDate(q.date))
    throw unprocessable('catalog.date_invalid', `Not a date: ${q.date}`, { date: q.date });
  if (!/^[A-Z]{3}$/.test(q.currency))
    throw unprocessable('catalog.currency_unknown', `No currency ${q.currency}`);
  let qty: Decimal;
  try {
    qty = new Decimal(q.qtyBase);
  } catch {
    throw unprocessable('catalog.qty_invalid', `Not a quantity: ${q.qtyBase}`, { qty: q.qtyBase });
  }
  if (!qty.isFinite() || qty.isNegative())
    throw unprocessable('catalog.qty_invalid', `Not a quantity: ${q.qtyBase}`, { qty: q.qtyBase });
  for (const id of [q.customerId, q.priceListId])
    if (id && !UUID.test(id)) throw unprocessable('catalog.id_invalid', `Not an id: ${id}`);
  return qty;
}

/** The product's category, its parent, … up to the root (nearest first). */
async function categoryPath(tx: Tx, companyId: string, categoryId: string | null): Promise<string[]> {
  if (!categoryId) return [];
  const found = await rows<{ id: string }>(
    tx,
    sql`with recursive up(id, parent_id, depth) as (
          select id, parent_id, 0 from catalog_category where company_id = ${companyId} and id = ${categoryId}
          union all
          select c.id, c.parent_id, up.depth + 1 from catalog_category c join up on c.id = up.parent_id
           where c.company_id = ${companyId} and up.depth < 50
        ) select id from up order by depth`,
  );
  return found.map((r) => r.id);
}

/** The lists that may price this query, best first (see pricing.ts and the README). */
async function candidateLists(tx: Tx, companyId: string, q: PriceQuery): Promise<ListCandidate[]> {
  if (q.priceListId) {
    const forced = await one<ListCandidate & { currency: string; usable: boolean }>(
      tx,
      sql`select id, code, customer_id as "customerId", customer_group as "customerGroup", priority, currency,
                 (active and (valid_from is null or valid_from <= ${q.date}::date)
                   and (valid_to is null or valid_to >= ${q.date}::date)) as usable
            from catalog_price_list where company_id = ${companyId} and id = ${q.priceListId}`,
    );
    if (!forced)
      throw unprocessable('catalog.price_list_unknown', 'No such price list', { priceListId: q.priceListId });
    if (forced.currency !== q.currency)
      throw unprocessable(
        'catalog.currency_mismatch',
        `The price list is in ${forced.currency}, not ${q.currency}`,
        {
          priceListId: forced.id,
          listCurrency: forced.currency,
          currency: q.currency,
        },
      );
    if (!forced.usable)
      throw unprocessable(
        'catalog.price_list_not_valid',
        `The price list ${forced.code} is inactive or not valid on ${q.date}`,
        {
          priceListId: forced.id,
          date: q.date,
        },
      );
    return [forced];
  }
  const found = await rows<ListCandidate>(
    tx,
    sql`select id, code, customer_id as "customerId", customer_group as "customerGroup", priority
          from catalog_price_list
         where company_id = ${companyId} and active and currency = ${q.currency}
           and (valid_from is null or valid_from <= ${q.date}::date) and (valid_to is null or valid_to >= ${q.date}::date)
           and ((customer_id is null and customer_group is null)
                or customer_id = ${q.customerId}
                or customer_group = any(${textArray(q.customerGroups)}))`,
  );
  return orderLists(found);
}

/** The product's sale price in `currency`, through the company's exchange rates on `date` when it differs. */
async function listPriceIn(
  tx: Tx,
  companyId: string,
  p: { sale_price: string; currency: string },
  q: PriceQuery,
) {
  if (p.currency === q.currency) return new Decimal(p.sale_price);
  const rates = await rows<{ currency: string; rate: string | null }>(
    tx,
    sql`select c.code as currency,
               case when c.code = co.currency then '1' else
                 (select r.rate::text from platform_exchange_rate r where r.company_id = co.id and r.currency_code = c.code
                     and r.rate_date <= ${q.date}::date order by r.rate_date desc limit 1) end as rate
          from platform_company co cross join (select unnest(${textArray([p.currency, q.currency])}) as code) c
         where co.id = ${companyId}`,
  );
  const rate = (code: string) => rates.find((r) => r.currency === code)?.rate;
  const from = rate(p.currency);
  const to = rate(q.currency);
  if (!from || !to)
    throw unprocessable(
      'catalog.no_exchange_rate',
      `No exchange rate for ${!from ? p.currency : q.currency} on ${q.date}`,
      {
        currency: !from ? p.currency : q.currency,
        date: q.date,
      },
    );
  return new Decimal(p.sale_price).times(from).dividedBy(to);
}

export async function priceFor(
  tx: Tx,
  companyId: string,
  q: PriceQuery,
): Promise<{ unitPrice: string; source: PriceSource }> {
  const qtyBase = checkQuery(q);
  const product = await one<{ id: string; sale_price: string; currency: string; category_id: string | null }>(
    tx,
    sql`select id, sale_price::text as sale_price, currency, category_id from catalog_product
         where company_id = ${companyId} and id = ${q.productId}`,
  );
  if (!product)
    throw unprocessable('catalog.product_unknown', `Unknown product ${q.productId}`, { ids: [q.productId] });
  const path = await categoryPath(tx, companyId, product.category_id);
  const lists = await candidateLists(tx, companyId, q);
  const rules =
    lists.length === 0
      ? []
      : await rows<RuleRow>(
          tx,
          sql`select ${RULE_COLUMNS} from catalog_price_rule r
               where r.company_id = ${companyId} and r.price_list_id = any(${textArray(lists.map((l) => l.id))}::uuid[])
                 and (r.product_id = ${product.id} or r.category_id = any(${textArray(path)}::uuid[])
                      or (r.product_id is null and r.category_id is null))`,
        );
  const candidates: RuleCandidate[] = rules.map((r) => ({
    id: r.id,
    priceListId: r.price_list_id,
    productId: r.product_id,
    categoryId: r.category_id,
    minQty: r.min_qty,
    price: r.price,
    discountPercent: r.discount_percent,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  }));
  for (const list of lists) {
    const rule = bestRule(
      candidates.filter((c) => c.priceListId === list.id),
      { id: product.id, categoryPath: path },
      qtyBase,
      q.date,
    );
    if (!rule) continue;
    const listPrice = rule.price === null ? await listPriceIn(tx, companyId, product, q) : new Decimal(0);
    const source: PriceSource = {
      kind: 'rule',
      priceListId: list.id,
      priceListCode: list.code,
      ruleId: rule.id,
      minQty: price4(new Decimal(rule.minQty)),
    };
    if (rule.discountPercent !== null) source.discountPercent = price4(new Decimal(rule.discountPercent));
    return { unitPrice: price4(rulePrice(rule, listPrice)), source };
  }
  return { unitPrice: price4(await listPriceIn(tx, companyId, product, q)), source: { kind: 'list_price' } };
}
