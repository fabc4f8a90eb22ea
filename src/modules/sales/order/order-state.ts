import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { staleVersion } from '../../../platform/errors.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { addHistory, findVisibleOrder, ORDER_ENTITY } from './order.repo.ts';
import { type OrderState, orderStates } from './order.ts';

/** Locks a visible order, checks the version and that it may move to `to`. */
export async function lockOrderFor(tx: Tx, actor: Actor, id: string, version: number, to: OrderState) {
  const row = await findVisibleOrder(tx, actor, id, true);
  if (row.version !== version) throw staleVersion('sales_order', version, row.version);
  orderStates.transition(row.state, to);
  return row;
}

/** The state write of cancel/close/shipment: order row, timeline row, audit row and event together. */
export async function applyOrderState(
  tx: Tx,
  actor: Actor,
  row: Record<string, any>,
  to: OrderState,
  event: { type: string; summary: string; note?: string; payload?: Record<string, unknown> },
) {
  await tx.execute(
    sql`update sales_order set state = ${to},
          cancelled_at = ${to === 'cancelled' ? sql`now()` : sql`cancelled_at`},
          cancel_reason = ${to === 'cancelled' ? (event.note ?? null) : sql`cancel_reason`},
          version = version + 1, updated_at = now()
        where company_id = ${actor.companyId} and id = ${row.id}`,
  );
  await addHistory(tx, actor, row.id, row.state, to, event.note ?? '');
  await recordAudit(tx, actor, {
    entity: ORDER_ENTITY,
    entityId: row.id,
    action: to === 'cancelled' ? 'cancel' : to === 'closed' ? 'close' : 'state',
    before: { state: row.state },
    after: { state: to },
    reason: event.note || undefined,
  });
  await publish(tx, actor, {
    type: event.type,
    aggregateType: 'sales_order',
    aggregateId: row.id,
    payload: {
      orderId: row.id,
      number: row.number,
      customerId: row.customer_id,
      total: row.total_t,
      currency: row.currency,
      ...event.payload,
      summary: event.summary,
    },
  });
}
