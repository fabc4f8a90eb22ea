import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { staleVersion, unprocessable } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import type { FindingDecision } from './contract.ts';
import { type FindingView, findingView, lockFinding } from './finding.repo.ts';

export const FINDING_ENTITY = 'integration.quality_finding';

/**
 * A person closes a finding: `resolved` (fixed — the next run reopens it if the problem is still there)
 * or `ignored` (accepted as it is — it stays ignored while the problem persists). Audited with the note.
 * 422 `integration.finding_unchanged` when it already has that status.
 */
export async function decideFinding(
  tx: Tx,
  actor: Actor,
  id: string,
  status: 'resolved' | 'ignored',
  input: FindingDecision,
): Promise<FindingView> {
  requirePermission(actor, 'integration.quality.manage');
  const before = await lockFinding(tx, actor.companyId, id);
  if (input.version !== undefined && input.version !== before.version)
    throw staleVersion('integration_quality_finding', input.version, before.version);
  if (before.status === status)
    throw unprocessable('integration.finding_unchanged', `The finding is ${status} already`, { status });
  const row = await one(
    tx,
    sql`update integration_quality_finding
           set status = ${status}, resolved_at = now(), resolved_by = ${actor.userId}, note = ${input.note},
               version = version + 1, updated_at = now()
         where company_id = ${actor.companyId} and id = ${id}
        returning id, check_key, record_type, record_id, web_path, details, status, first_seen_at, last_seen_at,
                  resolved_at, resolved_by, note, version`,
  );
  const after = findingView(row!);
  await recordAudit(tx, actor, {
    entity: FINDING_ENTITY,
    entityId: id,
    action: status === 'resolved' ? 'resolve' : 'ignore',
    before: { status: before.status, note: before.note },
    after: { status: after.status, note: after.note },
    reason: input.note || undefined,
  });
  return after;
}
