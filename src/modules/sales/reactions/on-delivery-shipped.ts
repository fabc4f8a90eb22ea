import { sql } from 'drizzle-orm';
import { one, rows, type Tx } from '../../../platform/db/tx.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import type { DeliveredEvent, Subscriber } from '../../../platform/outbox/subscribers.ts';
import { systemActor } from '../../../platform/permissions/actor.ts';
import { getProducts } from '../../catalog/index.ts';
import { ORIGIN_TYPE } from '../order/order.repo.ts';
import { stateAfterShipment } from '../order/order.ts';
import { applyOrderState } from '../order/order-state.ts';

interface ShippedPayload {
  number: string;
  originType: string;
  originId: string;
  carrier?: string;
  trackingNo?: string;
  lines: Array<{ originLineId: string | null; productId: string; qtyDone: string }>;
}

/**
 * A delivery of a sales order left the warehouse: each origin line's delivered quantity grows by what
 * shipped and its reserved quantity shrinks by it; the order becomes partly delivered or delivered,
 * its owner is told. The outbox runs this once per event (the handled-row is the idempotency key).
 */
async function handle(tx: Tx, event: DeliveredEvent): Promise<void> {
  const p = event.payload as unknown as ShippedPayload;
  if (p.originType !== ORIGIN_TYPE || !p.originId) return;
  const order = await one<Record<string, any>>(
    tx,
    sql`select o.*, o.total::text as total_t from sales_order o
         where o.company_id = ${event.companyId} and o.id = ${p.originId} for update`,
  );
  if (!order) return;
  const shipped = p.lines.filter((l) => l.originLineId && Number(l.qtyDone) > 0);
  if (shipped.length)
    await tx.execute(
      sql`update sales_order_line l
             set qty_delivered = l.qty_delivered + s.done,
                 qty_reserved = greatest(least(l.qty_reserved - s.done, l.qty_base - l.qty_delivered - s.done), 0),
                 version = l.version + 1, updated_at = now()
            from (select r.id, sum(r.done) as done
                    from jsonb_to_recordset(${JSON.stringify(shipped.map((l) => ({ id: l.originLineId, done: l.qtyDone })))}::jsonb)
                         as r(id uuid, done numeric) group by r.id) s
           where l.company_id = ${event.companyId} and l.order_id = ${order.id} and l.id = s.id`,
    );
  const actor = systemActor(event.companyId, `delivery ${p.number} shipped`);
  const lines = await rows<{ product_id: string; qty_base: string; qty_delivered: string }>(
    tx,
    sql`select product_id, qty_base::text as qty_base, qty_delivered::text as qty_delivered from sales_order_line
         where company_id = ${event.companyId} and order_id = ${order.id}`,
  );
  const products = await getProducts(tx, event.companyId, [...new Set(lines.map((l) => l.product_id))]);
  const next = stateAfterShipment(
    lines
      .filter((l) => products.get(l.product_id)?.kind === 'stocked')
      .map((l) => ({ qtyBase: l.qty_base, qtyDelivered: l.qty_delivered })),
  );
  // A shipment after the order was closed (or of an order delivered already) changes quantities only.
  if (order.state === 'confirmed' || (order.state === 'partly_delivered' && next === 'delivered'))
    await applyOrderState(tx, actor, order, next, {
      type: next === 'delivered' ? 'sales_order.delivered' : 'sales_order.partly_delivered',
      summary:
        next === 'delivered'
          ? `Sales order ${order.number} delivered (${p.number})`
          : `Sales order ${order.number} partly shipped (${p.number})`,
      note: p.number,
      payload: {
        deliveryId: (p as any).pickingId ?? event.aggregateId,
        deliveryNumber: p.number,
        carrier: p.carrier ?? '',
        trackingNo: p.trackingNo ?? '',
      },
    });
  if (order.owner_user_id)
    await notify(tx, event.companyId, [order.owner_user_id], {
      kind: next === 'delivered' ? 'sales.order.delivered' : 'sales.order.shipped',
      title:
        next === 'delivered'
          ? { en: `Order ${order.number} delivered`, 'zh-CN': `订单 ${order.number} 已全部发货` }
          : {
              en: `Order ${order.number} partly shipped (${p.number})`,
              'zh-CN': `订单 ${order.number} 部分发货（${p.number}）`,
            },
      body: p.trackingNo
        ? {
            en: `${p.carrier ?? ''} ${p.trackingNo}`.trim(),
            'zh-CN': `${p.carrier ?? ''} ${p.trackingNo}`.trim(),
          }
        : undefined,
      link: `/sales/orders/${order.id}`,
    });
}

export const onDeliveryShipped: Subscriber = {
  name: 'sales.on-delivery-shipped',
  types: ['delivery.shipped'],
  handle,
};
