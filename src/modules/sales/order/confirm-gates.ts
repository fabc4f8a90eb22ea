import { sql } from 'drizzle-orm';
import { registerApprovalKind } from '../../../platform/approvals/registry.ts';
import { requestApproval } from '../../../platform/approvals/request-approval.ts';
import { recordAudit } from '../../../platform/audit/record.ts';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { conflict } from '../../../platform/errors.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { carryOutConfirmation } from './confirm-order.ts';
import type { OrderView } from './contract.ts';
import { addHistory, findVisibleOrder, ORDER_ENTITY, reloadOrder } from './order.repo.ts';
import { orderStates } from './order.ts';

export const ORDER_APPROVAL = 'sales.order_approval';

/** What a confirm gate sees of an order about to be confirmed (amounts as decimal strings). */
export interface ConfirmFacts {
  orderId: string;
  number: string;
  customerId: string;
  customerName: string | null;
  ownerUserId: string | null;
  /** The order total in the company currency. */
  amount: string;
  /** The order total in the order's currency, and that currency. */
  total: string;
  currency: string;
  companyCurrency: string;
  warehouseId: string;
  lines: number;
  /** The order's version while it is being confirmed. */
  version: number;
  /** Verdict keys already approved for this confirmation: a gate need not ask (or log) them again. */
  approvedKeys: string[];
}

/** A gate's answer when an order must wait: who approves and why (shown to the approver and on the order). */
export interface GateVerdict {
  /** Stable per gate and rule (e.g. `rule:<id>`): an approved key is not asked again for this confirmation. */
  key: string;
  approverRoleCode: string;
  reason: string;
}

export type ConfirmGate = (tx: Tx, actor: Actor, facts: ConfirmFacts) => Promise<GateVerdict[]>;

const gates: ConfirmGate[] = [];

/** Higher modules (integration's trigger rules) register gates that may hold a confirmation for approval. */
export function registerConfirmGate(gate: ConfirmGate): void {
  gates.push(gate);
}

async function factsOf(
  tx: Tx,
  companyId: string,
  row: Record<string, any>,
  approvedKeys: string[],
): Promise<ConfirmFacts> {
  const extra = await one<{ currency: string; lines: number }>(
    tx,
    sql`select c.currency, (select count(*)::int from sales_order_line l
                              where l.company_id = c.id and l.order_id = ${row.id}) as lines
          from platform_company c where c.id = ${companyId}`,
  );
  return {
    orderId: row.id,
    number: row.number,
    customerId: row.customer_id,
    customerName: row.customer_name ?? null,
    ownerUserId: row.owner_user_id ?? null,
    amount: row.total_company_t,
    total: row.total_t,
    currency: row.currency,
    companyCurrency: extra?.currency ?? row.currency,
    warehouseId: row.warehouse_id,
    lines: extra?.lines ?? 0,
    version: row.version,
    approvedKeys,
  };
}

/**
 * The last step before the confirmation proper: every registered gate looks at the order; the first
 * verdict not approved yet files a `sales.order_approval` request to its role and parks the order in
 * awaiting_approval (nothing reserved). Without a verdict the order is confirmed at once.
 */
export async function confirmThroughGates(
  tx: Tx,
  actor: Actor,
  row: Record<string, any>,
  note: string,
  approvedKeys: string[] = [],
): Promise<OrderView> {
  const facts = await factsOf(tx, actor.companyId, row, approvedKeys);
  for (const gate of gates) {
    const verdict = (await gate(tx, actor, facts)).find((v) => !approvedKeys.includes(v.key));
    if (verdict) return holdForApproval(tx, actor, row, verdict, approvedKeys);
  }
  return carryOutConfirmation(tx, actor, row, note);
}

async function holdForApproval(
  tx: Tx,
  actor: Actor,
  row: Record<string, any>,
  verdict: GateVerdict,
  approvedKeys: string[],
) {
  const waiting = row.state === 'awaiting_approval';
  if (!waiting) orderStates.transition(row.state, 'awaiting_approval');
  const approvalId = await requestApproval(tx, actor, {
    kind: ORDER_APPROVAL,
    subjectType: ORDER_ENTITY,
    subjectId: row.id,
    summary: `Sales order ${row.number} (${row.customer_name ?? ''}, ${row.currency} ${row.total_t}): ${verdict.reason}`,
    payload: { orderId: row.id, number: row.number, key: verdict.key, approvedKeys, reason: verdict.reason },
    approverRoleCode: verdict.approverRoleCode,
  });
  if (!waiting)
    await tx.execute(
      sql`update sales_order set state = 'awaiting_approval', version = version + 1, updated_at = now()
           where company_id = ${actor.companyId} and id = ${row.id}`,
    );
  await addHistory(tx, actor, row.id, row.state, 'awaiting_approval', verdict.reason.slice(0, 500));
  await recordAudit(tx, actor, {
    entity: ORDER_ENTITY,
    entityId: row.id,
    action: 'request_approval',
    before: { state: row.state },
    after: { state: 'awaiting_approval', approvalId, gate: verdict.key, reason: verdict.reason },
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
      reason: verdict.reason,
      summary: `Sales order ${row.number} waits for approval: ${verdict.reason}`,
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

registerApprovalKind(ORDER_APPROVAL, {
  // Approved: the gates are asked again without the approved ones (another rule may still hold the
  // order); when none holds it, the order is confirmed with the approver as actor.
  async approve(tx, approver, request) {
    requirePermission(approver, 'sales.order.confirm');
    const row = await lockWaiting(tx, approver, request.subjectId);
    const payload = request.payload as { key: string; approvedKeys?: string[] };
    await confirmThroughGates(tx, approver, row, `approved (${request.id})`, [
      ...(payload.approvedKeys ?? []),
      payload.key,
    ]);
  },
  // Rejected: back to draft, so the salesperson can change or cancel it; confirming again asks again.
  async reject(tx, approver, request) {
    const row = await lockWaiting(tx, approver, request.subjectId);
    orderStates.transition(row.state, 'draft');
    await tx.execute(
      sql`update sales_order set state = 'draft', version = version + 1, updated_at = now()
           where company_id = ${approver.companyId} and id = ${row.id}`,
    );
    await addHistory(tx, approver, row.id, row.state, 'draft', `approval rejected (${request.id})`);
    await recordAudit(tx, approver, {
      entity: ORDER_ENTITY,
      entityId: row.id,
      action: 'reject_approval',
      before: { state: row.state },
      after: { state: 'draft' },
    });
  },
});
