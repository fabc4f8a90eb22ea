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
  createdAt: { key: sql`c.created_at::text`, desc: true, value: (r) => r.sort_created },
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
export function searchCondition(q: string): SQL | null {
  const { needle, grams } = searchQuery(q);
  if (!needle) return null;
  const digits = q.replace(/\D/g, '');
  const byPhone =
    digits.length >= 7
      ? sql` or exists (select 1 from crm_contact k where k.company_id = c.company_id and k.customer_id = c.id
                         and k.phone_keys @> ${textArray([phoneKey(q)])})`
      : sql``;
  const like = `%${needle.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const byText =
    grams.length > 0
      ? sql`(c.search_grams @> ${textArray(grams)} and c.search_text like ${like})`
      : sql`c.search_text like ${like}`;
  return sql`(${byText}${byPhone})`;
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
    const cond = searchCondition(query.q);
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
  const list = await rows<Record<string, any>>(
    ex,
    sql`select c.*, u.name as owner_name, c.created_at::text as sort_created,
               coalesce(c.last_activity_at::text, '') as sort_activity
          from crm_customer c left join platform_user u on u.id = c.owner_user_id
         where ${sql.join(where, sql` and `)} order by ${order} limit ${query.limit + 1}`,
  );
  const page = list.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => applyMask(actor, RESOURCE, toCustomer(r))),
    nextCursor: list.length > query.limit && last ? encodeCursor([sort.value(last), last.id]) : null,
  };
}
