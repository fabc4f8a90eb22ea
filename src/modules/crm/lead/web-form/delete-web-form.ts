import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../../platform/audit/record.ts';
import type { Tx } from '../../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../../platform/permissions/actor.ts';
import { auditableForm, FORM_ENTITY, findWebForm } from './web-form.repo.ts';

/** Removes a form; its leads stay (they keep the form's id as where they came from). */
export async function deleteWebForm(tx: Tx, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'crm.form.manage');
  const before = await findWebForm(tx, actor.companyId, id, true);
  await tx.execute(sql`delete from crm_web_form where company_id = ${actor.companyId} and id = ${id}`);
  await recordAudit(tx, actor, {
    entity: FORM_ENTITY,
    entityId: id,
    action: 'delete',
    before: auditableForm(before),
  });
}
