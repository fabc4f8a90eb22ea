import { sql } from 'drizzle-orm';
import { type Executor, one } from '../../../platform/db/tx.ts';
import { notFound, unprocessable } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { visibleCustomerSql } from './customer.repo.ts';

/** What a selling document needs of its customer (crm stays the owner of the record). */
export interface CustomerTerms {
  id: string;
  code: string;
  name: string;
  currency: string;
  /** Company-currency credit limit as decimal text; null = no limit. */
  creditLimit: string | null;
  tags: string[];
  paymentTermCode: string | null;
  ownerUserId: string | null;
  teamId: string | null;
  mergedIntoId: string | null;
}

/** The customer's terms if the actor may see the customer under crm's record rule; 404 otherwise. */
export async function getCustomerTerms(
  ex: Executor,
  actor: Actor,
  customerId: string,
): Promise<CustomerTerms> {
  const r = await one<Record<string, any>>(
    ex,
    sql`select c.id, c.code, c.name, c.currency, c.credit_limit::text as credit_limit, c.tags, c.payment_term_code,
               c.owner_user_id, c.team_id, c.merged_into_id
          from crm_customer c
         where c.company_id = ${actor.companyId} and c.id = ${customerId} and ${visibleCustomerSql(actor)}`,
  );
  if (!r) throw notFound('customer', customerId);
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    currency: r.currency,
    creditLimit: r.credit_limit ?? null,
    tags: r.tags ?? [],
    paymentTermCode: r.payment_term_code,
    ownerUserId: r.owner_user_id,
    teamId: r.team_id,
    mergedIntoId: r.merged_into_id,
  };
}

/** A contact of the customer (name and email), or 422 `reference_invalid` when it is not one of its contacts. */
export async function getCustomerContact(
  ex: Executor,
  companyId: string,
  customerId: string,
  contactId: string,
): Promise<{ id: string; name: string; email: string | null }> {
  const r = await one<{ id: string; name: string; email: string | null }>(
    ex,
    sql`select id, name, email from crm_contact
         where company_id = ${companyId} and id = ${contactId} and customer_id = ${customerId}`,
  );
  if (!r)
    throw unprocessable('reference_invalid', 'The contact does not belong to this customer', {
      field: 'contactId',
      contactId,
    });
  return r;
}
