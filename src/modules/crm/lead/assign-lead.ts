import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { conflict, staleVersion, unprocessable } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { announceAssignment } from './assignment/announce.ts';
import { pickAssignee } from './assignment/pick-assignee.ts';
import type { LeadAssignInput } from './contract.ts';
import { findVisibleLead, LEAD_ENTITY, toLead } from './lead.repo.ts';
import { assertActiveMember } from './refs.ts';

/** Gives a lead to someone (or lets the rules choose); audited, and both people are told. */
export async function assignLead(tx: Tx, actor: Actor, id: string, input: LeadAssignInput) {
  requirePermission(actor, 'crm.lead.update');
  const row = await findVisibleLead(tx, actor, id, true);
  if (row.version !== input.version) throw staleVersion('lead', input.version, row.version);
  if (row.status === 'converted')
    throw conflict('crm.lead_converted', 'A converted lead is final', {
      customerId: row.converted_customer_id,
    });
  let ownerUserId = input.ownerUserId ?? null;
  let rule: Awaited<ReturnType<typeof pickAssignee>> = null;
  if (input.ownerUserId) await assertActiveMember(tx, actor.companyId, ownerUserId);
  else {
    rule = await pickAssignee(tx, actor.companyId, {
      sourceCode: row.source_code,
      regionCode: row.region_code,
    });
    if (!rule) throw unprocessable('crm.no_assignee', 'No rule, fallback user or administrator is available');
    ownerUserId = rule.userId;
  }
  const teamId = rule?.teamId ?? row.team_id;
  await tx.execute(
    sql`update crm_lead set owner_user_id = ${ownerUserId}, team_id = ${teamId}, version = version + 1, updated_at = now()
         where company_id = ${actor.companyId} and id = ${id}`,
  );
  await recordAudit(tx, actor, {
    entity: LEAD_ENTITY,
    entityId: id,
    action: 'assign',
    before: { ownerUserId: row.owner_user_id, teamId: row.team_id },
    after: { ownerUserId, teamId },
    reason: input.reason,
  });
  if (ownerUserId !== row.owner_user_id)
    await announceAssignment(tx, actor, {
      leadId: id,
      label: row.company_name || row.contact_name,
      fromUserId: row.owner_user_id,
      toUserId: ownerUserId,
      ruleId: rule?.ruleId,
      via: rule?.via ?? 'manual',
    });
  return toLead(await findVisibleLead(tx, { ...actor, recordScope: 'company' }, id));
}
