import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { one, rows, type Tx } from '../../../platform/db/tx.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import type { DeliveredEvent, Subscriber } from '../../../platform/outbox/subscribers.ts';
import { getProducts } from '../../catalog/index.ts';
import { type ArrivalLine, reservedForOrigin } from '../../inventory/index.ts';
import { companyToday } from '../document/header.ts';
import { ORIGIN_TYPE } from '../order/order.repo.ts';

interface ArrivalPayload {
  originType: string;
  originId: string;
  originNumber: string;
  reason?: string;
  lines: ArrivalLine[];
}

/** Orders still waiting for goods; a cancelled, closed or delivered order keeps its figures. */
const OPEN_ORDER_STATES = ['confirmed', 'partly_delivered'];

/** Quantity without trailing zeros (5, 2.5). */
const plain = (qty: Decimal.Value) => new Decimal(qty).toDecimalPlaces(4).toString();

/**
 * Goods arrived and inventory reserved them for a waiting order (`stock.reserved` with reason
 * 'arrival'; the reservation made at confirmation is already in the order line, so that event is
 * ignored). Each named line's `qty_reserved` becomes what inventory holds for it now (never more than
 * the line still has to deliver), so a late or repeated event cannot count twice; a line now held in
 * full is expected on its requested (or order) date, today at the earliest. The owner is told.
 */
async function handle(tx: Tx, event: DeliveredEvent): Promise<void> {
  const p = event.payload as unknown as ArrivalPayload;
  if (p.reason !== 'arrival' || p.originType !== ORIGIN_TYPE || !p.originId || p.lines.length === 0) return;
  const order = await one<Record<string, any>>(
    tx,
    sql`select o.id, o.number, o.state, o.owner_user_id from sales_order o
         where o.company_id = ${event.companyId} and o.id = ${p.originId} for update`,
  );
  if (!order || !OPEN_ORDER_STATES.includes(order.state)) return;
  const held = await reservedForOrigin(tx, event.companyId, { originType: ORIGIN_TYPE, originId: order.id });
  const today = await companyToday(tx, event.companyId);
  const updates = p.lines.map((l) => ({ id: l.originLineId, held: held.get(l.originLineId) ?? '0' }));
  const lines = await rows<{ id: string }>(
    tx,
    sql`update sales_order_line l
           set qty_reserved = least(u.held, l.qty_base - l.qty_delivered),
               expected_date = case when u.held >= l.qty_base - l.qty_delivered
                                    then greatest(coalesce(o.requested_date, o.order_date), ${today}::date)
                                    else l.expected_date end,
               version = l.version + 1, updated_at = now()
          from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as u(id uuid, held numeric), sales_order o
         where l.company_id = ${event.companyId} and l.order_id = ${order.id} and l.id = u.id
           and o.company_id = l.company_id and o.id = l.order_id
        returning l.id`,
  );
  if (lines.length === 0 || !order.owner_user_id) return;
  await tellOwner(tx, event.companyId, order, p.lines);
}

/**
 * "SO-…: 5 × Widget reserved, ready to ship" when no stocked line of the order is short any more,
 * else with what is still short; in the owner's language.
 */
async function tellOwner(
  tx: Tx,
  companyId: string,
  order: Record<string, any>,
  arrived: ArrivalLine[],
): Promise<void> {
  const all = await rows<{ id: string; product_id: string; short: string }>(
    tx,
    sql`select id, product_id, greatest(qty_base - qty_delivered - qty_reserved, 0)::text as short
          from sales_order_line where company_id = ${companyId} and order_id = ${order.id}`,
  );
  const products = await getProducts(tx, companyId, [...new Set(all.map((l) => l.product_id))]);
  const byLine = new Map(all.map((l) => [l.id, l]));
  const named = (locale: 'en' | 'zh-CN') =>
    arrived
      .filter((a) => byLine.has(a.originLineId) && new Decimal(a.reserved).gt(0))
      .map((a) => {
        const name = products.get(byLine.get(a.originLineId)!.product_id)?.name ?? {};
        return `${plain(a.reserved)} × ${name[locale] ?? name.en ?? name['zh-CN'] ?? ''}`;
      })
      .join(', ');
  const short = all
    .filter((l) => products.get(l.product_id)?.kind === 'stocked')
    .reduce((sum, l) => sum.add(l.short), new Decimal(0));
  const ready = short.lte(0);
  await notify(tx, companyId, [order.owner_user_id], {
    kind: 'sales.order.stock_reserved',
    title: {
      en: `${order.number}: ${named('en')} reserved${ready ? ', ready to ship' : ''}`,
      'zh-CN': `${order.number}：${named('zh-CN')} 已到货预留${ready ? '，可以发货' : ''}`,
    },
    body: ready ? undefined : { en: `Still short: ${plain(short)}`, 'zh-CN': `仍缺 ${plain(short)}` },
    link: `/sales/orders/${order.id}`,
  });
}

export const onStockArrived: Subscriber = {
  name: 'sales.on-stock-arrived',
  types: ['stock.reserved'],
  handle,
};
