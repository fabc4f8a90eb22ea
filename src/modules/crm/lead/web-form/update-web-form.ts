import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../../platform/audit/record.ts';
import type { Tx } from '../../../../platform/db/tx.ts';
import { staleVersion } from '../../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../../platform/permissions/actor.ts';
import { assertDepartment, assertDictionaryCode } from '../refs.ts';
import type { WebFormPatch } from './contract.ts';
import { auditableForm, FORM_ENTITY, findWebForm } from './web-form.repo.ts';

/** Renames a form, changes its source or team, or switches it off (its key then answers 404). */
export async function updateWebForm(tx: Tx, actor: Actor, id: string, patch: WebFormPatch) {
  requirePermission(actor, 'crm.form.manage');
  const before = await findWebForm(tx, actor.companyId, id, true);
  if (before.version !== patch.version) throw staleVersion('web form', patch.version, before.version);
  const next = {
    name: patch.name ?? before.name,
    sourceCode: patch.sourceCode === undefined ? before.sourceCode : patch.sourceCode,
    teamId: patch.teamId === undefined ? before.teamId : patch.teamId,
    active: patch.active ?? before.active,
  };
  if (next.sourceCode !== before.sourceCode)
    await assertDictionaryCode(tx, actor.companyId, 'lead_source', next.sourceCode, 'sourceCode');
  if (next.teamId !== before.teamId) await assertDepartment(tx, actor.companyId, next.teamId);
  await tx.execute(
    sql`update crm_web_form set name = ${next.name}, source_code = ${next.sourceCode}, team_id = ${next.teamId},
          active = ${next.active}, version = version + 1, updated_at = now()
        where company_id = ${actor.companyId} and id = ${id}`,
  );
  const after = await findWebForm(tx, actor.companyId, id);
  await recordAudit(tx, actor, {
    entity: FORM_ENTITY,
    entityId: id,
    action: 'update',
    before: auditableForm(before),
    after: auditableForm(after),
  });
  return after;
}
