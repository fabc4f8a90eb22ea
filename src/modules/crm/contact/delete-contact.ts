import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { conflict, staleVersion } from '../../../platform/errors.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { findVisibleContact, toContact } from './contact.repo.ts';
import { auditable } from './create-contact.ts';

/** How many crm records point at a contact (a lead's conversion has no foreign key, so it is counted here). */
export async function contactReferences(
  tx: Tx,
  companyId: string,
  id: string,
): Promise<{ opportunities: number; activities: number; leads: number }> {
  const r = await one<{ opportunities: number; activities: number; leads: number }>(
    tx,
    sql`select
          (select count(*)::int from crm_opportunity where company_id = ${companyId} and contact_id = ${id}) as opportunities,
          (select count(*)::int from crm_activity where company_id = ${companyId} and contact_id = ${id}) as activities,
          (select count(*)::int from crm_lead where company_id = ${companyId} and converted_contact_id = ${id}) as leads`,
  );
  return r!;
}

/**
 * Deletes a contact nothing refers to; one that an opportunity, an activity or a converted lead
 * names stays (409 with the counts), because those records would lose who they were with.
 */
export async function deleteContact(tx: Tx, actor: Actor, id: string, version: number): Promise<void> {
  requirePermission(actor, 'crm.contact.delete');
  const row = await findVisibleContact(tx, actor, id, true);
  if (row.version !== version) throw staleVersion('contact', version, row.version);
  const refs = await contactReferences(tx, actor.companyId, id);
  if (refs.opportunities + refs.activities + refs.leads > 0)
    throw conflict('crm.contact_in_use', 'Other records refer to this contact; it cannot be deleted', refs);
  await tx.execute(sql`delete from crm_contact where company_id = ${actor.companyId} and id = ${id}`);
  const before = toContact(row);
  await recordAudit(tx, actor, {
    entity: 'crm.contact',
    entityId: id,
    action: 'delete',
    before: auditable(before),
  });
  await publish(tx, actor, {
    type: 'contact.deleted',
    aggregateType: 'contact',
    aggregateId: id,
    payload: {
      contactId: id,
      customerId: before.customerId,
      name: before.name,
      summary: `Contact ${before.name} removed`,
    },
  });
}
