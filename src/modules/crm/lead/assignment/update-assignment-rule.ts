import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../../platform/audit/record.ts';
import { type Tx, textArray } from '../../../../platform/db/tx.ts';
import { staleVersion } from '../../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../../platform/permissions/actor.ts';
import type { AssignmentRulePatch } from './contract.ts';
import { checkRule, findRule, RULE_ENTITY } from './rule.repo.ts';

const FIELDS = [
  'name',
  'priority',
  'matchSourceCode',
  'matchRegionCode',
  'strategy',
  'userIds',
  'teamId',
  'fallbackUserId',
  'active',
] as const;

/** Edits a rule; a changed list of users restarts its rotation at the first of them. */
export async function updateAssignmentRule(tx: Tx, actor: Actor, id: string, patch: AssignmentRulePatch) {
  requirePermission(actor, 'crm.form.manage');
  const before = await findRule(tx, actor.companyId, id, true);
  if (before.version !== patch.version) throw staleVersion('assignment rule', patch.version, before.version);
  const next = { ...before };
  for (const field of FIELDS) if (patch[field] !== undefined) (next as any)[field] = patch[field];
  await checkRule(tx, actor.companyId, next);
  const restart =
    JSON.stringify(next.userIds) !== JSON.stringify(before.userIds) ||
    next.teamId !== before.teamId ||
    next.strategy !== before.strategy;
  await tx.execute(
    sql`update crm_assignment_rule set name = ${next.name}, priority = ${next.priority},
          match_source_code = ${next.matchSourceCode}, match_region_code = ${next.matchRegionCode},
          strategy = ${next.strategy}, user_ids = ${textArray(next.userIds)}::uuid[], team_id = ${next.teamId},
          fallback_user_id = ${next.fallbackUserId}, active = ${next.active},
          cursor = ${restart ? 0 : before.cursor}, version = version + 1, updated_at = now()
        where company_id = ${actor.companyId} and id = ${id}`,
  );
  const after = await findRule(tx, actor.companyId, id);
  const pick = (r: Record<string, unknown>) => Object.fromEntries(FIELDS.map((f) => [f, r[f]]));
  await recordAudit(tx, actor, {
    entity: RULE_ENTITY,
    entityId: id,
    action: 'update',
    before: pick(before),
    after: pick(after),
  });
  return after;
}
