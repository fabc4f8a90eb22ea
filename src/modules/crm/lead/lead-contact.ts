import { type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { one, type Tx, textArray } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { emailKey, nameKey, phoneKey } from '../customer/normalize.ts';

export interface LeadPerson {
  name: string;
  phone: string;
  email: string | null;
  ownerUserId: string | null;
}

/**
 * The lead's person as a contact of the customer. Contacts are managed through their own API; a
 * conversion only writes the row (with the same normalised keys that API writes) or, when the
 * customer already has a contact with the same phone or email, reuses that one.
 */
export async function contactForLead(tx: Tx, actor: Actor, customerId: string, person: LeadPerson) {
  const phone = person.phone ? phoneKey(person.phone) : '';
  const email = person.email ? emailKey(person.email) : '';
  const same: SQL[] = [];
  if (phone.length >= 6) same.push(sql`k.phone_keys @> ${textArray([phone])}`);
  if (email) same.push(sql`lower(k.email) = ${email}`);
  if (same.length > 0) {
    const existing = await one<{ id: string }>(
      tx,
      sql`select k.id from crm_contact k where k.company_id = ${actor.companyId} and k.customer_id = ${customerId}
             and (${sql.join(same, sql` or `)}) order by k.created_at limit 1`,
    );
    if (existing) return { id: existing.id, created: false };
  }
  const id = newId();
  const phones = person.phone ? [person.phone] : [];
  const phoneKeys = phone ? [phone] : [];
  await tx.execute(
    sql`insert into crm_contact (company_id, id, customer_id, name, name_key, phones, phone_keys, email, owner_user_id)
        values (${actor.companyId}, ${id}, ${customerId}, ${person.name}, ${nameKey(person.name)}, ${textArray(phones)},
                ${textArray(phoneKeys)}, ${person.email || null}, ${person.ownerUserId})`,
  );
  await recordAudit(tx, actor, {
    entity: 'crm.contact',
    entityId: id,
    action: 'create',
    after: {
      customerId,
      name: person.name,
      phones,
      email: person.email || null,
      ownerUserId: person.ownerUserId,
    },
    reason: 'lead conversion',
  });
  // The same event the contacts API writes, so the customer's timeline shows the new contact.
  await publish(tx, actor, {
    type: 'contact.created',
    aggregateType: 'contact',
    aggregateId: id,
    payload: { contactId: id, customerId, name: person.name, summary: `Contact ${person.name} added` },
  });
  return { id, created: true };
}
