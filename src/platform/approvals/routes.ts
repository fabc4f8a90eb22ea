import type { FastifyInstance } from 'fastify';
import { registerAuditedEntity } from '../audit/read.ts';
import { withTransaction } from '../db/tx.ts';
import { route } from '../http/route.ts';
import { IdParams, listOf } from '../http/schemas.ts';
import { ApprovalListQuery, ApprovalView, canSeeApproval, getApproval, listApprovals } from './approvals.ts';
import { approveRequest, DecideApprovalInput, rejectRequest } from './decide-approval.ts';
import { RoleChangeRequestInput, requestRoleChange } from './user-role-change.ts';

registerAuditedEntity('platform.approval_request', {
  readPermission: 'platform.approval.read',
  canSee: canSeeApproval,
});

const tags = ['approvals'];

export function approvalRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/approval-requests',
    summary:
      'Approval requests you made or may decide (all of the company with company scope; mine=true narrows)',
    tags,
    access: 'platform.approval.read',
    query: ApprovalListQuery,
    response: listOf(ApprovalView),
    handler: ({ db, query }, actor) => listApprovals(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/approval-requests/:id',
    summary: 'One approval request',
    tags,
    access: 'platform.approval.read',
    params: IdParams,
    response: ApprovalView,
    handler: ({ db, params }, actor) => getApproval(db.orm, actor, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/approval-requests/:id/approve',
    summary: 'Approve a pending request addressed to one of your roles; carries it out (send the version)',
    tags,
    access: 'platform.approval.decide',
    params: IdParams,
    body: DecideApprovalInput,
    response: ApprovalView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => approveRequest(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/approval-requests/:id/reject',
    summary: 'Reject a pending request addressed to one of your roles (send the version)',
    tags,
    access: 'platform.approval.decide',
    params: IdParams,
    body: DecideApprovalInput,
    response: ApprovalView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => rejectRequest(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/users/:id/role-change-requests',
    summary: 'Ask an admin to give a user these roles (nothing changes until approved)',
    tags: ['users'],
    access: 'platform.user.update',
    params: IdParams,
    body: RoleChangeRequestInput,
    status: 201,
    response: ApprovalView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => requestRoleChange(tx, actor, params.id, body)),
  });
}
