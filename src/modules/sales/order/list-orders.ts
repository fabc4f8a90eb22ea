import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { listFilters, page } from '../document/list.ts';
import type { OrderListQuery } from './contract.ts';
import { selectOrder, toOrderSummary, visibleOrderSql } from './order.repo.ts';

/** Sales orders the actor may see, newest first; filter by state, customer, q (number or customer name). */
export async function listOrders(ex: Executor, actor: Actor, query: OrderListQuery) {
  requirePermission(actor, 'sales.order.read');
  const where = [sql`x.company_id = ${actor.companyId}`, visibleOrderSql(actor), ...listFilters(query)];
  if (query.state) where.push(sql`x.state = ${query.state}`);
  const list = await rows<Record<string, any>>(
    ex,
    sql`${selectOrder} where ${sql.join(where, sql` and `)}
         order by x.created_at::text desc, x.id desc limit ${query.limit + 1}`,
  );
  return page(list, query.limit, toOrderSummary);
}
