import { sql } from 'drizzle-orm';
import { registerApprovalKind } from '../../../platform/approvals/registry.ts';
import { requestApproval } from '../../../platform/approvals/request-approval.ts';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { conflict } from '../../../platform/errors.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import type { PurchasingSettings } from '../settings.ts';
import { carryOutConfirmation } from './confirm-order.ts';
import { findOrder, ORDER_ENTITY, type OrderRow, setOrder } from './order.repo.ts';
import { transition } from './order.ts';

export const ORDER_APPROVAL = 'purchasing.order_approval';

/** The order is above the approval amount: the approver role decides; meanwhile it waits. */
export async function requestOrderApproval(
  tx: Tx,
  actor: Actor,
  order: OrderRow,
  settings: PurchasingSettings,
  reason: string | undefined,
) {
  transition(order.state, 'awaiting_approval');
  const approvalId = await requestApproval(tx, actor, {
    kind: ORDER_APPROVAL,
    subjectType: ORDER_ENTITY,
    subjectId: order.id,
    summary: `Purchase order ${order.number} (${order.supplierName}): ${settings.currency} ${order.totalCompany} > ${settings.approvalAmount}`,
    payload: { orderId: order.id, number: order.number, totalCompany: order.totalCompany },
    approverRoleCode: settings.approverRole,
    reason,
  });
  await setOrder(
    tx,
    actor.companyId,
    order.id,
    sql`state = 'awaiting_approval', approval_id = ${approvalId}`,
  );
  await recordAudit(tx, actor, {
    entity: ORDER_ENTITY,
    entityId: order.id,
    action: 'request_approval',
    before: { state: order.state },
    after: { state: 'awaiting_approval', approvalId, totalCompany: order.totalCompany },
    reason,
  });
  await publish(tx, actor, {
    type: 'purchase_order.approval_requested',
    aggregateType: ORDER_ENTITY,
    aggregateId: order.id,
    payload: {
      orderId: order.id,
      number: order.number,
      supplierId: order.supplierId,
      customerId: order.partyId,
      approvalId,
      totalCompany: order.totalCompany,
      summary: `Purchase order ${order.number} waits for approval`,
    },
  });
}

async function lockWaiting(tx: Tx, approver: Actor, orderId: string) {
  const order = await findOrder(tx, approver.companyId, orderId, true);
  if (order.state !== 'awaiting_approval')
    throw conflict('approval.subject_changed', 'The order no longer waits for this approval', {
      state: order.state,
    });
  return order;
}

registerApprovalKind(ORDER_APPROVAL, {
  // Approved: confirmed in the decision's transaction, with the approver as actor.
  async approve(tx, approver, request) {
    requirePermission(approver, 'purchasing.order.approve');
    const order = await lockWaiting(tx, approver, request.subjectId);
    transition(order.state, 'confirmed');
    await setOrder(
      tx,
      approver.companyId,
      order.id,
      sql`approved_at = now(), approved_by = ${approver.userId}`,
    );
    await carryOutConfirmation(tx, approver, order, `approved (${request.id})`);
  },
  // Rejected: back to draft, to be changed or cancelled.
  async reject(tx, approver, request) {
    const order = await lockWaiting(tx, approver, request.subjectId);
    transition(order.state, 'draft');
    await setOrder(tx, approver.companyId, order.id, sql`state = 'draft'`);
    await recordAudit(tx, approver, {
      entity: ORDER_ENTITY,
      entityId: order.id,
      action: 'reject_approval',
      before: { state: order.state },
      after: { state: 'draft' },
    });
  },
});
