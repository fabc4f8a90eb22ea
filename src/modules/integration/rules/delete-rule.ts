import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { staleVersion, unprocessable } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { findRule, RULE_ENTITY } from './rule.repo.ts';

/** Deletes a rule and its run log; a built-in rule can only be disabled (422). */
export async function deleteRule(tx: Tx, actor: Actor, id: string, version: number): Promise<void> {
  requirePermission(actor, 'integration.rule.manage');
  const row = await findRule(tx, actor.companyId, id, true);
  if (row.version !== version) throw staleVersion('trigger_rule', version, row.version);
  if (row.built_in)
    throw unprocessable(
      'integration.rule.built_in',
      'A built-in rule cannot be deleted; disable it instead',
      {
        builtIn: row.built_in,
      },
    );
  await tx.execute(
    sql`delete from integration_rule_run where company_id = ${actor.companyId} and rule_id = ${id}`,
  );
  await tx.execute(sql`delete from integration_rule where company_id = ${actor.companyId} and id = ${id}`);
  await recordAudit(tx, actor, {
    entity: RULE_ENTITY,
    entityId: id,
    action: 'delete',
    before: { name: row.name, eventType: row.event_type, condition: row.condition, actions: row.actions },
  });
}
