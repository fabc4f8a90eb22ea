import { type SQL, sql } from 'drizzle-orm';
import { iso } from '../../../platform/db/time.ts';
import { type Executor, one } from '../../../platform/db/tx.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { type Actor, applyMask, recordScopeSql } from '../../../platform/permissions/actor.ts';
import { visibleCustomerSql } from '../customer/customer.repo.ts';
import type { Contact } from './contract.ts';

export const RESOURCE = 'crm.contact';

/** Contacts with their customer (alias `c`, absent for a standalone contact). */
export const fromContacts = sql`from crm_contact k
  left join crm_customer c on c.company_id = k.company_id and c.id = k.customer_id`;

/**
 * A contact is visible when its customer is (the customer's record rule decides, so a team sees
 * the people of its customers whoever typed them in); a standalone contact follows its own owner.
 */
export function visibleContactSql(actor: Actor): SQL {
  return sql`((k.customer_id is null and ${recordScopeSql(actor, sql`k.owner_user_id`)})
              or (k.customer_id is not null and ${visibleCustomerSql(actor, sql`c`)}))`;
}

export function toContact(r: Record<string, any>): Contact {
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name ?? null,
    name: r.name,
    title: r.title,
    phones: r.phones ?? [],
    email: r.email,
    wechat: r.wechat,
    birthday: r.birthday === null || r.birthday === undefined ? null : dateText(r.birthday),
    preferredChannel: r.preferred_channel,
    notes: r.notes,
    ownerUserId: r.owner_user_id,
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

// node-postgres turns a date column into a local-midnight Date; PGlite gives text.
function dateText(value: unknown): string {
  if (value instanceof Date) {
    const y = value.getFullYear();
    const m = String(value.getMonth() + 1).padStart(2, '0');
    const d = String(value.getDate()).padStart(2, '0');
    return `${y}-${m}-${d}`;
  }
  return String(value).slice(0, 10);
}

export const contactColumns = sql`k.*, k.birthday::text as birthday, c.name as customer_name`;

/** The contact if the actor may see it; 404 otherwise (other company, or outside the record rule). */
export async function findVisibleContact(
  ex: Executor,
  actor: Actor,
  id: string,
  lock = false,
): Promise<Record<string, any>> {
  const row = await one<Record<string, any>>(
    ex,
    sql`select ${contactColumns} ${fromContacts}
         where k.company_id = ${actor.companyId} and k.id = ${id} and ${visibleContactSql(actor)}
         ${lock ? sql`for update of k` : sql``}`,
  );
  if (!row) throw notFound('contact', id);
  return row;
}

export function contactView(actor: Actor, row: Record<string, any>): Contact {
  return applyMask(actor, RESOURCE, toContact(row));
}

/**
 * The customer a contact is to belong to: visible to the actor (404 otherwise) and not merged away
 * (409: add the person to the survivor). `for key share` waits for a merge of that customer running
 * right now and then sees its outcome, so no contact lands on a customer that was just merged.
 */
export async function customerForContact(
  ex: Executor,
  actor: Actor,
  customerId: string,
): Promise<{ id: string; name: string; owner_user_id: string | null }> {
  const row = await one<{
    id: string;
    name: string;
    owner_user_id: string | null;
    merged_into_id: string | null;
  }>(
    ex,
    sql`select c.id, c.name, c.owner_user_id, c.merged_into_id from crm_customer c
         where c.company_id = ${actor.companyId} and c.id = ${customerId} and ${visibleCustomerSql(actor)}
         for key share of c`,
  );
  if (!row) throw notFound('customer', customerId);
  if (row.merged_into_id)
    throw conflict('crm.customer_merged', 'This customer was merged into another; use the survivor', {
      customerId,
      mergedIntoId: row.merged_into_id,
    });
  return row;
}
