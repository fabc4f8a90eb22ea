import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../../platform/audit/record.ts';
import type { Tx } from '../../../../platform/db/tx.ts';
import { newId } from '../../../../platform/ids.ts';
import { type Actor, requirePermission } from '../../../../platform/permissions/actor.ts';
import { assertDepartment, assertDictionaryCode } from '../refs.ts';
import type { WebFormInput } from './contract.ts';
import { auditableForm, FORM_ENTITY, findWebForm, newFormKey } from './web-form.repo.ts';

export async function createWebForm(tx: Tx, actor: Actor, input: WebFormInput) {
  requirePermission(actor, 'crm.form.manage');
  await assertDictionaryCode(tx, actor.companyId, 'lead_source', input.sourceCode, 'sourceCode');
  await assertDepartment(tx, actor.companyId, input.teamId);
  const id = newId();
  await tx.execute(
    sql`insert into crm_web_form (company_id, id, key, name, source_code, team_id, active)
        values (${actor.companyId}, ${id}, ${newFormKey()}, ${input.name}, ${input.sourceCode}, ${input.teamId},
                ${input.active})`,
  );
  const created = await findWebForm(tx, actor.companyId, id);
  await recordAudit(tx, actor, {
    entity: FORM_ENTITY,
    entityId: id,
    action: 'create',
    after: auditableForm(created),
  });
  return created;
}
