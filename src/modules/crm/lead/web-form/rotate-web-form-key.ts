import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../../platform/audit/record.ts';
import type { Tx } from '../../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../../platform/permissions/actor.ts';
import { FORM_ENTITY, findWebForm, newFormKey } from './web-form.repo.ts';

/** A new key for the form; the old one answers 404 from now on (pages embedding it must be updated). */
export async function rotateWebFormKey(tx: Tx, actor: Actor, id: string) {
  requirePermission(actor, 'crm.form.manage');
  await findWebForm(tx, actor.companyId, id, true);
  await tx.execute(
    sql`update crm_web_form set key = ${newFormKey()}, version = version + 1, updated_at = now()
         where company_id = ${actor.companyId} and id = ${id}`,
  );
  await recordAudit(tx, actor, { entity: FORM_ENTITY, entityId: id, action: 'rotate_key' });
  return findWebForm(tx, actor.companyId, id);
}
