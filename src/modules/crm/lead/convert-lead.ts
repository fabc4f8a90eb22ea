import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { badRequest, conflict, staleVersion } from '../../../platform/errors.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, can, requirePermission } from '../../../platform/permissions/actor.ts';
import { CustomerInput } from '../customer/contract.ts';
import { createCustomer } from '../customer/create-customer.ts';
import { findVisibleCustomer } from '../customer/customer.repo.ts';
import { createOpportunity } from '../opportunity/create-opportunity.ts';
import type { ConvertLeadInput } from './contract.ts';
import { auditable, findVisibleLead, LEAD_ENTITY, toLead } from './lead.repo.ts';
import { transition } from './lead.ts';
import { contactForLead } from './lead-contact.ts';

/**
 * Turns a lead into a customer (new, or one the actor can see), a contact, and optionally an
 * opportunity in the default pipeline's first stage — all or nothing, in the caller's transaction.
 * A new customer that looks like an existing one stops the conversion (409 with the candidates)
 * unless the user confirmed with ignoreDuplicates. The records go to the lead's owner when the
 * actor may give records away, else to the actor.
 */
export async function convertLead(tx: Tx, actor: Actor, id: string, input: ConvertLeadInput) {
  requirePermission(actor, 'crm.lead.convert');
  const row = await findVisibleLead(tx, actor, id, true);
  if (row.version !== input.version) throw staleVersion('lead', input.version, row.version);
  const lead = toLead(row);
  transition(lead.status, 'converted');
  const owner =
    lead.ownerUserId && (lead.ownerUserId === actor.userId || can(actor, 'crm.customer.assign'))
      ? lead.ownerUserId
      : undefined;

  let customerId: string;
  if (input.customer.mode === 'existing') {
    const existing = await findVisibleCustomer(tx, actor, input.customer.customerId, true);
    if (existing.merged_into_id)
      throw conflict('crm.customer_merged', 'This customer was merged into another; use the survivor', {
        mergedIntoId: existing.merged_into_id,
      });
    customerId = existing.id;
  } else {
    const { mode: _m, ...given } = input.customer;
    const parsed = CustomerInput.safeParse({
      ...given,
      name: given.name ?? (lead.companyName || lead.contactName),
      kind: given.kind ?? (lead.companyName ? 'company' : 'person'),
      sourceCode: lead.sourceCode,
      ownerUserId: owner,
      teamId: lead.teamId,
    });
    if (!parsed.success)
      throw badRequest('validation', 'The lead cannot become a customer as it is', {
        issues: parsed.error.issues.map((i) => ({
          path: `customer.${i.path.join('.')}`,
          message: i.message,
        })),
      });
    customerId = (await createCustomer(tx, actor, parsed.data)).id;
  }

  const contact = await contactForLead(tx, actor, customerId, {
    name: lead.contactName,
    phone: lead.phone,
    email: lead.email,
    ownerUserId: owner ?? (actor.name === 'system' ? null : actor.userId),
  });
  const opportunity =
    input.createOpportunity && input.opportunity
      ? await createOpportunity(tx, actor, {
          ...input.opportunity,
          customerId,
          contactId: contact.id,
          products: [],
          competitor: '',
          nextStep: '',
          ownerUserId: owner,
          teamId: lead.teamId,
          leadId: id,
        })
      : null;

  await tx.execute(
    sql`update crm_lead set status = 'converted', converted_customer_id = ${customerId},
          converted_contact_id = ${contact.id}, converted_opportunity_id = ${opportunity?.id ?? null},
          converted_at = now(), version = version + 1, updated_at = now()
        where company_id = ${actor.companyId} and id = ${id}`,
  );
  const after = toLead(await findVisibleLead(tx, { ...actor, recordScope: 'company' }, id));
  await recordAudit(tx, actor, {
    entity: LEAD_ENTITY,
    entityId: id,
    action: 'convert',
    before: auditable(lead),
    after: auditable(after),
  });
  const label = lead.companyName || lead.contactName;
  await publish(tx, actor, {
    type: 'lead.converted',
    aggregateType: 'lead',
    aggregateId: id,
    payload: {
      leadId: id,
      customerId,
      contactId: contact.id,
      opportunityId: opportunity?.id ?? null,
      label,
      opportunityName: opportunity?.name ?? null,
      customerMode: input.customer.mode,
      summary: `Lead ${label} converted${opportunity ? ` with opportunity ${opportunity.name}` : ''}`,
    },
  });
  return { lead: after, customerId, contactId: contact.id, opportunity };
}
