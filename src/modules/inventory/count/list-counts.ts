import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { badRequest } from '../../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/schemas.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import type { CountListQuery } from './contract.ts';
import { selectCount, toCountSummary } from './count.repo.ts';

/** Stock counts, newest first; `q` matches the number. */
export async function listCounts(ex: Executor, actor: Actor, query: CountListQuery) {
  requirePermission(actor, 'inventory.count.read');
  const where: SQL[] = [sql`c.company_id = ${actor.companyId}`];
  if (query.state) where.push(sql`c.state = ${query.state}`);
  if (query.warehouseId) where.push(sql`c.warehouse_id = ${query.warehouseId}`);
  if (query.q?.trim()) {
    const like = `%${query.q
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(lower(c.number) like ${like} or lower(c.notes) like ${like})`);
  }
  const cursor = decodeCursor(query.cursor, 1);
  if (cursor) {
    const last = String(cursor[0]);
    if (!/^[0-9a-f-]{36}$/.test(last)) throw badRequest('bad_cursor', 'The cursor is not valid');
    where.push(sql`c.id < ${last}::uuid`);
  }
  const list = await rows<Record<string, any>>(
    ex,
    sql`${selectCount} where ${sql.join(where, sql` and `)} order by c.id desc limit ${query.limit + 1}`,
  );
  const page = list.slice(0, query.limit);
  return {
    items: page.map(toCountSummary),
    nextCursor: list.length > query.limit ? encodeCursor([page[page.length - 1].id]) : null,
  };
}
