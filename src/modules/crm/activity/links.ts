import { sql } from 'drizzle-orm';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { notFound, unprocessable } from '../../../platform/errors.ts';
import { type Actor, recordScopeSql } from '../../../platform/permissions/actor.ts';
import { fromContacts, visibleContactSql } from '../contact/contact.repo.ts';
import { visibleCustomerSql } from '../customer/customer.repo.ts';
import { visibleLeadSql } from '../lead/lead.repo.ts';
import { visibleOpportunitySql } from '../opportunity/opportunity.repo.ts';

export interface Links {
  customerId: string | null;
  contactId: string | null;
  leadId: string | null;
  opportunityId: string | null;
}

function mismatch(what: string, given: string, found: string) {
  return unprocessable('crm.link_mismatch', `The ${what} belongs to another customer`, {
    customerId: given,
    [`${what}CustomerId`]: found,
  });
}

/**
 * Checks every record an activity points at: each must be one the actor may see under its own
 * rule (404 otherwise, as if it did not exist), and they must agree on the customer. A contact or
 * opportunity without an explicit customer brings its own, so the activity shows on that customer's page.
 */
export async function resolveLinks(tx: Tx, actor: Actor, input: Partial<Links>): Promise<Links> {
  let customerId = input.customerId ?? null;
  if (input.opportunityId) {
    const o = await one<{ customer_id: string }>(
      tx,
      sql`select o.customer_id from crm_opportunity o
           where o.company_id = ${actor.companyId} and o.id = ${input.opportunityId} and ${visibleOpportunitySql(actor)}`,
    );
    if (!o) throw notFound('opportunity', input.opportunityId);
    if (customerId && customerId !== o.customer_id) throw mismatch('opportunity', customerId, o.customer_id);
    customerId = o.customer_id;
  }
  if (input.contactId) {
    const k = await one<{ customer_id: string | null }>(
      tx,
      sql`select k.customer_id ${fromContacts}
           where k.company_id = ${actor.companyId} and k.id = ${input.contactId} and ${visibleContactSql(actor)}`,
    );
    if (!k) throw notFound('contact', input.contactId);
    if (k.customer_id && customerId && customerId !== k.customer_id)
      throw mismatch('contact', customerId, k.customer_id);
    customerId ??= k.customer_id;
  }
  if (input.leadId) {
    const l = await one(
      tx,
      sql`select 1 from crm_lead l where l.company_id = ${actor.companyId} and l.id = ${input.leadId}
             and ${visibleLeadSql(actor)}`,
    );
    if (!l) throw notFound('lead', input.leadId);
  }
  if (customerId) {
    const c = await one<{ merged_into_id: string | null }>(
      tx,
      sql`select c.merged_into_id from crm_customer c
           where c.company_id = ${actor.companyId} and c.id = ${customerId} and ${visibleCustomerSql(actor)}`,
    );
    if (!c) throw notFound('customer', customerId);
    if (c.merged_into_id)
      throw unprocessable('crm.customer_merged', 'This customer was merged into another; use the survivor', {
        customerId,
        mergedIntoId: c.merged_into_id,
      });
  }
  return {
    customerId,
    contactId: input.contactId ?? null,
    leadId: input.leadId ?? null,
    opportunityId: input.opportunityId ?? null,
  };
}

/** An activity's owner is the actor or someone inside the actor's record rule, and an active member. */
export async function assertOwnerInScope(tx: Tx, actor: Actor, ownerUserId: string): Promise<void> {
  const member = await one(
    tx,
    sql`select 1 from platform_membership m
         where m.company_id = ${actor.companyId} and m.user_id = ${ownerUserId} and m.active
           and (m.user_id = ${actor.userId} or ${recordScopeSql(actor, sql`m.user_id`)})`,
  );
  if (!member)
    throw unprocessable(
      'crm.owner_out_of_scope',
      'The owner must be an active user whose records you may manage',
      { ownerUserId },
    );
}
