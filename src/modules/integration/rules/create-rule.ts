import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import type { RuleInput, RuleView } from './contract.ts';
import { findRule, RULE_ENTITY, toRuleView } from './rule.repo.ts';
import { validateRule } from './validate-rule.ts';

/** Saves a new trigger rule after checking its event, condition and actions (see validate-rule.ts). */
export async function createRule(tx: Tx, actor: Actor, input: RuleInput): Promise<RuleView> {
  requirePermission(actor, 'integration.rule.manage');
  await validateRule(tx, actor.companyId, input);
  const id = newId();
  await tx.execute(
    sql`insert into integration_rule (company_id, id, name, event_type, condition, actions, enabled, created_by)
        values (${actor.companyId}, ${id}, ${input.name}, ${input.eventType}, ${input.condition},
                ${JSON.stringify(input.actions)}::jsonb, ${input.enabled}, ${actor.userId})`,
  );
  const view = toRuleView(await findRule(tx, actor.companyId, id));
  await recordAudit(tx, actor, {
    entity: RULE_ENTITY,
    entityId: id,
    action: 'create',
    after: {
      name: view.name,
      eventType: view.eventType,
      condition: view.condition,
      actions: view.actions,
      enabled: view.enabled,
    },
  });
  return view;
}
