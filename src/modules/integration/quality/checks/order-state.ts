import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../../platform/db/tx.ts';
import { accountingSettings } from '../../../accounting/index.ts';
import { ORIGIN_TYPE } from '../../../sales/index.ts';
import type { Finding, QualityCheck } from './registry.ts';

interface OrderRow {
  id: string;
  number: string;
  state: string;
  stocked: number;
  open_stocked: number;
  delivered_lines: number;
  over_ordered: number;
  over_delivered: number;
  unlike_deliveries: number;
}

/** Each disagreement between an order's state and its lines, deliveries or invoices, as a rule. */
const RULES: Array<{ problem: string; applies(o: OrderRow, deliveryPolicy: boolean): boolean }> = [
  { problem: 'delivered_with_open_quantity', applies: (o) => o.state === 'delivered' && o.open_stocked > 0 },
  {
    problem: 'shipped_but_not_marked',
    applies: (o) => o.state === 'confirmed' && o.delivered_lines > 0,
  },
  {
    problem: 'fully_shipped_but_partly_delivered',
    applies: (o) => o.state === 'partly_delivered' && o.stocked > 0 && o.open_stocked === 0,
  },
  {
    problem: 'shipped_while_not_confirmed',
    applies: (o) => ['draft', 'awaiting_approval', 'cancelled'].includes(o.state) && o.delivered_lines > 0,
  },
  { problem: 'invoiced_more_than_ordered', applies: (o) => o.over_ordered > 0 },
  { problem: 'invoiced_more_than_delivered', applies: (o, policy) => policy && o.over_delivered > 0 },
  { problem: 'delivered_quantity_unlike_deliveries', applies: (o) => o.unlike_deliveries > 0 },
];

/**
 * Sales orders whose state disagrees with their lines' delivered and invoiced quantities, or whose
 * delivered quantities disagree with the done deliveries. A delivery whose `delivery.shipped` event is
 * still in the outbox is skipped: sales has not heard of it yet (a stuck event is its own check).
 */
export const orderStates: QualityCheck = {
  key: 'sales.order_state',
  title: {
    'zh-CN': '订单状态与发货或开票不符',
    en: 'Orders whose state disagrees with deliveries or invoices',
  },
  severity: 'high',
  recordType: 'sales_order',
  async run(ex: Executor, companyId: string): Promise<Finding[]> {
    const { invoicePolicy } = await accountingSettings(ex, companyId);
    const found = await rows<OrderRow>(
      ex,
      sql`with shipped as (
            select pl.origin_line_id, sum(pl.qty_done) as done, bool_or(e.id is not null) as in_flight
              from inventory_picking k
              join inventory_picking_line pl on pl.company_id = k.company_id and pl.picking_id = k.id
              left join platform_event e on e.company_id = k.company_id and e.type = 'delivery.shipped'
                                        and e.aggregate_id = k.id::text and e.dispatched_at is null
             where k.company_id = ${companyId} and k.kind = 'delivery' and k.state = 'done'
               and k.origin_type = ${ORIGIN_TYPE} and pl.origin_line_id is not null
             group by pl.origin_line_id),
          lines as (
            select l.order_id,
                   count(*) filter (where p.kind = 'stocked')::int as stocked,
                   count(*) filter (where p.kind = 'stocked' and l.qty_delivered < l.qty_base)::int as open_stocked,
                   count(*) filter (where l.qty_delivered > 0)::int as delivered_lines,
                   count(*) filter (where l.qty_invoiced > l.qty_base)::int as over_ordered,
                   count(*) filter (where p.kind = 'stocked' and l.qty_invoiced > l.qty_delivered)::int
                     as over_delivered,
                   count(*) filter (where not coalesce(s.in_flight, false)
                                      and l.qty_delivered <> coalesce(s.done, 0))::int as unlike_deliveries
              from sales_order_line l
              join catalog_product p on p.company_id = l.company_id and p.id = l.product_id
              left join shipped s on s.origin_line_id = l.id
             where l.company_id = ${companyId}
             group by l.order_id)
          select o.id, o.number, o.state, lines.stocked, lines.open_stocked, lines.delivered_lines,
                 lines.over_ordered, lines.over_delivered, lines.unlike_deliveries
            from sales_order o join lines on lines.order_id = o.id
           where o.company_id = ${companyId}
             and (lines.open_stocked > 0 or lines.delivered_lines > 0 or lines.over_ordered > 0
                  or lines.over_delivered > 0 or lines.unlike_deliveries > 0)
           order by o.id`,
    );
    const out: Finding[] = [];
    for (const o of found)
      for (const rule of RULES)
        if (rule.applies(o, invoicePolicy === 'delivery'))
          out.push({
            recordType: 'sales_order',
            recordId: o.id,
            fingerprint: `${o.id}:${rule.problem}`,
            details: { number: o.number, state: o.state, problem: rule.problem },
          });
    return out;
  },
};
