import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { idCursor, likePattern, page } from '../shared.ts';
import type { OrderListQuery } from './contract.ts';
import { selectOrder, toOrder } from './order.repo.ts';

/** Purchase orders, newest first; `q` matches the number and the supplier's code and name. */
export async function listPurchaseOrders(ex: Executor, actor: Actor, query: OrderListQuery) {
  requirePermission(actor, 'purchasing.order.read');
  const where: SQL[] = [sql`o.company_id = ${actor.companyId}`];
  if (query.state) where.push(sql`o.state = ${query.state}`);
  if (query.supplierId) where.push(sql`o.supplier_id = ${query.supplierId}`);
  const like = likePattern(query.q);
  if (like)
    where.push(
      sql`(lower(o.number) like ${like} or lower(s.code) like ${like} or lower(c.name) like ${like})`,
    );
  const cursor = idCursor(query.cursor, sql`o.id`);
  if (cursor) where.push(cursor);
  const list = await rows<Record<string, any>>(
    ex,
    sql`${selectOrder} where ${sql.join(where, sql` and `)} order by o.id desc limit ${query.limit + 1}`,
  );
  return page(list.map(toOrder), query.limit);
}
