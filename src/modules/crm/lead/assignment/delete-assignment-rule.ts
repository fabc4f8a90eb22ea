import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../../platform/audit/record.ts';
import type { Tx } from '../../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../../platform/permissions/actor.ts';
import { findRule, RULE_ENTITY } from './rule.repo.ts';

/** Leads keep the owner a rule gave them; only future assignment changes. */
export async function deleteAssignmentRule(tx: Tx, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'crm.form.manage');
  const before = await findRule(tx, actor.companyId, id, true);
  await tx.execute(sql`delete from crm_assignment_rule where company_id = ${actor.companyId} and id = ${id}`);
  const { createdAt: _c, updatedAt: _u, ...gone } = before;
  await recordAudit(tx, actor, { entity: RULE_ENTITY, entityId: id, action: 'delete', before: gone });
}
