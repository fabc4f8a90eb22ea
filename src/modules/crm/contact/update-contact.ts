import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { type Tx, textArray } from '../../../platform/db/tx.ts';
import { conflict, staleVersion } from '../../../platform/errors.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { nameKey } from '../customer/normalize.ts';
import { assertOwnerAssignable } from '../customer/owner.ts';
import { contactView, customerForContact, findVisibleContact, toContact } from './contact.repo.ts';
import type { Contact, ContactPatch } from './contract.ts';
import { auditable } from './create-contact.ts';
import { findContactDuplicates, phoneKeysOf } from './find-contact-duplicates.ts';

const FIELDS = [
  'customerId',
  'name',
  'title',
  'phones',
  'email',
  'wechat',
  'birthday',
  'preferredChannel',
  'notes',
  'ownerUserId',
] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Edits a contact; moving it to another customer needs that customer to be visible too, and giving
 * it to another owner needs the assign permission. Duplicates are checked only when a phone or the
 * email changes, so an old duplicate does not block unrelated edits.
 */
export async function updateContact(tx: Tx, actor: Actor, id: string, patch: ContactPatch): Promise<Contact> {
  requirePermission(actor, 'crm.contact.update');
  const row = await findVisibleContact(tx, actor, id, true);
  if (row.version !== patch.version) throw staleVersion('contact', patch.version, row.version);
  const before = toContact(row);
  const next = { ...before } as Record<string, unknown>;
  for (const field of FIELDS) if (patch[field] !== undefined) next[field] = patch[field];

  if (!same(next.customerId, before.customerId) && next.customerId)
    await customerForContact(tx, actor, next.customerId as string);
  if (!same(next.ownerUserId, before.ownerUserId))
    await assertOwnerAssignable(tx, actor, next.ownerUserId as string | null);
  const phones = next.phones as string[];
  const phonesChanged = !same(phoneKeysOf(phones), phoneKeysOf(before.phones));
  const emailChanged = (next.email as string | null)?.toLowerCase() !== before.email?.toLowerCase();
  if ((phonesChanged || emailChanged) && !patch.ignoreDuplicates) {
    const duplicates = await findContactDuplicates(tx, actor.companyId, {
      phones: phonesChanged ? phones : [],
      email: emailChanged ? (next.email as string | null) : null,
      excludeId: id,
    });
    if (duplicates.length > 0)
      throw conflict(
        'crm.duplicate_suspected',
        'Contacts with the same phone or email exist; review them or confirm to save anyway',
        { candidates: duplicates },
      );
  }

  await tx.execute(
    sql`update crm_contact set customer_id = ${next.customerId as string | null}, name = ${next.name as string},
          name_key = ${nameKey(next.name as string)}, title = ${next.title as string}, phones = ${textArray(phones)},
          phone_keys = ${textArray(phoneKeysOf(phones))}, email = ${next.email as string | null},
          wechat = ${next.wechat as string | null}, birthday = ${next.birthday as string | null},
          preferred_channel = ${next.preferredChannel as string | null}, notes = ${next.notes as string},
          owner_user_id = ${next.ownerUserId as string | null}, version = version + 1, updated_at = now()
        where company_id = ${actor.companyId} and id = ${id}`,
  );
  const saved = await findVisibleContact(tx, { ...actor, recordScope: 'company' }, id);
  const after = toContact(saved);
  await recordAudit(tx, actor, {
    entity: 'crm.contact',
    entityId: id,
    action: 'update',
    before: auditable(before),
    after: auditable(after),
  });
  const changed = FIELDS.filter((f) => !same(before[f], after[f]));
  await publish(tx, actor, {
    type: 'contact.updated',
    aggregateType: 'contact',
    aggregateId: id,
    payload: {
      contactId: id,
      customerId: after.customerId,
      name: after.name,
      ...(changed.includes('customerId') ? { previousCustomerId: before.customerId } : {}),
      changed,
      summary: `Contact ${after.name} updated`,
    },
  });
  return contactView(actor, saved);
}
