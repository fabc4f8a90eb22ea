import { type SQL, sql } from 'drizzle-orm';
import { badRequest } from '../../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/schemas.ts';

/** The shared filters of the quote and order lists (alias x, customer alias c). */
export function listFilters(query: { q?: string; customerId?: string; cursor?: string }): SQL[] {
  const where: SQL[] = [];
  if (query.q) {
    const like = `%${query.q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    where.push(sql`(lower(x.number) like ${like} or lower(c.name) like ${like})`);
  }
  if (query.customerId) where.push(sql`x.customer_id = ${query.customerId}`);
  const cursor = decodeCursor(query.cursor, 2);
  if (cursor) {
    if (cursor[0] === '__invalid__' || !/^[0-9a-f-]{36}$/i.test(String(cursor[1])))
      throw badRequest('bad_cursor', 'The cursor is not valid');
    where.push(sql`(x.created_at::text, x.id) < (${String(cursor[0])}, ${String(cursor[1])}::uuid)`);
  }
  return where;
}

/** Newest first, one page plus one row to know whether there is a next page. */
export function page<T>(
  list: Array<Record<string, any>>,
  limit: number,
  view: (r: Record<string, any>) => T,
) {
  const items = list.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(view),
    nextCursor: list.length > limit && last ? encodeCursor([String(last.created_at_text), last.id]) : null,
  };
}
