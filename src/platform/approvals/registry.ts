import type { Tx } from '../db/tx.ts';
import type { Actor } from '../permissions/actor.ts';

/** One approval request as the kind's handlers see it (the locked row, before the decision). */
export interface ApprovalRequest {
  id: string;
  companyId: string;
  kind: string;
  subjectType: string;
  subjectId: string;
  summary: string;
  payload: Record<string, unknown>;
  requestedBy: string;
  approverRoleId: string;
  status: 'pending' | 'approved' | 'rejected' | 'cancelled';
  version: number;
}

/**
 * What a module does when one of its requests is decided. Both run inside the decision's
 * transaction with the approver as actor, so a handler that throws undoes the decision too.
 */
export interface ApprovalKind {
  approve(tx: Tx, approver: Actor, request: ApprovalRequest): Promise<void>;
  reject?(tx: Tx, approver: Actor, request: ApprovalRequest): Promise<void>;
}

const kinds = new Map<string, ApprovalKind>();

/** Modules register their kinds at start-up (`sales.credit_override`, `user.role_change`, …). */
export function registerApprovalKind(kind: string, handlers: ApprovalKind): void {
  if (!/^[a-z_]+\.[a-z_]+$/.test(kind)) throw new Error(`bad approval kind ${kind}`);
  if (kinds.has(kind)) throw new Error(`approval kind ${kind} registered twice`);
  kinds.set(kind, handlers);
}

export function approvalKind(kind: string): ApprovalKind | undefined {
  return kinds.get(kind);
}
