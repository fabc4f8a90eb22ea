import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { announceAssignment } from './assignment/announce.ts';
import { type Assignee, pickAssignee } from './assignment/pick-assignee.ts';
import type { LeadInput } from './contract.ts';
import { findLeadDuplicates, leadKeys } from './find-lead-duplicates.ts';
import { auditable, findVisibleLead, LEAD_ENTITY, toLead } from './lead.repo.ts';
import { assertActiveMember, assertDepartment, assertDictionaryCode } from './refs.ts';

export interface NewLead extends LeadInput {
  /** Set by the public form (never by an API body). */
  formId?: string | null;
  /** Let the assignment rules choose the owner (web forms, imports). */
  assignByRules?: boolean;
}

const isSystem = (actor: Actor) => actor.name === 'system' && !actor.tokenId;

export async function createLead(tx: Tx, actor: Actor, input: NewLead) {
  requirePermission(actor, 'crm.lead.create');
  let assignee: Assignee | null = null;
  let ownerUserId: string | null;
  if (input.assignByRules) {
    assignee = await pickAssignee(tx, actor.companyId, {
      sourceCode: input.sourceCode ?? null,
      regionCode: input.regionCode ?? null,
    });
    ownerUserId = assignee?.userId ?? null;
  } else {
    ownerUserId =
      input.ownerUserId === undefined ? (isSystem(actor) ? null : actor.userId) : input.ownerUserId;
    if (ownerUserId !== actor.userId) {
      requirePermission(actor, 'crm.lead.update');
      await assertActiveMember(tx, actor.companyId, ownerUserId);
    }
  }
  // A form's source and team were checked when the form was saved; a visitor never gets a 422 for them.
  if (!input.formId) {
    await assertDictionaryCode(tx, actor.companyId, 'lead_source', input.sourceCode, 'sourceCode');
    await assertDepartment(tx, actor.companyId, input.teamId);
  }

  const duplicates = await findLeadDuplicates(tx, actor.companyId, input);
  const keys = leadKeys(input);
  const id = newId();
  await tx.execute(
    sql`insert into crm_lead (company_id, id, status, source_code, company_name, contact_name, name_key, phone, phone_key,
          email, region_code, message, owner_user_id, team_id, form_id)
        values (${actor.companyId}, ${id}, 'new', ${input.sourceCode ?? null}, ${input.companyName}, ${input.contactName},
          ${keys.nameKey}, ${input.phone}, ${keys.phoneKey}, ${input.email || null}, ${input.regionCode ?? null},
          ${input.message}, ${ownerUserId}, ${input.teamId ?? assignee?.teamId ?? null}, ${input.formId ?? null})`,
  );
  const lead = toLead(await findVisibleLead(tx, { ...actor, recordScope: 'company' }, id));
  await recordAudit(tx, actor, {
    entity: LEAD_ENTITY,
    entityId: id,
    action: 'create',
    after: auditable(lead),
  });
  const label = lead.companyName || lead.contactName;
  await publish(tx, actor, {
    type: 'lead.created',
    aggregateType: 'lead',
    aggregateId: id,
    payload: {
      leadId: id,
      label,
      sourceCode: lead.sourceCode,
      formId: lead.formId,
      ownerUserId,
      duplicates: duplicates.length,
      summary: `Lead ${label} created`,
    },
  });
  if (ownerUserId && (assignee || ownerUserId !== actor.userId))
    await announceAssignment(tx, actor, {
      leadId: id,
      label,
      fromUserId: null,
      toUserId: ownerUserId,
      ruleId: assignee?.ruleId,
      via: assignee?.via ?? 'manual',
    });
  return { ...lead, duplicates };
}
