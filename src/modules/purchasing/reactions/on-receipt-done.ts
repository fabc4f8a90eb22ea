import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import type { DeliveredEvent, Subscriber } from '../../../platform/outbox/subscribers.ts';
import { systemActor } from '../../../platform/permissions/actor.ts';
import { findOrder, ORDER_ENTITY, ORDER_ORIGIN, orderLines, setOrder } from '../order/order.repo.ts';
import { stateAfterReceipt } from '../order/order.ts';

interface ReceiptDonePayload {
  number: string;
  originType: string | null;
  originId: string | null;
  lines: Array<{ originLineId?: string | null; qty: string }>;
}

/**
 * A receipt of a purchase order was validated: each PO line's received quantity grows by what came in;
 * the order becomes partly received or received. The outbox runs this once per event.
 */
async function handle(tx: Tx, event: DeliveredEvent): Promise<void> {
  const p = event.payload as unknown as ReceiptDonePayload;
  if (p.originType !== ORDER_ORIGIN || !p.originId) return;
  const actor = systemActor(event.companyId, `receipt ${p.number} validated`);
  const order = await findOrder(tx, event.companyId, p.originId, true).catch(() => null);
  if (!order) return;
  const received = p.lines.filter((l) => l.originLineId);
  if (received.length === 0) return;
  await tx.execute(
    sql`update purchasing_order_line l set qty_received = l.qty_received + r.qty, version = l.version + 1,
           updated_at = now()
          from (select x.id, sum(x.qty) as qty
                  from jsonb_to_recordset(${JSON.stringify(received.map((l) => ({ id: l.originLineId, qty: l.qty })))}::jsonb)
                       as x(id uuid, qty numeric) group by x.id) r
         where l.company_id = ${event.companyId} and l.order_id = ${order.id} and l.id = r.id`,
  );
  if (order.state !== 'confirmed' && order.state !== 'partly_received') return;
  const lines = await orderLines(tx, event.companyId, order.id, 'en');
  const next = stateAfterReceipt(lines);
  if (next === order.state) return;
  await setOrder(tx, event.companyId, order.id, sql`state = ${next}`);
  await recordAudit(tx, actor, {
    entity: ORDER_ENTITY,
    entityId: order.id,
    action: 'receive',
    before: { state: order.state },
    after: { state: next, receipt: p.number },
  });
  await publish(tx, actor, {
    type: 'purchase_order.received',
    aggregateType: ORDER_ENTITY,
    aggregateId: order.id,
    payload: {
      orderId: order.id,
      number: order.number,
      supplierId: order.supplierId,
      customerId: order.partyId,
      state: next,
      summary: `Purchase order ${order.number} ${next === 'received' ? 'received' : 'partly received'} (${p.number})`,
    },
  });
}

export const receiptDoneSubscriber: Subscriber = {
  name: 'purchasing.order_received',
  types: ['receipt.done'],
  handle,
};
