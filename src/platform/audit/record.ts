import { sql } from 'drizzle-orm';
import { type DeferredInsert, deferInsert, type Tx } from '../db/tx.ts';
import { newId } from '../ids.ts';
import type { Actor } from '../permissions/actor.ts';
import type { AuditChanges } from './schema.ts';

/** Fields never written to the audit log, whatever the entity. */
const SECRET_FIELDS = new Set(['passwordHash', 'tokenHash', 'csrfToken', 'content', 'password']);
const IGNORED_FIELDS = new Set(['version', 'updatedAt', 'createdAt']);

export function diff(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): AuditChanges {
  const changes: AuditChanges = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (IGNORED_FIELDS.has(key)) continue;
    const b = before?.[key] ?? null;
    const a = after?.[key] ?? null;
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    changes[key] = SECRET_FIELDS.has(key) ? { before: '***', after: '***' } : { before: b, after: a };
  }
  return changes;
}

export interface AuditInput {
  entity: string;
  entityId: string;
  action: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string;
}

function auditRow(actor: Actor, input: AuditInput) {
  return {
    companyId: actor.companyId,
    id: newId(),
    actorUserId: actor.name === 'system' ? null : actor.userId,
    actorTokenId: actor.tokenId ?? null,
    requestId: actor.requestId ?? null,
    entity: input.entity,
    entityId: input.entityId,
    action: input.action,
    changes: diff(input.before ?? null, input.after ?? null),
    reason: input.reason ?? actor.reason ?? null,
  };
}

const insertAudits: DeferredInsert = (list) =>
  sql`insert into platform_audit_log (company_id, id, actor_user_id, actor_token_id, request_id, entity, entity_id,
        action, changes, reason)
      select r."companyId", r.id, r."actorUserId", r."actorTokenId", r."requestId", r.entity, r."entityId", r.action,
             r.changes, r.reason
        from jsonb_to_recordset(${JSON.stringify(list)}::jsonb) as r("companyId" uuid, id uuid,
          "actorUserId" uuid, "actorTokenId" uuid, "requestId" text, entity text, "entityId" text, action text,
          changes jsonb, reason text)`;

/**
 * Records one audit row in the caller's transaction: who, what changed, why, which request. Inside
 * `withTransaction` the row is written just before commit with the transaction's other audit rows and
 * events, in one statement (see `deferInsert`); it commits or rolls back with the change either way.
 */
export async function recordAudit(tx: Tx, actor: Actor, input: AuditInput): Promise<void> {
  const row = auditRow(actor, input);
  if (!deferInsert(tx, insertAudits, row)) await tx.execute(insertAudits([row]));
}

/**
 * The same rows as `recordAudit`, many at once (bulk imports write hundreds per chunk), sent as one
 * JSON document so the statement stays small however many rows there are.
 */
export async function recordAudits(tx: Tx, actor: Actor, inputs: AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const list = inputs.map((input) => auditRow(actor, input));
  await tx.execute(insertAudits(list));
}
