import { sql } from 'drizzle-orm';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import type { DeliveredEvent, Subscriber } from '../../../platform/outbox/subscribers.ts';
import { getProducts } from '../../catalog/index.ts';
import { ORIGIN_TYPE } from '../order/order.repo.ts';

interface PlannedPayload {
  needId: string;
  productId: string;
  originType: string;
  originId: string;
  originLineId: string | null;
  originNumber: string | null;
  expectedDate: string | null;
  plannedBy: { type: string; id: string; number: string } | null;
}

/**
 * A shortage of a sales order line was taken into a purchase or production order
 * (`procurement.planned`). While the line is still short and the order open, its expected date becomes
 * the planned arrival date — never before the requested (or order) date, since goods do not leave
 * earlier than asked — whether that is later or earlier than the estimate made at confirmation: the
 * plan is the newer knowledge. The line also remembers the planning document's number. The owner is
 * told when the date or the document changed; the same event again changes nothing and tells no one.
 */
async function handle(tx: Tx, event: DeliveredEvent): Promise<void> {
  const p = event.payload as unknown as PlannedPayload;
  if (p.originType !== ORIGIN_TYPE || !p.originLineId) return;
  if (!p.expectedDate && !p.plannedBy) return;
  const order = await one<Record<string, any>>(
    tx,
    sql`select o.id, o.number, o.state, o.owner_user_id from sales_order o
         where o.company_id = ${event.companyId} and o.id = ${p.originId} for update`,
  );
  if (!order || !['confirmed', 'partly_delivered'].includes(order.state)) return;
  const changed = await one<{ expected: string | null; product_id: string }>(
    tx,
    sql`with cur as (
          select l.id, l.expected_date, l.planned_by_number,
                 case when ${p.expectedDate}::date is null then l.expected_date
                      else greatest(${p.expectedDate}::date, coalesce(o.requested_date, o.order_date)) end as next_date,
                 coalesce(${p.plannedBy?.number ?? null}::text, l.planned_by_number) as next_by
            from sales_order_line l join sales_order o on o.company_id = l.company_id and o.id = l.order_id
           where l.company_id = ${event.companyId} and l.order_id = ${order.id} and l.id = ${p.originLineId}
             and l.qty_reserved + l.qty_delivered < l.qty_base)
        update sales_order_line l
           set expected_date = cur.next_date, planned_by_number = cur.next_by,
               version = l.version + 1, updated_at = now()
          from cur
         where l.company_id = ${event.companyId} and l.id = cur.id
           and (cur.next_date is distinct from cur.expected_date or cur.next_by is distinct from cur.planned_by_number)
        returning l.expected_date::text as expected, l.product_id`,
  );
  if (!changed || !order.owner_user_id) return;
  const product = (await getProducts(tx, event.companyId, [changed.product_id])).get(changed.product_id);
  const name = (locale: 'en' | 'zh-CN') => product?.name[locale] ?? product?.name.en ?? product?.sku ?? '';
  const by = p.plannedBy?.number;
  await notify(tx, event.companyId, [order.owner_user_id], {
    kind: 'sales.order.expected_date',
    title: {
      en: `${order.number}: ${name('en')} expected ${changed.expected ?? 'later'}${by ? ` (${by})` : ''}`,
      'zh-CN': `${order.number}：${name('zh-CN')} 预计 ${changed.expected ?? '稍后'} 到货${by ? `（${by}）` : ''}`,
    },
    link: `/sales/orders/${order.id}`,
  });
}

export const onProcurementPlanned: Subscriber = {
  name: 'sales.on-procurement-planned',
  types: ['procurement.planned'],
  handle,
};
