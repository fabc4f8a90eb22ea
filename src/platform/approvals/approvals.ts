import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { iso, isoOrNull } from '../db/time.ts';
import { type Executor, one, rows } from '../db/tx.ts';
import { badRequest, notFound } from '../errors.ts';
import { decodeCursor, encodeCursor } from '../http/schemas.ts';
import { isUuid } from '../ids.ts';
import { type Actor, requirePermission } from '../permissions/actor.ts';
import type { ApprovalRequest } from './registry.ts';

export const STATUSES = ['pending', 'approved', 'rejected', 'cancelled'] as const;

export const ApprovalView = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    subjectType: z.string(),
    subjectId: z.string(),
    summary: z.string(),
    payload: z.record(z.string(), z.unknown()),
    status: z.enum(STATUSES),
    requestedBy: z.object({ id: z.uuid(), name: z.string() }),
    approverRole: z.object({ id: z.uuid(), code: z.string(), name: z.record(z.string(), z.string()) }),
    decidedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    decidedAt: z.string().nullable(),
    decisionReason: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'ApprovalRequest' });
export type ApprovalView = z.infer<typeof ApprovalView>;

export const ApprovalListQuery = z.object({
  status: z.enum(STATUSES).optional(),
  mine: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

const selectApprovals = (companyId: string) => sql`
  select a.*, req.name as requested_by_name, dec.name as decided_by_name, r.code as role_code, r.name as role_name
    from platform_approval_request a
    join platform_user req on req.id = a.requested_by
    join platform_role r on r.company_id = a.company_id and r.id = a.approver_role_id
    left join platform_user dec on dec.id = a.decided_by
   where a.company_id = ${companyId}`;

/** Requests the actor made, or that one of the actor's roles may decide. */
function relevantTo(actor: Actor): SQL {
  return sql`(a.requested_by = ${actor.userId} or a.approver_role_id in (
    select ur.role_id from platform_user_role ur where ur.company_id = ${actor.companyId} and ur.user_id = ${actor.userId}))`;
}

/** The record rule: company scope sees every request of the company, narrower scopes only relevant ones. */
export function visibleTo(actor: Actor): SQL {
  return actor.recordScope === 'company' ? sql`true` : relevantTo(actor);
}

function view(r: Record<string, any>): ApprovalView {
  return {
    id: r.id,
    kind: r.kind,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    summary: r.summary,
    payload: r.payload ?? {},
    status: r.status,
    requestedBy: { id: r.requested_by, name: r.requested_by_name },
    approverRole: { id: r.approver_role_id, code: r.role_code, name: r.role_name },
    decidedBy: r.decided_by ? { id: r.decided_by, name: r.decided_by_name ?? '' } : null,
    decidedAt: isoOrNull(r.decided_at),
    decisionReason: r.decision_reason,
    version: r.version,
    createdAt: iso(r.created_at),
  };
}

/** `mine=true` narrows even a company-wide reader to the requests they made or may decide (their inbox). */
export async function listApprovals(ex: Executor, actor: Actor, query: z.infer<typeof ApprovalListQuery>) {
  requirePermission(actor, 'platform.approval.read');
  const where: SQL[] = [visibleTo(actor)];
  if (query.mine === 'true') where.push(relevantTo(actor));
  if (query.status) where.push(sql`a.status = ${query.status}`);
  const cursor = decodeCursor(query.cursor, 1);
  if (cursor) {
    if (!isUuid(cursor[0])) throw badRequest('bad_cursor', 'The cursor is not valid');
    where.push(sql`a.id < ${cursor[0]}`);
  }
  const list = await rows(
    ex,
    sql`${selectApprovals(actor.companyId)} and ${sql.join(where, sql` and `)} order by a.id desc limit ${query.limit + 1}`,
  );
  const page = list.slice(0, query.limit);
  return {
    items: page.map(view),
    nextCursor: list.length > query.limit ? encodeCursor([String(page[page.length - 1].id)]) : null,
  };
}

/** One request the actor may see, or 404 (also for other companies' ids). */
export async function getApproval(ex: Executor, actor: Actor, id: string): Promise<ApprovalView> {
  requirePermission(actor, 'platform.approval.read');
  const row = await one(
    ex,
    sql`${selectApprovals(actor.companyId)} and a.id = ${id} and ${visibleTo(actor)}`,
  );
  if (!row) throw notFound('approval_request', id);
  return view(row);
}

/** Whether the actor may see this request (and so its history in the audit log). */
export async function canSeeApproval(ex: Executor, actor: Actor, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const row = await one(
    ex,
    sql`select 1 from platform_approval_request a where a.company_id = ${actor.companyId} and a.id = ${id}
           and ${visibleTo(actor)}`,
  );
  return row !== undefined;
}

/** The view of a request the caller has already authorised (a decider may lack the read permission). */
export async function approvalView(ex: Executor, companyId: string, id: string): Promise<ApprovalView> {
  const row = await one(ex, sql`${selectApprovals(companyId)} and a.id = ${id}`);
  if (!row) throw notFound('approval_request', id);
  return view(row);
}

/** The raw row, locked for a decision; null outside the company. */
export async function lockApproval(ex: Executor, companyId: string, id: string) {
  const r = await one<Record<string, any>>(
    ex,
    sql`select * from platform_approval_request where company_id = ${companyId} and id = ${id} for update`,
  );
  if (!r) return null;
  const request: ApprovalRequest = {
    id: r.id,
    companyId: r.company_id,
    kind: r.kind,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    summary: r.summary,
    payload: r.payload ?? {},
    requestedBy: r.requested_by,
    approverRoleId: r.approver_role_id,
    status: r.status,
    version: r.version,
  };
  return request;
}
