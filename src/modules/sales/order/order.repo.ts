import { type SQL, sql } from 'drizzle-orm';
import { iso, isoOrNull } from '../../../platform/db/time.ts';
import { type Executor, one, rows, type Tx } from '../../../platform/db/tx.ts';
import { notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { type Actor, recordScopeSql } from '../../../platform/permissions/actor.ts';
import type { ProductInfo } from '../../catalog/index.ts';
import { pickingsFor } from '../../inventory/index.ts';
import { HEADER_COLUMNS, HEADER_JOINS, headerView } from '../document/header-view.ts';
import { lineRows, lineViews } from '../document/lines.repo.ts';
import type { OrderLineView, OrderSummary, OrderView } from './contract.ts';

export const ORDER_ENTITY = 'sales.order';
export const ORIGIN_TYPE = 'sales_order';

/** The record rule on orders: by owner (own / team / company), like quotes and crm's opportunities. */
export function visibleOrderSql(actor: Actor, alias = sql`x`): SQL {
  return recordScopeSql(actor, sql`${alias}.owner_user_id`);
}

export const selectOrder = sql.raw(`select x.*, ${HEADER_COLUMNS}, x.order_date::text as order_date_t,
    x.requested_date::text as requested_date_t
  from sales_order x ${HEADER_JOINS}`);

export function toOrderSummary(r: Record<string, any>): OrderSummary {
  return {
    ...headerView(r),
    state: r.state,
    orderDate: r.order_date_t,
    requestedDate: r.requested_date_t ?? null,
    quoteId: r.quote_id,
    paymentTermCode: r.payment_term_code,
    confirmedAt: isoOrNull(r.confirmed_at),
    confirmedBy: r.confirmed_by,
    cancelledAt: isoOrNull(r.cancelled_at),
    cancelReason: r.cancel_reason,
  };
}

/** The order row if the actor may see it (404 otherwise: other company or outside the record rule). */
export async function findVisibleOrder(ex: Executor, actor: Actor, id: string, lock = false) {
  const row = await one<Record<string, any>>(
    ex,
    sql`${selectOrder} where x.company_id = ${actor.companyId} and x.id = ${id} and ${visibleOrderSql(actor)}
        ${lock ? sql`for update of x` : sql``}`,
  );
  if (!row) throw notFound('sales_order', id);
  return row;
}

export async function orderLineViews(tx: Tx, companyId: string, orderId: string): Promise<OrderLineView[]> {
  return orderLinesFromRows(tx, companyId, await lineRows(tx, 'order', companyId, orderId));
}

/** Line views from rows already read (with the products when known, saving a catalog call). */
export async function orderLinesFromRows(
  tx: Tx,
  companyId: string,
  list: Array<Record<string, any>>,
  products?: Map<string, ProductInfo>,
): Promise<OrderLineView[]> {
  const views = await lineViews(tx, companyId, list, products);
  return views.map((v, i) => ({
    ...v,
    qtyReserved: list[i].qty_reserved_t,
    qtyDelivered: list[i].qty_delivered_t,
    qtyInvoiced: list[i].qty_invoiced_t,
    expectedDate: list[i].expected_t ?? null,
    plannedBy: list[i].planned_by_number ?? null,
  }));
}

export async function historyOf(tx: Tx, companyId: string, orderId: string) {
  const list = await rows<Record<string, any>>(
    tx,
    sql`select h.*, u.name as by_name from sales_order_history h left join platform_user u on u.id = h.by_user_id
         where h.company_id = ${companyId} and h.order_id = ${orderId} order by h.at, h.id`,
  );
  return historyViews(list);
}

/** History rows (snake_case columns with `by_name`, oldest first) as the order page shows them. */
export function historyViews(list: Array<Record<string, any>>) {
  return list.map((h) => ({
    fromState: h.from_state,
    toState: h.to_state,
    note: h.note,
    byUserId: h.by_user_id,
    byName: h.by_name ?? null,
    at: iso(h.at),
  }));
}

/** The whole order page: header, lines with their progress, the state timeline and the deliveries. */
export async function orderView(tx: Tx, companyId: string, row: Record<string, any>): Promise<OrderView> {
  return {
    ...toOrderSummary(row),
    lines: await orderLineViews(tx, companyId, row.id),
    history: await historyOf(tx, companyId, row.id),
    deliveries: await pickingsFor(tx, companyId, { originType: ORIGIN_TYPE, originId: row.id }),
  };
}

export async function reloadOrder(tx: Tx, actor: Actor, id: string): Promise<OrderView> {
  return orderView(tx, actor.companyId, await findVisibleOrder(tx, { ...actor, recordScope: 'company' }, id));
}

/** One row of the order's state timeline. */
export async function addHistory(
  tx: Tx,
  actor: Actor,
  orderId: string,
  from: string | null,
  to: string,
  note = '',
) {
  await tx.execute(
    sql`insert into sales_order_history (company_id, id, order_id, from_state, to_state, note, by_user_id)
        values (${actor.companyId}, ${newId()}, ${orderId}, ${from}, ${to}, ${note.slice(0, 500)},
                ${actor.name === 'system' && !actor.tokenId ? null : actor.userId})`,
  );
}

/** What the audit log keeps of an order: business fields, not joined names, stamps or the timeline. */
export function auditableOrder(o: OrderView | (OrderSummary & { lines?: OrderLineView[] })) {
  const { customerName: _c, ownerName: _o, createdAt: _a, updatedAt: _u, version: _v, ...rest } = o as any;
  delete rest.history;
  delete rest.deliveries;
  if (rest.lines) rest.lines = rest.lines.map(({ sku: _s, productName: _n, ...l }: any) => l);
  return rest as Record<string, unknown>;
}
