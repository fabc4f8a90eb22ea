import { type SQL, sql } from 'drizzle-orm';
import { iso, isoOrNull } from '../../../platform/db/time.ts';
import { type Executor, one, rows } from '../../../platform/db/tx.ts';
import { notFound } from '../../../platform/errors.ts';
import { type Actor, applyMask, recordScopeSql } from '../../../platform/permissions/actor.ts';
import type { Customer } from './contract.ts';

export const RESOURCE = 'crm.customer';

/** A customer is visible to the actor under their record rule, or when it sits in the public pool. */
export function visibleCustomerSql(actor: Actor, alias = sql`c`): SQL {
  return sql`(${recordScopeSql(actor, sql`${alias}.owner_user_id`)} or ${alias}.in_pool)`;
}

export const selectCustomer = sql`select c.*, u.name as owner_name from crm_customer c left join platform_user u on u.id = c.owner_user_id`;

export function toCustomer(r: Record<string, any>): Customer {
  return {
    id: r.id,
    code: r.code,
    kind: r.kind,
    name: r.name,
    shortName: r.short_name,
    taxId: r.tax_id,
    industryCode: r.industry_code,
    sourceCode: r.source_code,
    tags: r.tags ?? [],
    ownerUserId: r.owner_user_id,
    ownerName: r.owner_name ?? null,
    teamId: r.team_id,
    status: r.status,
    creditLimit: r.credit_limit,
    currency: r.currency,
    paymentTermCode: r.payment_term_code,
    notes: r.notes,
    inPool: r.in_pool,
    lastActivityAt: isoOrNull(r.last_activity_at),
    mergedIntoId: r.merged_into_id,
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** The customer if the actor may see it; 404 otherwise (other company or outside the record rule). */
export async function findVisibleCustomer(
  ex: Executor,
  actor: Actor,
  id: string,
  lock = false,
): Promise<Record<string, any>> {
  const row = await one<Record<string, any>>(
    ex,
    sql`${selectCustomer} where c.company_id = ${actor.companyId} and c.id = ${id} and ${visibleCustomerSql(actor)}
        ${lock ? sql`for update of c` : sql``}`,
  );
  if (!row) throw notFound('customer', id);
  return row;
}

export async function addressesOf(ex: Executor, companyId: string, customerId: string) {
  const list = await rows<Record<string, any>>(
    ex,
    sql`select * from crm_customer_address where company_id = ${companyId} and customer_id = ${customerId}
         order by kind, is_default desc, created_at`,
  );
  return list.map((a) => ({
    id: a.id,
    kind: a.kind,
    isDefault: a.is_default,
    countryCode: a.country_code,
    regionCode: a.region_code,
    city: a.city,
    line1: a.line1,
    line2: a.line2,
    postalCode: a.postal_code,
    contactName: a.contact_name,
    phone: a.phone,
    version: a.version,
  }));
}

export async function customerView(
  ex: Executor,
  actor: Actor,
  row: Record<string, any>,
  withAddresses = true,
): Promise<Customer> {
  const view = toCustomer(row);
  if (withAddresses) view.addresses = await addressesOf(ex, actor.companyId, row.id);
  return applyMask(actor, RESOURCE, view);
}
