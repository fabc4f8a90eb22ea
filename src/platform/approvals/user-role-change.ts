import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import { one, rows, type Tx, textArray } from '../db/tx.ts';
import { conflict, unprocessable } from '../errors.ts';
import { replaceRoles } from '../org/user-commands.ts';
import { lockMember } from '../org/users.ts';
import { type Actor, requirePermission } from '../permissions/actor.ts';
import { assertCanGrant } from '../permissions/coverage.ts';
import { approvalView } from './approvals.ts';
import { registerApprovalKind } from './registry.ts';
import { requestApproval } from './request-approval.ts';

// The first user of approvals: someone who may edit users (hr) asks for roles they could not grant
// themselves; an admin decides. The change is carried out with the approver's authority, so
// assertCanGrant is checked against the approver at approval time, not against the requester.

const KIND = 'user.role_change';

export const RoleChangeRequestInput = z.strictObject({
  roleIds: z.array(z.uuid()).min(1).max(20),
  reason: z.string().trim().min(1).max(500),
});

const Payload = z.object({
  roleIds: z.array(z.uuid()).min(1),
  userVersion: z.number().int(),
});

async function rolesByIds(tx: Tx, companyId: string, ids: string[]) {
  const found = await rows<{ id: string; code: string; permissions: string[] }>(
    tx,
    sql`select id, code, permissions from platform_role
         where company_id = ${companyId} and id::text = any(${textArray(ids)}) order by code`,
  );
  if (found.length !== ids.length) throw unprocessable('reference_invalid', 'Unknown role', { roleIds: ids });
  return found;
}

/** Files a request to give a user exactly these roles; nothing changes until an admin approves. */
export async function requestRoleChange(
  tx: Tx,
  actor: Actor,
  userId: string,
  input: z.infer<typeof RoleChangeRequestInput>,
) {
  requirePermission(actor, 'platform.user.update');
  const member = await lockMember(tx, actor.companyId, userId);
  const next = [...new Set(input.roleIds)].sort();
  const roles = await rolesByIds(tx, actor.companyId, next);
  if (JSON.stringify(next) === JSON.stringify([...member.role_ids].sort()))
    throw unprocessable('user.roles_unchanged', 'The user already has exactly these roles');
  const pending = await one(
    tx,
    sql`select 1 from platform_approval_request where company_id = ${actor.companyId} and kind = ${KIND}
           and subject_id = ${userId} and status = 'pending'`,
  );
  if (pending)
    throw conflict('approval.already_pending', 'A role change for this user is already waiting for approval');
  const id = await requestApproval(tx, actor, {
    kind: KIND,
    subjectType: 'platform.user',
    subjectId: userId,
    summary: `Roles of ${member.name}: ${roles.map((r) => r.code).join(', ')}`,
    payload: { roleIds: next, previousRoleIds: member.role_ids, userVersion: member.version },
    approverRoleCode: 'admin',
    reason: input.reason,
  });
  return approvalView(tx, actor.companyId, id);
}

registerApprovalKind(KIND, {
  async approve(tx, approver, request) {
    requirePermission(approver, 'platform.user.update');
    if (request.subjectId === approver.userId)
      throw unprocessable('approval.own_subject', 'You cannot approve a change of your own roles');
    const payload = Payload.parse(request.payload);
    const member = await lockMember(tx, approver.companyId, request.subjectId);
    // Approving what the requester saw, not what the user has become since: stale means decide anew.
    if (member.version !== payload.userVersion)
      throw conflict(
        'approval.subject_changed',
        'The user was changed after this request; reject it and ask again',
        {
          expected: payload.userVersion,
          actual: member.version,
        },
      );
    const roles = await rolesByIds(tx, approver.companyId, payload.roleIds);
    assertCanGrant(
      approver,
      roles.flatMap((r) => r.permissions),
    );
    await replaceRoles(tx, approver.companyId, request.subjectId, payload.roleIds);
    await tx.execute(
      sql`update platform_membership set version = version + 1, updated_at = now()
           where company_id = ${approver.companyId} and user_id = ${request.subjectId}`,
    );
    await recordAudit(tx, approver, {
      entity: 'platform.user',
      entityId: request.subjectId,
      action: 'update',
      before: { roleIds: member.role_ids },
      after: { roleIds: payload.roleIds },
      reason: `approval request ${request.id}`,
    });
  },
});
