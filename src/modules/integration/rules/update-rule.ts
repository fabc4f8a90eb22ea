import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { staleVersion } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import type { RulePatch, RuleView } from './contract.ts';
import { findRule, RULE_ENTITY, toRuleView } from './rule.repo.ts';
import { validateRule } from './validate-rule.ts';

/** Changes a rule (built-in ones too: their condition, actions and enabled flag are the user's). */
export async function updateRule(tx: Tx, actor: Actor, id: string, patch: RulePatch): Promise<RuleView> {
  requirePermission(actor, 'integration.rule.manage');
  const row = await findRule(tx, actor.companyId, id, true);
  if (row.version !== patch.version) throw staleVersion('trigger_rule', patch.version, row.version);
  const before = toRuleView(row);
  const next = {
    name: patch.name ?? before.name,
    eventType: patch.eventType ?? before.eventType,
    condition: patch.condition ?? before.condition,
    actions: patch.actions ?? before.actions,
    enabled: patch.enabled ?? before.enabled,
  };
  await validateRule(tx, actor.companyId, next);
  await tx.execute(
    sql`update integration_rule set name = ${next.name}, event_type = ${next.eventType}, condition = ${next.condition},
          actions = ${JSON.stringify(next.actions)}::jsonb, enabled = ${next.enabled},
          version = version + 1, updated_at = now()
         where company_id = ${actor.companyId} and id = ${id}`,
  );
  const changed = Object.fromEntries(
    Object.entries(next).filter(
      ([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k as keyof typeof next]),
    ),
  );
  await recordAudit(tx, actor, {
    entity: RULE_ENTITY,
    entityId: id,
    action: 'update',
    before: Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as keyof typeof next]])),
    after: changed,
  });
  return toRuleView(await findRule(tx, actor.companyId, id));
}
