import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { conflict, staleVersion, unprocessable } from '../../../platform/errors.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import type { LeadPatch, LeadStatus } from './contract.ts';
import { leadKeys } from './find-lead-duplicates.ts';
import { auditable, findVisibleLead, LEAD_ENTITY, toLead } from './lead.repo.ts';
import { transition } from './lead.ts';
import { assertDepartment, assertDictionaryCode } from './refs.ts';

const FIELDS = [
  'companyName',
  'contactName',
  'phone',
  'email',
  'regionCode',
  'sourceCode',
  'message',
  'teamId',
] as const;

/** Edits a lead and moves it along new → contacted → qualified, or to lost with a reason. */
export async function updateLead(tx: Tx, actor: Actor, id: string, patch: LeadPatch) {
  requirePermission(actor, 'crm.lead.update');
  const row = await findVisibleLead(tx, actor, id, true);
  if (row.version !== patch.version) throw staleVersion('lead', patch.version, row.version);
  const before = toLead(row);
  if (before.status === 'converted')
    throw conflict('crm.lead_converted', 'A converted lead is final; edit the customer instead', {
      customerId: before.convertedCustomerId,
    });
  const next = { ...before };
  for (const field of FIELDS) if (patch[field] !== undefined) (next as any)[field] = patch[field];
  next.email = next.email || null;
  if (patch.status !== undefined) next.status = transition(before.status, patch.status as LeadStatus);
  if (next.status === 'lost') {
    const reason = patch.lostReasonCode ?? before.lostReasonCode;
    if (!reason)
      throw unprocessable('crm.lost_reason_required', 'Say why the lead was lost (a lost reason code)', {
        field: 'lostReasonCode',
      });
    await assertDictionaryCode(tx, actor.companyId, 'lost_reason', reason, 'lostReasonCode');
    next.lostReasonCode = reason;
  } else {
    if (patch.lostReasonCode !== undefined)
      throw unprocessable('crm.lost_reason_unexpected', 'A lost reason belongs only to a lost lead', {
        field: 'lostReasonCode',
      });
    next.lostReasonCode = null;
  }
  if (next.sourceCode !== before.sourceCode)
    await assertDictionaryCode(tx, actor.companyId, 'lead_source', next.sourceCode, 'sourceCode');
  if (next.teamId !== before.teamId) await assertDepartment(tx, actor.companyId, next.teamId);
  const keys = leadKeys(next);
  await tx.execute(
    sql`update crm_lead set company_name = ${next.companyName}, contact_name = ${next.contactName},
          name_key = ${keys.nameKey}, phone = ${next.phone}, phone_key = ${keys.phoneKey}, email = ${next.email || null},
          region_code = ${next.regionCode}, source_code = ${next.sourceCode}, message = ${next.message},
          team_id = ${next.teamId}, status = ${next.status}, lost_reason_code = ${next.lostReasonCode},
          version = version + 1, updated_at = now()
        where company_id = ${actor.companyId} and id = ${id}`,
  );
  const after = toLead(await findVisibleLead(tx, { ...actor, recordScope: 'company' }, id));
  await recordAudit(tx, actor, {
    entity: LEAD_ENTITY,
    entityId: id,
    action: 'update',
    before: auditable(before),
    after: auditable(after),
  });
  const label = after.companyName || after.contactName;
  if (after.status !== before.status)
    await publish(tx, actor, {
      type: after.status === 'lost' ? 'lead.lost' : 'lead.status_changed',
      aggregateType: 'lead',
      aggregateId: id,
      payload: {
        leadId: id,
        label,
        from: before.status,
        to: after.status,
        lostReasonCode: after.lostReasonCode,
        summary: `Lead ${label}: ${before.status} → ${after.status}`,
      },
    });
  else
    await publish(tx, actor, {
      type: 'lead.updated',
      aggregateType: 'lead',
      aggregateId: id,
      payload: {
        leadId: id,
        label,
        changed: FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f])),
        summary: `Lead ${label} edited`,
      },
    });
  return after;
}
