import { type SQL, sql } from 'drizzle-orm';
import { iso } from '../../../platform/db/time.ts';
import { type Executor, one, rows } from '../../../platform/db/tx.ts';
import { badRequest, notFound } from '../../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/schemas.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { containsPattern, toHalfWidth } from '../../../platform/text/search-key.ts';
import { displayName } from '../contract.ts';
import { price4 } from '../product/product.repo.ts';
import type { PriceList, PriceListQuery, Rule } from './contract.ts';

export interface PriceListRow {
  id: string;
  code: string;
  name: Record<string, string>;
  currency: string;
  customer_id: string | null;
  customer_group: string | null;
  priority: number;
  valid_from: string | null;
  valid_to: string | null;
  active: boolean;
  version: number;
  created_at: unknown;
  updated_at: unknown;
  rule_count?: number | string;
}

export interface RuleRow {
  id: string;
  price_list_id: string;
  product_id: string | null;
  category_id: string | null;
  min_qty: string;
  price: string | null;
  discount_percent: string | null;
  valid_from: string | null;
  valid_to: string | null;
}

const dateText = (d: unknown) => (d === null || d === undefined ? null : String(d).slice(0, 10));

export function toRule(r: RuleRow): Rule {
  return {
    id: r.id,
    productId: r.product_id,
    categoryId: r.category_id,
    minQty: price4(r.min_qty),
    price: r.price === null ? null : price4(r.price),
    discountPercent: r.discount_percent === null ? null : price4(r.discount_percent),
    validFrom: dateText(r.valid_from),
    validTo: dateText(r.valid_to),
  };
}

export function toPriceList(r: PriceListRow, locale: string, rules?: RuleRow[]): PriceList {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    displayName: displayName(r.name, locale),
    currency: r.currency,
    customerId: r.customer_id,
    customerGroup: r.customer_group,
    priority: r.priority,
    validFrom: dateText(r.valid_from),
    validTo: dateText(r.valid_to),
    active: r.active,
    ruleCount: rules ? rules.length : Number(r.rule_count ?? 0),
    ...(rules ? { rules: rules.map(toRule) } : {}),
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

const LIST_COLUMNS = sql`l.id, l.code, l.name, l.currency, l.customer_id, l.customer_group, l.priority,
  l.valid_from::text as valid_from, l.valid_to::text as valid_to, l.active, l.version, l.created_at, l.updated_at`;

export async function findPriceListRow(ex: Executor, companyId: string, id: string, lock = false) {
  const row = await one<PriceListRow>(
    ex,
    sql`select ${LIST_COLUMNS} from catalog_price_list l where l.company_id = ${companyId} and l.id = ${id}
        ${lock ? sql`for update` : sql``}`,
  );
  if (!row) throw notFound('price list', id);
  return row;
}

export const RULE_COLUMNS = sql`r.id, r.price_list_id, r.product_id, r.category_id, r.min_qty::text as min_qty,
  r.price::text as price, r.discount_percent::text as discount_percent, r.valid_from::text as valid_from,
  r.valid_to::text as valid_to`;

export async function rulesOf(ex: Executor, companyId: string, priceListId: string) {
  return rows<RuleRow>(
    ex,
    sql`select ${RULE_COLUMNS} from catalog_price_rule r where r.company_id = ${companyId} and r.price_list_id = ${priceListId}
         order by r.product_id nulls last, r.category_id nulls last, r.min_qty, r.id`,
  );
}

export async function priceListView(ex: Executor, companyId: string, locale: string, id: string) {
  const row = await findPriceListRow(ex, companyId, id);
  return toPriceList(row, locale, await rulesOf(ex, companyId, id));
}

export async function listPriceLists(ex: Executor, actor: Actor, query: PriceListQuery) {
  requirePermission(actor, 'catalog.price_list.read');
  const where: SQL[] = [sql`l.company_id = ${actor.companyId}`];
  const needle = query.q ? toHalfWidth(query.q).trim().toLowerCase() : '';
  if (needle)
    where.push(
      sql`(lower(l.code) like ${containsPattern(needle)} or lower(l.name::text) like ${containsPattern(needle)})`,
    );
  if (query.customerId) where.push(sql`l.customer_id = ${query.customerId}`);
  if (query.currency) where.push(sql`l.currency = ${query.currency}`);
  if (query.active) where.push(sql`l.active = ${query.active === 'true'}`);
  const cursor = decodeCursor(query.cursor, 2);
  if (cursor) {
    if (cursor[0] === '__invalid__' || !/^[0-9a-f-]{36}$/.test(String(cursor[1])))
      throw badRequest('bad_cursor', 'The cursor is not valid');
    where.push(sql`(l.code, l.id) > (${String(cursor[0])}, ${String(cursor[1])}::uuid)`);
  }
  const found = await rows<PriceListRow>(
    ex,
    sql`select ${LIST_COLUMNS}, (select count(*) from catalog_price_rule r where r.company_id = l.company_id
                                   and r.price_list_id = l.id) as rule_count
          from catalog_price_list l where ${sql.join(where, sql` and `)} order by l.code, l.id limit ${query.limit + 1}`,
  );
  const page = found.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toPriceList(r, actor.locale)),
    nextCursor: found.length > query.limit && last ? encodeCursor([last.code, last.id]) : null,
  };
}
