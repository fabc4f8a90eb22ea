import { sql } from 'drizzle-orm';
import { loadActor } from '../../../platform/auth/load-actor.ts';
import { iso } from '../../../platform/db/time.ts';
import { rows, type Tx } from '../../../platform/db/tx.ts';
import type { DemoContext } from '../../../platform/demo/seed.ts';
import { invoiceOrder } from '../order/invoice-order.ts';
import { onDeliveryShipped } from '../reactions/on-delivery-shipped.ts';

/**
 * Hands a demo shipment's `delivery.shipped` event to sales' own subscriber inside the seeding
 * transaction, as the outbox does after commit on a running server: the order's delivered quantities
 * rise (and it turns delivered or partly delivered), so it can be invoiced under the default 'delivery'
 * policy in the same seed. The event must have been written already (ship in a savepoint, where events
 * are not deferred to commit). The handled row is the one the dispatcher writes, so it skips this
 * subscriber later; other subscribers (the crm timeline) still get the event from the outbox.
 */
export async function deliverShipmentNow(tx: Tx, companyId: string, deliveryId: string): Promise<void> {
  const [event] = await rows<Record<string, any>>(
    tx,
    sql`select * from platform_event where company_id = ${companyId} and aggregate_type = 'inventory.picking'
          and aggregate_id = ${deliveryId} and type = 'delivery.shipped' order by seq desc limit 1`,
  );
  if (!event) return;
  const fresh = await rows(
    tx,
    sql`insert into platform_event_handled (company_id, event_id, subscriber)
        values (${companyId}, ${event.id}, ${onDeliveryShipped.name}) on conflict do nothing returning event_id`,
  );
  if (fresh.length === 0) return;
  await onDeliveryShipped.handle(tx, {
    companyId,
    id: event.id,
    seq: Number(event.seq),
    type: event.type,
    aggregateType: event.aggregate_type,
    aggregateId: event.aggregate_id,
    payloadVersion: event.payload_version,
    payload: event.payload,
    actorUserId: event.actor_user_id,
    createdAt: iso(event.created_at),
  });
}

/** Finance invoices what the demo shipments delivered (posted at once, dated today). */
export async function invoiceDemoOrders(tx: Tx, ctx: DemoContext, orderIds: string[]): Promise<void> {
  const userId = ctx.users.finance;
  const finance = userId ? await loadActor(tx, { userId, companyId: ctx.companyId }) : null;
  if (!finance) return;
  for (const id of orderIds) await invoiceOrder(tx, { ...finance, reason: 'demo data' }, id, { post: true });
}
