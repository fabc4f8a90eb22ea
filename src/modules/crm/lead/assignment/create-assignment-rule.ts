import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../../platform/audit/record.ts';
import { type Tx, textArray } from '../../../../platform/db/tx.ts';
import { newId } from '../../../../platform/ids.ts';
import { type Actor, requirePermission } from '../../../../platform/permissions/actor.ts';
import type { AssignmentRuleInput } from './contract.ts';
import { checkRule, findRule, RULE_ENTITY } from './rule.repo.ts';

export async function createAssignmentRule(tx: Tx, actor: Actor, input: AssignmentRuleInput) {
  requirePermission(actor, 'crm.form.manage');
  await checkRule(tx, actor.companyId, input);
  const id = newId();
  await tx.execute(
    sql`insert into crm_assignment_rule (company_id, id, priority, name, match_source_code, match_region_code, team_id,
          strategy, user_ids, fallback_user_id, active)
        values (${actor.companyId}, ${id}, ${input.priority}, ${input.name}, ${input.matchSourceCode},
          ${input.matchRegionCode}, ${input.teamId}, ${input.strategy}, ${textArray(input.userIds)}::uuid[],
          ${input.fallbackUserId}, ${input.active})`,
  );
  const created = await findRule(tx, actor.companyId, id);
  const { createdAt: _c, updatedAt: _u, ...after } = created;
  await recordAudit(tx, actor, { entity: RULE_ENTITY, entityId: id, action: 'create', after });
  return created;
}
