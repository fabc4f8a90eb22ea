import { sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/tx.ts';
import type { DeliveredEvent, Subscriber } from '../../../platform/outbox/subscribers.ts';
import { ORIGIN_TYPE } from '../order/order.repo.ts';

interface CancelledPayload {
  kind: string;
  originType: string | null;
  originId: string | null;
  lines: Array<{ originLineId: string; quantity: string }>;
}

/**
 * An invoice made from a sales order was cancelled (a draft discarded, or a posted one reversed): its
 * quantities are invoiceable again. Invoice lines carry the order line's unit, the order line counts in
 * stock units, hence the × qty_base / qty. Run once per event by the outbox.
 */
async function handle(tx: Tx, event: DeliveredEvent): Promise<void> {
  const p = event.payload as unknown as CancelledPayload;
  if (p.kind !== 'customer_invoice' || p.originType !== ORIGIN_TYPE || !p.originId || p.lines.length === 0)
    return;
  await tx.execute(
    sql`update sales_order_line l
           set qty_invoiced = greatest(l.qty_invoiced - round(s.qty * l.qty_base / l.qty, 4), 0),
               version = l.version + 1, updated_at = now()
          from (select r.id, sum(r.qty) as qty
                  from jsonb_to_recordset(${JSON.stringify(p.lines.map((l) => ({ id: l.originLineId, qty: l.quantity })))}::jsonb)
                       as r(id uuid, qty numeric) group by r.id) s
         where l.company_id = ${event.companyId} and l.order_id = ${p.originId} and l.id = s.id`,
  );
}

export const onInvoiceCancelled: Subscriber = {
  name: 'sales.on-invoice-cancelled',
  types: ['invoice.cancelled'],
  handle,
};
