import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { rows, type Tx } from '../../../platform/db/tx.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { createOriginReceipt, markNeedPlanned } from '../../inventory/index.ts';
import { purchasingSettings } from '../settings.ts';
import type { OrderView, VersionInput } from './contract.ts';
import {
  assertVersion,
  findOrder,
  loadOrder,
  ORDER_ENTITY,
  ORDER_ORIGIN,
  type OrderRow,
  orderLines,
  setOrder,
} from './order.repo.ts';
import { needsApproval, transition, unitCostCompany } from './order.ts';
import { requestOrderApproval } from './order-approval.ts';

/** Needs the order's requisitions came from that are still open: they are planned now, with the date. */
async function planNeeds(tx: Tx, actor: Actor, order: OrderRow) {
  const needs = await rows<{ need_id: string; qty: string }>(
    tx,
    sql`select r.need_id, r.qty::text as qty from purchasing_requisition r
          join inventory_procurement_need n on n.company_id = r.company_id and n.id = r.need_id
         where r.company_id = ${actor.companyId} and r.order_id = ${order.id} and n.state = 'open'
         order by r.need_id`,
  );
  for (const n of needs)
    await markNeedPlanned(tx, actor, {
      needId: n.need_id,
      qtyFilled: n.qty,
      reason: `purchase order ${order.number}`,
      expectedDate: order.expectedDate,
      plannedBy: { type: ORDER_ORIGIN, id: order.id, number: order.number },
    });
}

/**
 * The confirmation itself (also run by the approver when an approval is granted): the draft inventory
 * receipt on the expected date, one line per order line at its net price in company currency; the
 * needs behind it planned with that date; state confirmed; the event.
 */
export async function carryOutConfirmation(tx: Tx, actor: Actor, order: OrderRow, reason?: string) {
  const lines = await orderLines(tx, actor.companyId, order.id, actor.locale);
  const receipt = await createOriginReceipt(tx, actor, {
    warehouseId: order.warehouseId,
    partyId: order.partyId,
    scheduledDate: order.expectedDate,
    originType: ORDER_ORIGIN,
    originId: order.id,
    originNumber: order.number,
    lines: lines.map((l) => ({
      originLineId: l.id,
      productId: l.productId,
      qty: l.qty,
      unitCost: unitCostCompany(l, order.exchangeRate),
    })),
  });
  await setOrder(
    tx,
    actor.companyId,
    order.id,
    sql`state = 'confirmed', confirmed_at = now(), receipt_id = ${receipt?.id ?? null}`,
  );
  await planNeeds(tx, actor, order);
  await recordAudit(tx, actor, {
    entity: ORDER_ENTITY,
    entityId: order.id,
    action: 'confirm',
    before: { state: order.state },
    after: { state: 'confirmed', receiptId: receipt?.id ?? null, receiptNumber: receipt?.number ?? null },
    reason,
  });
  await publish(tx, actor, {
    type: 'purchase_order.confirmed',
    aggregateType: ORDER_ENTITY,
    aggregateId: order.id,
    payload: {
      orderId: order.id,
      number: order.number,
      supplierId: order.supplierId,
      customerId: order.partyId,
      warehouseId: order.warehouseId,
      expectedDate: order.expectedDate,
      receiptId: receipt?.id ?? null,
      total: order.total,
      currency: order.currency,
      summary: `Purchase order ${order.number} confirmed (${order.currency} ${order.total})`,
    },
  });
}

/**
 * Confirms a draft or sent order. Above `settings.purchasing.approvalAmount` (company currency) and not
 * approved yet, it waits in `awaiting_approval` for the approver role instead (the approval confirms it).
 */
export async function confirmPurchaseOrder(
  tx: Tx,
  actor: Actor,
  id: string,
  input: VersionInput,
): Promise<OrderView> {
  requirePermission(actor, 'purchasing.order.confirm');
  const order = await findOrder(tx, actor.companyId, id, true);
  assertVersion(order, input.version);
  transition(order.state, 'confirmed');
  const settings = await purchasingSettings(tx, actor.companyId);
  if (!order.approvedAt && needsApproval(order.totalCompany, settings.approvalAmount)) {
    await requestOrderApproval(tx, actor, order, settings, input.reason);
  } else {
    await carryOutConfirmation(tx, actor, order, input.reason);
  }
  return loadOrder(tx, actor.companyId, id, actor.locale);
}
