import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { badRequest } from '../../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/schemas.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { likePattern } from '../contract-common.ts';
import type { ProductionListQuery } from './contract.ts';
import { selectOrder, toOrderSummary } from './production.repo.ts';

/** Production orders, newest first; `q` matches the number, origin number or the product's SKU or name. */
export async function listProductionOrders(ex: Executor, actor: Actor, query: ProductionListQuery) {
  requirePermission(actor, 'manufacturing.production.read');
  const where: SQL[] = [sql`o.company_id = ${actor.companyId}`];
  if (query.state) where.push(sql`o.state = ${query.state}`);
  if (query.productId) where.push(sql`o.product_id = ${query.productId}`);
  if (query.warehouseId) where.push(sql`o.warehouse_id = ${query.warehouseId}`);
  if (query.originId) where.push(sql`o.origin_id = ${query.originId}`);
  if (query.q?.trim()) {
    const like = likePattern(query.q);
    where.push(
      sql`(lower(o.number) like ${like} or lower(coalesce(o.origin_number, '')) like ${like}
           or lower(pr.sku) like ${like} or lower(pr.name::text) like ${like})`,
    );
  }
  const cursor = decodeCursor(query.cursor, 1);
  if (cursor) {
    const last = String(cursor[0]);
    if (!/^[0-9a-f-]{36}$/.test(last)) throw badRequest('bad_cursor', 'The cursor is not valid');
    where.push(sql`o.id < ${last}::uuid`);
  }
  const list = await rows<Record<string, any>>(
    ex,
    sql`${selectOrder(actor.locale)} where ${sql.join(where, sql` and `)} order by o.id desc limit ${query.limit + 1}`,
  );
  const page = list.slice(0, query.limit).map(toOrderSummary);
  return {
    items: page,
    nextCursor: list.length > query.limit ? encodeCursor([page[page.length - 1].id]) : null,
  };
}
