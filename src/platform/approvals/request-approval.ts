import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.ts';
import { one, rows, type Tx } from '../db/tx.ts';
import { unprocessable } from '../errors.ts';
import { newId } from '../ids.ts';
import { notify } from '../notifications/notify.ts';
import { publish } from '../outbox/publish.ts';
import type { Actor } from '../permissions/actor.ts';
import { approvalKind } from './registry.ts';

export interface RequestApprovalInput {
  kind: string;
  subjectType: string;
  subjectId: string;
  /** One line a decider reads in the list and the notification. */
  summary: string;
  /** What the kind's handler needs to carry the change out once approved. */
  payload: Record<string, unknown>;
  approverRoleCode: string;
  /** Why the requester asks; kept in the audit log. */
  reason?: string;
}

/**
 * Files a pending approval request, tells every active holder of the approver role, and publishes
 * `approval.requested`. The caller has already authorised the requester for what it asks (this is a
 * service, not a route's use case); the decision is authorised separately in decide-approval.ts.
 */
export async function requestApproval(tx: Tx, actor: Actor, input: RequestApprovalInput) {
  // A kind nobody handles could never be carried out: that is a programming error, not bad input.
  if (!approvalKind(input.kind)) throw new Error(`approval kind ${input.kind} is not registered`);
  const role = await one<{ id: string }>(
    tx,
    sql`select id from platform_role where company_id = ${actor.companyId} and code = ${input.approverRoleCode}`,
  );
  if (!role)
    throw unprocessable('approval.no_approver_role', 'No role of this company can approve this request', {
      roleCode: input.approverRoleCode,
    });
  const id = newId();
  const summary = input.summary.slice(0, 500);
  await tx.execute(
    sql`insert into platform_approval_request
          (company_id, id, kind, subject_type, subject_id, summary, payload, requested_by, approver_role_id)
        values (${actor.companyId}, ${id}, ${input.kind}, ${input.subjectType}, ${input.subjectId}, ${summary},
                ${JSON.stringify(input.payload)}::jsonb, ${actor.userId}, ${role.id})`,
  );
  await recordAudit(tx, actor, {
    entity: 'platform.approval_request',
    entityId: id,
    action: 'request',
    after: {
      kind: input.kind,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      summary,
      approverRole: input.approverRoleCode,
      status: 'pending',
    },
    reason: input.reason,
  });
  await publish(tx, actor, {
    type: 'approval.requested',
    aggregateType: 'approval_request',
    aggregateId: id,
    payload: {
      approvalId: id,
      kind: input.kind,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      requestedBy: actor.userId,
      approverRoleId: role.id,
    },
  });
  const approvers = await rows<{ user_id: string }>(
    tx,
    sql`select ur.user_id from platform_user_role ur
         where ur.company_id = ${actor.companyId} and ur.role_id = ${role.id} and ur.user_id <> ${actor.userId}`,
  );
  await notify(
    tx,
    actor.companyId,
    approvers.map((a) => a.user_id),
    {
      kind: 'approval.requested',
      title: { en: `Approval needed: ${summary}`, 'zh-CN': `待审批：${summary}` },
      body: {
        en: `${actor.name} asks for your approval.${input.reason ? ` Reason: ${input.reason}` : ''}`,
        'zh-CN': `${actor.name} 提交了审批申请。${input.reason ? `理由：${input.reason}` : ''}`,
      },
      link: `/approvals/${id}`,
    },
  );
  return id;
}
