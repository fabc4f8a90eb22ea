import { sql } from 'drizzle-orm';
import { registerApprovalKind } from '../../../platform/approvals/registry.ts';
import { requestApproval } from '../../../platform/approvals/request-approval.ts';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { conflict } from '../../../platform/errors.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { confirmThroughGates } from './confirm-gates.ts';
import { addHistory, findVisibleOrder, ORDER_ENTITY, reloadOrder } from './order.repo.ts';
import { type CreditHold, orderStates } from './order.ts';

export const CREDIT_APPROVAL = 'sales.credit_override';
const APPROVER_ROLE = 'sales_manager';

async function setState(tx: Tx, actor: Actor, id: string, to: 'awaiting_approval' | 'draft') {
  await tx.execute(
    sql`update sales_order set state = ${to}, version = version + 1, updated_at = now()
         where company_id = ${actor.companyId} and id = ${id}`,
  );
}

const figuresOf = (hold: CreditHold) => ({
  ...(hold.credit ?? {}),
  ...(hold.overdue ? { overdue: hold.overdue } : {}),
});

function holdSummary(hold: CreditHold): string {
  const parts: string[] = [];
  if (hold.credit)
    parts.push(
      `exposure ${hold.credit.exposure} + order ${hold.credit.orderTotal} > limit ${hold.credit.limit}`,
    );
  if (hold.overdue)
    parts.push(
      `${hold.overdue.invoices} invoice(s) of ${hold.overdue.amount} more than ${hold.overdue.days} days overdue (oldest due ${hold.overdue.oldestDueDate})`,
    );
  return parts.join('; ');
}

/**
 * Over the credit limit (or with invoices long overdue) and the salesperson asked for an exception: a sales manager decides through
 * the platform's approvals; meanwhile the order waits in 'awaiting_approval' with nothing reserved.
 */
export async function requestCreditApproval(
  tx: Tx,
  actor: Actor,
  row: Record<string, any>,
  hold: CreditHold,
  reason: string | undefined,
) {
  orderStates.transition(row.state, 'awaiting_approval');
  const approvalId = await requestApproval(tx, actor, {
    kind: CREDIT_APPROVAL,
    subjectType: ORDER_ENTITY,
    subjectId: row.id,
    summary: `Credit override for ${row.number} (${row.customer_name ?? ''}): ${holdSummary(hold)}`,
    payload: { orderId: row.id, number: row.number, ...figuresOf(hold) },
    approverRoleCode: APPROVER_ROLE,
    reason,
  });
  await setState(tx, actor, row.id, 'awaiting_approval');
  await addHistory(
    tx,
    actor,
    row.id,
    row.state,
    'awaiting_approval',
    reason ?? (hold.credit ? 'credit limit exceeded' : 'overdue invoices'),
  );
  await recordAudit(tx, actor, {
    entity: ORDER_ENTITY,
    entityId: row.id,
    action: 'request_approval',
    before: { state: row.state },
    after: { state: 'awaiting_approval', approvalId, ...figuresOf(hold) },
    reason,
  });
  await publish(tx, actor, {
    type: 'sales_order.approval_requested',
    aggregateType: 'sales_order',
    aggregateId: row.id,
    payload: {
      orderId: row.id,
      number: row.number,
      customerId: row.customer_id,
      approvalId,
      ...figuresOf(hold),
      summary: `Sales order ${row.number} waits for a credit approval`,
    },
  });
  return reloadOrder(tx, actor, row.id);
}

async function lockWaiting(tx: Tx, approver: Actor, orderId: string) {
  const row = await findVisibleOrder(tx, { ...approver, recordScope: 'company' }, orderId, true);
  if (row.state !== 'awaiting_approval')
    throw conflict('approval.subject_changed', 'The order no longer waits for this approval', {
      state: row.state,
    });
  return row;
}

registerApprovalKind(CREDIT_APPROVAL, {
  // Approved: the order is confirmed in the decision's transaction, with the approver as actor.
  async approve(tx, approver, request) {
    requirePermission(approver, 'sales.credit.override');
    const row = await lockWaiting(tx, approver, request.subjectId);
    orderStates.transition(row.state, 'confirmed');
    // The confirm gates still apply: an approved credit override is not a rule's approval.
    await confirmThroughGates(tx, approver, row, `credit override approved (${request.id})`);
  },
  // Rejected: back to draft, so the salesperson can reduce it, take a prepayment or cancel it.
  async reject(tx, approver, request) {
    const row = await lockWaiting(tx, approver, request.subjectId);
    orderStates.transition(row.state, 'draft');
    await setState(tx, approver, row.id, 'draft');
    await addHistory(tx, approver, row.id, row.state, 'draft', `credit override rejected (${request.id})`);
    await recordAudit(tx, approver, {
      entity: ORDER_ENTITY,
      entityId: row.id,
      action: 'reject_approval',
      before: { state: row.state },
      after: { state: 'draft' },
    });
  },
});
