import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import { one, type Tx } from '../db/tx.ts';
import { AppError, notFound, staleVersion, unprocessable } from '../errors.ts';
import { Version } from '../http/schemas.ts';
import { notify } from '../notifications/notify.ts';
import { publish } from '../outbox/publish.ts';
import { type Actor, requirePermission } from '../permissions/actor.ts';
import { approvalView, lockApproval, visibleTo } from './approvals.ts';
import { type ApprovalRequest, approvalKind } from './registry.ts';

export const DecideApprovalInput = z.strictObject({
  version: Version,
  reason: z.string().trim().max(500).optional(),
});
type DecideInput = z.infer<typeof DecideApprovalInput>;

/** Every guard a decision passes, in the order that leaks least: scope, then who, then state, then version. */
async function lockForDecision(tx: Tx, actor: Actor, id: string, input: DecideInput) {
  requirePermission(actor, 'platform.approval.decide');
  const request = await lockApproval(tx, actor.companyId, id);
  if (!request) throw notFound('approval_request', id);
  const visible = await one(
    tx,
    sql`select 1 from platform_approval_request a where a.company_id = ${actor.companyId} and a.id = ${id}
           and ${visibleTo(actor)}`,
  );
  if (!visible) throw notFound('approval_request', id);
  if (request.requestedBy === actor.userId)
    throw unprocessable('approval.own_request', 'You cannot decide a request you made');
  const holdsRole = await one(
    tx,
    sql`select 1 from platform_user_role where company_id = ${actor.companyId} and user_id = ${actor.userId}
           and role_id = ${request.approverRoleId}`,
  );
  if (!holdsRole)
    throw new AppError(403, 'approval.not_approver', 'This request is addressed to a role you do not hold', {
      approverRoleId: request.approverRoleId,
    });
  if (request.status !== 'pending')
    throw unprocessable('approval.not_pending', 'This request has already been decided', {
      status: request.status,
    });
  if (request.version !== input.version)
    throw staleVersion('approval_request', input.version, request.version);
  const kind = approvalKind(request.kind);
  if (!kind)
    throw unprocessable('approval.unknown_kind', 'No module handles this kind of request any more', {
      kind: request.kind,
    });
  return { request, kind };
}

async function settle(
  tx: Tx,
  actor: Actor,
  request: ApprovalRequest,
  status: 'approved' | 'rejected',
  reason: string | undefined,
) {
  await tx.execute(
    sql`update platform_approval_request
           set status = ${status}, decided_by = ${actor.userId}, decided_at = now(), decision_reason = ${reason ?? null},
               version = version + 1, updated_at = now()
         where company_id = ${actor.companyId} and id = ${request.id}`,
  );
  await recordAudit(tx, actor, {
    entity: 'platform.approval_request',
    entityId: request.id,
    action: status === 'approved' ? 'approve' : 'reject',
    before: { status: request.status },
    after: { status, decidedBy: actor.userId },
    reason,
  });
  await publish(tx, actor, {
    type: status === 'approved' ? 'approval.approved' : 'approval.rejected',
    aggregateType: 'approval_request',
    aggregateId: request.id,
    payload: {
      approvalId: request.id,
      kind: request.kind,
      subjectType: request.subjectType,
      subjectId: request.subjectId,
      requestedBy: request.requestedBy,
      decidedBy: actor.userId,
    },
  });
  const verb = status === 'approved' ? { en: 'Approved', zh: '已批准' } : { en: 'Rejected', zh: '已驳回' };
  await notify(tx, actor.companyId, [request.requestedBy], {
    kind: `approval.${status}`,
    title: { en: `${verb.en}: ${request.summary}`, 'zh-CN': `${verb.zh}：${request.summary}` },
    body: {
      en: `${actor.name} ${status} your request.${reason ? ` Reason: ${reason}` : ''}`,
      'zh-CN': `${actor.name}${verb.zh}了您的申请。${reason ? `理由：${reason}` : ''}`,
    },
    link: `/approvals/${request.id}`,
  });
  return approvalView(tx, actor.companyId, request.id);
}

/** Approves a pending request and carries it out through its kind's handler, in one transaction. */
export async function approveRequest(tx: Tx, actor: Actor, id: string, input: DecideInput) {
  const { request, kind } = await lockForDecision(tx, actor, id, input);
  await kind.approve(tx, actor, request);
  return settle(tx, actor, request, 'approved', input.reason);
}

/** Rejects a pending request; the kind may react (release a hold, reopen a draft). */
export async function rejectRequest(tx: Tx, actor: Actor, id: string, input: DecideInput) {
  const { request, kind } = await lockForDecision(tx, actor, id, input);
  if (kind.reject) await kind.reject(tx, actor, request);
  return settle(tx, actor, request, 'rejected', input.reason);
}
