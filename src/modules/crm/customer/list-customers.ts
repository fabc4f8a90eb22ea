import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Executor, rows, textArray } from '../../../platform/db/tx.ts';
import { badRequest } from '../../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/schemas.ts';
import {
  type Actor,
  applyMask,
  maskedFields,
  requirePermission,
} from '../../../platform/permissions/actor.ts';
import type { CustomerListQuery } from './contract.ts';
import { RESOURCE, toCustomer, visibleCustomerSql } from './customer.repo.ts';
import { phoneKey, searchQuery } from './normalize.ts';

const SORTS: Record<string, { key: SQL; desc: boolean; value: (r: Record<string, any>) => string }> = {
  // UUIDv7 ids are creation-ordered: newest first walks the primary key backwards, which lets a
  // common search fragment stop after the first page instead of sorting every match.
  createdAt: { key: sql`c.id`, desc: true, value: (r) => r.id },
  name: { key: sql`c.name_key`, desc: false, value: (r) => r.name_key },
  code: { key: sql`c.code`, desc: false, value: (r) => r.code },
  lastActivityAt: {
    key: sql`coalesce(c.last_activity_at::text, '')`,
    desc: true,
    value: (r) => r.sort_activity,
  },
};

/**
 * Customers the actor may see. `q` matches name fragments (two Chinese characters are enough), pinyin
 * and initials (`xc` → 星辰), code, tax id — through the bigram GIN index — and contact phones.
 */
export function searchCondition(q: string, companyId: string): SQL | null {
  const { needle, grams } = searchQuery(q);
  if (!needle) return null;
  const digits = q.replace(/\D/g, '');
  // A phone number: contacts' phone keys (GIN), then their customers — never a scan of name bigrams.
  if (/^[\d\s+()\-\uFF10-\uFF19]+$/.test(q.trim()) && digits.length >= 7)
    return sql`(c.id = any(array(select k.customer_id from crm_contact k where k.company_id = ${companyId}
                          and k.phone_keys @> ${textArray([phoneKey(q)])}))
             or (c.tax_id >= ${digits} and c.tax_id < ${`${digits}\uffff`}))`;
  // A customer code (C000123): the unique code index, exact or as a prefix.
  const code = q.trim().toUpperCase();
  if (/^[A-Z]{1,4}-?[A-Z0-9-]*\d{3,}$/.test(code))
    return sql`(c.code = ${code} or (c.code >= ${code} and c.code < ${`${code}\uffff`}) or c.tax_id = ${code})`;
  const like = `%${needle.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  if (grams.length === 0) return sql`c.search_text like ${like}`;
  // Two characters are exactly one indexed bigram: a LIKE recheck would only blur the planner's
  // estimate (and steer it away from the ordered scan that suits a common fragment).
  if (grams.length === 1 && [...needle].length === 2) return sql`c.search_grams @> ${textArray(grams)}`;
  // Longer needles: the LIKE recheck is exact, so the index needs only a few grams — every extra
  // posting list (pinyin letter pairs are common) makes the GIN intersection slower, not safer.
  const probe =
    grams.length <= 3 ? grams : [grams[0], grams[Math.floor(grams.length / 2)], grams[grams.length - 1]];
  return sql`(c.search_grams @> ${textArray(probe)} and c.search_text like ${like})`;
}

/** How many of the newest customers a search looks through before asking the bigram index. */
const RECENT_WINDOW = 1000;

/**
 * Whether a search term is likely to match many customers, so that the newest rows probably hold a
 * full page: two Chinese characters, or letters only (pinyin and initials). Longer Chinese fragments,
 * codes and phone numbers are selective, and the index answers them directly.
 */
export function isBroadSearch(q: string): boolean {
  const term = q.trim();
  if (/^[a-zA-Z\s]+$/.test(term)) return true;
  const { needle } = searchQuery(term);
  return /^\p{Script=Han}{1,2}$/u.test(needle);
}

export async function listCustomers(ex: Executor, actor: Actor, query: z.infer<typeof CustomerListQuery>) {
  requirePermission(actor, 'crm.customer.read');
  const masked = maskedFields(actor, RESOURCE);
  if (masked.includes(query.sort))
    throw badRequest('field_masked', `You may not sort by ${query.sort}`, { field: query.sort });
  const sort = SORTS[query.sort];
  const where: SQL[] = [
    sql`c.company_id = ${actor.companyId}`,
    sql`c.merged_into_id is null`,
    visibleCustomerSql(actor),
  ];
  if (query.q) {
    const cond = searchCondition(query.q, actor.companyId);
    if (cond) where.push(cond);
  }
  if (query.status) where.push(sql`c.status = ${query.status}`);
  if (query.ownerUserId) where.push(sql`c.owner_user_id = ${query.ownerUserId}`);
  if (query.tag) where.push(sql`c.tags @> ${textArray([query.tag])}`);
  if (query.pool) where.push(sql`c.in_pool = ${query.pool === 'true'}`);
  const cursor = decodeCursor(query.cursor, 2);
  if (cursor) {
    if (cursor[0] === '__invalid__') throw badRequest('bad_cursor', 'The cursor is not valid');
    where.push(
      sort.desc
        ? sql`(${sort.key}, c.id) < (${String(cursor[0])}, ${String(cursor[1])}::uuid)`
        : sql`(${sort.key}, c.id) > (${String(cursor[0])}, ${String(cursor[1])}::uuid)`,
    );
  }
  const order = sort.desc ? sql`${sort.key} desc, c.id desc` : sql`${sort.key}, c.id`;
  const select = (from: SQL) =>
    rows<Record<string, any>>(
      ex,
      sql`select c.*, u.name as owner_name, c.created_at::text as sort_created,
                 coalesce(c.last_activity_at::text, '') as sort_activity
            from ${from} left join platform_user u on u.id = c.owner_user_id
           where ${sql.join(where, sql` and `)} order by ${order} limit ${query.limit + 1}`,
    );
  let list: Record<string, any>[];
  if (query.q && query.sort === 'createdAt' && isBroadSearch(query.q)) {
    // A common search term matches many rows, and the planner, misled by the LIKE recheck, may fetch
    // and sort all of them. Newest first, a full page found among the newest rows IS the answer
    // (every other match is older), so for a broad term the newest rows are looked at first (about a
    // millisecond) and the index asked only when they do not fill the page. Not both at once: the
    // losing query would keep a core busy after the answer is sent and slow the next request.
    const before = cursor ? sql`and n.id < ${String(cursor[1])}::uuid` : sql``;
    const newest = sql`(select n.* from crm_customer n where n.company_id = ${actor.companyId} and n.merged_into_id is null
                         ${before} order by n.id desc limit ${RECENT_WINDOW}) c`;
    const recent = await select(newest);
    list = recent.length > query.limit ? recent : await select(sql`crm_customer c`);
  } else list = await select(sql`crm_customer c`);
  const page = list.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => applyMask(actor, RESOURCE, toCustomer(r))),
    nextCursor: list.length > query.limit && last ? encodeCursor([sort.value(last), last.id]) : null,
  };
}
