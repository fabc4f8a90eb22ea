import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { auditableTarget, findVisibleTarget, TARGET_ENTITY } from './target.repo.ts';

export async function deleteTarget(tx: Tx, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'crm.target.manage');
  const before = await findVisibleTarget(tx, actor, id, true);
  await tx.execute(sql`delete from crm_target where company_id = ${actor.companyId} and id = ${id}`);
  await recordAudit(tx, actor, {
    entity: TARGET_ENTITY,
    entityId: id,
    action: 'delete',
    before: auditableTarget(before),
  });
}
