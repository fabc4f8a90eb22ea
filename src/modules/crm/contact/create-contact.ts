import { sql } from 'drizzle-orm';
import { recordAudits } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { conflict } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { publishMany } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { nameKey } from '../customer/normalize.ts';
import { assertOwnerAssignable } from '../customer/owner.ts';
import { contactView, customerForContact, findVisibleContact } from './contact.repo.ts';
import type { Contact, ContactInput } from './contract.ts';
import { findContactDuplicates, phoneKeysOf } from './find-contact-duplicates.ts';

/** What the audit log keeps of a contact: its fields, not the timestamps or the joined customer name. */
export function auditable(c: Contact): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, customerName: _n, version: _v, ...fields } = c;
  return fields;
}

export interface NewContactRow {
  customerId: string | null;
  ownerUserId: string | null;
  name: string;
  title: string;
  phones: string[];
  email: string | null;
  wechat: string | null;
  birthday: string | null;
  preferredChannel: Contact['preferredChannel'];
  notes: string;
}

/**
 * Writes contacts whose checks are done (permission, customer, owner, duplicates): the rows with
 * their keys, an audit entry and `contact.created` each, in one statement per table. Shared with the
 * customer import, which checks a whole chunk at once.
 */
export async function insertContacts(tx: Tx, actor: Actor, list: NewContactRow[]): Promise<string[]> {
  if (list.length === 0) return [];
  const ids = list.map(() => newId());
  // One JSON document for all rows keeps the statement small however many contacts a bulk import writes.
  await tx.execute(
    sql`insert into crm_contact (company_id, id, customer_id, name, name_key, title, phones, phone_keys, email, wechat,
          birthday, preferred_channel, notes, owner_user_id)
        select ${actor.companyId}, r.id, r.customer_id, r.name, r.name_key, r.title, r.phones, r.phone_keys, r.email,
               r.wechat, r.birthday, r.preferred_channel, r.notes, r.owner_user_id
          from jsonb_to_recordset(${JSON.stringify(
            list.map((c, i) => ({
              id: ids[i],
              customer_id: c.customerId,
              name: c.name,
              name_key: nameKey(c.name),
              title: c.title,
              phones: c.phones,
              phone_keys: phoneKeysOf(c.phones),
              email: c.email,
              wechat: c.wechat,
              birthday: c.birthday,
              preferred_channel: c.preferredChannel,
              notes: c.notes,
              owner_user_id: c.ownerUserId,
            })),
          )}::jsonb) as r(id uuid, customer_id uuid, name text, name_key text, title text, phones text[],
            phone_keys text[], email text, wechat text, birthday date, preferred_channel text, notes text, owner_user_id uuid)`,
  );
  await recordAudits(
    tx,
    actor,
    list.map((c, i) => ({
      entity: 'crm.contact',
      entityId: ids[i],
      action: 'create',
      after: { id: ids[i], ...c },
    })),
  );
  await publishMany(
    tx,
    actor,
    list.map((c, i) => ({
      type: 'contact.created',
      aggregateType: 'contact',
      aggregateId: ids[i],
      payload: {
        contactId: ids[i],
        customerId: c.customerId,
        name: c.name,
        summary: c.customerId ? `Contact ${c.name} added` : `Contact ${c.name} created`,
      },
    })),
  );
  return ids;
}

export async function createContact(tx: Tx, actor: Actor, input: ContactInput): Promise<Contact> {
  requirePermission(actor, 'crm.contact.create');
  const customer = input.customerId ? await customerForContact(tx, actor, input.customerId) : null;
  const ownerUserId =
    input.ownerUserId === undefined
      ? actor.tokenId || actor.name !== 'system'
        ? actor.userId
        : null
      : input.ownerUserId;
  if (ownerUserId !== actor.userId) await assertOwnerAssignable(tx, actor, ownerUserId);
  const duplicates = await findContactDuplicates(tx, actor.companyId, {
    phones: input.phones,
    email: input.email,
  });
  if (duplicates.length > 0 && !input.ignoreDuplicates)
    throw conflict(
      'crm.duplicate_suspected',
      'Contacts with the same phone or email exist; review them or confirm to create anyway',
      { candidates: duplicates },
    );

  const [id] = await insertContacts(tx, actor, [
    {
      customerId: customer?.id ?? null,
      ownerUserId,
      name: input.name,
      title: input.title,
      phones: input.phones,
      email: input.email ?? null,
      wechat: input.wechat ?? null,
      birthday: input.birthday ?? null,
      preferredChannel: input.preferredChannel ?? null,
      notes: input.notes,
    },
  ]);
  // Read back through the company-wide view: the creator may have handed the contact to someone else.
  const row = await findVisibleContact(tx, { ...actor, recordScope: 'company' }, id);
  return contactView(actor, row);
}
