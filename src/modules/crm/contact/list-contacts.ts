import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows, textArray } from '../../../platform/db/tx.ts';
import { badRequest } from '../../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/schemas.ts';
import { isUuid } from '../../../platform/ids.ts';
import { type Actor, maskedFields, requirePermission } from '../../../platform/permissions/actor.ts';
import { findVisibleCustomer } from '../customer/customer.repo.ts';
import { emailKey, phoneKey, toHalfWidth } from '../customer/normalize.ts';
import { contactColumns, contactView, fromContacts, RESOURCE, visibleContactSql } from './contact.repo.ts';
import type { Contact, ContactListQuery } from './contract.ts';

const like = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/**
 * `q` matches a name fragment, a whole phone number in any format, or an email. A field the actor may
 * not see is not searched either, or the search would tell them what it holds.
 */
function searchCondition(actor: Actor, q: string): SQL | null {
  const masked = new Set(maskedFields(actor, RESOURCE));
  const text = toHalfWidth(q).trim();
  if (!text) return null;
  const parts: SQL[] = [sql`k.name ilike ${like(text)}`];
  const digits = text.replace(/\D/g, '');
  if (!masked.has('phones') && digits.length >= 5 && /^[\d\s+()\-.]+$/.test(text))
    parts.push(sql`k.phone_keys @> ${textArray([phoneKey(text)])}`);
  if (!masked.has('email') && text.includes('@')) parts.push(sql`lower(k.email) = ${emailKey(text)}`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** Contacts the actor may see, newest first. */
export async function listContacts(
  ex: Executor,
  actor: Actor,
  query: ContactListQuery,
): Promise<{ items: Contact[]; nextCursor: string | null }> {
  requirePermission(actor, 'crm.contact.read');
  const where: SQL[] = [sql`k.company_id = ${actor.companyId}`, visibleContactSql(actor)];
  if (query.customerId) where.push(sql`k.customer_id = ${query.customerId}`);
  if (query.q) {
    const cond = searchCondition(actor, query.q);
    if (cond) where.push(cond);
  }
  const cursor = decodeCursor(query.cursor, 2);
  if (cursor) {
    if (cursor[0] === '__invalid__' || !isUuid(cursor[1]))
      throw badRequest('bad_cursor', 'The cursor is not valid');
    // Compared as text (one session format), so no cursor text can make the cast fail.
    where.push(sql`(k.created_at::text, k.id) < (${String(cursor[0])}, ${String(cursor[1])}::uuid)`);
  }
  const list = await rows<Record<string, any>>(
    ex,
    sql`select ${contactColumns}, k.created_at::text as sort_created ${fromContacts}
         where ${sql.join(where, sql` and `)}
         order by k.created_at::text desc, k.id desc limit ${query.limit + 1}`,
  );
  const page = list.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => contactView(actor, r)),
    nextCursor: list.length > query.limit && last ? encodeCursor([last.sort_created, last.id]) : null,
  };
}

/** The contacts of one customer; 404 when the customer is not visible to the actor. */
export async function listCustomerContacts(
  ex: Executor,
  actor: Actor,
  customerId: string,
  query: Omit<ContactListQuery, 'customerId'>,
) {
  requirePermission(actor, 'crm.contact.read');
  await findVisibleCustomer(ex, actor, customerId);
  return listContacts(ex, actor, { ...query, customerId });
}
