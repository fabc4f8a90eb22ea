import { isUtf8 } from 'node:buffer';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Executor, one, type Tx } from '../../../platform/db/tx.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { type DuplicateCandidate, Phone } from '../customer/contract.ts';
import { findVisibleCustomer, visibleCustomerSql } from '../customer/customer.repo.ts';
import { nameKey, phoneKey } from '../customer/normalize.ts';
import { type Contact, ContactInput } from './contract.ts';
import { createContact } from './create-contact.ts';
import { listContacts } from './list-contacts.ts';
import { parseVcards, serializeVcard, type VcardContact } from './vcard.ts';

/** Most phone books are far smaller; a bigger upload is split by the person or is an attack. */
export const MAX_CARDS = 5000;

const isMobile = (phone: string) => /^1[3-9]\d{9}$/.test(phoneKey(phone));

const revOf = (isoTime: string) => `${isoTime.slice(0, 19).replace(/[-:]/g, '')}Z`;

/** A contact as a card; fields the actor may not see are absent from the view and so from the card. */
export function toVcard(c: Partial<Contact> & { id: string; name: string }): VcardContact {
  const phones = c.phones ?? [];
  return {
    fn: c.name,
    tels: phones.map((value, i) => ({
      value,
      types: [isMobile(value) ? 'cell' : 'voice'],
      ...(i === 0 && phones.length > 1 ? { pref: 1 } : {}),
    })),
    emails: c.email ? [{ value: c.email, types: [] }] : [],
    org: c.customerName ?? undefined,
    title: c.title || undefined,
    note: c.notes || undefined,
    bday: c.birthday ?? undefined,
    wechat: c.wechat ?? undefined,
    uid: `urn:uuid:${c.id}`,
    rev: c.updatedAt ? revOf(c.updatedAt) : undefined,
  };
}

/** The visible contacts (of one customer, when given) as vCard 4.0 text, page by page. */
export async function* exportVcards(
  ex: Executor,
  actor: Actor,
  query: { customerId?: string },
): AsyncGenerator<string> {
  requirePermission(actor, 'crm.contact.read');
  if (query.customerId) await findVisibleCustomer(ex, actor, query.customerId);
  let cursor: string | undefined;
  do {
    const page = await listContacts(ex, actor, { limit: 200, cursor, customerId: query.customerId });
    yield page.items.map((c) => serializeVcard(toVcard(c))).join('');
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

export interface VcardImportResult {
  created: Array<{ card: number; id: string; name: string; customerId: string | null }>;
  skipped: Array<{
    card: number;
    name: string | null;
    code: string;
    message: string;
    details?: { candidates: DuplicateCandidate[] };
  }>;
}

const Email = z.email().max(254);

/** The card's fields as contact input; values our contacts cannot hold (a fax number with letters) are left out. */
function contactInput(card: VcardContact, customerId: string | null, ignoreDuplicates: boolean) {
  const phones = card.tels.map((t) => t.value).filter((p) => Phone.safeParse(p).success);
  const email = card.emails.map((e) => e.value).find((e) => Email.safeParse(e).success);
  return ContactInput.safeParse({
    customerId,
    name: card.fn.slice(0, 100),
    title: (card.title ?? card.role ?? '').slice(0, 100),
    phones: [...new Set(phones)].slice(0, 10),
    email: email ?? null,
    wechat: card.wechat ? card.wechat.slice(0, 100) : null,
    birthday: card.bday ?? null,
    notes: (card.note ?? '').slice(0, 5000),
    ignoreDuplicates,
  });
}

/** The customer an ORG names: exactly one visible, unmerged customer with that name key, or none. */
async function customerOf(
  tx: Tx,
  actor: Actor,
  org: string | undefined,
  cache: Map<string, string | null>,
): Promise<string | null> {
  const key = org ? nameKey(org) : '';
  if (!key) return null;
  if (cache.has(key)) return cache.get(key)!;
  const found = await one<{ id: string; n: number }>(
    tx,
    sql`select min(c.id::text) as id, count(*)::int as n from crm_customer c
         where c.company_id = ${actor.companyId} and c.name_key = ${key} and c.merged_into_id is null
           and ${visibleCustomerSql(actor)}`,
  );
  const id = found && found.n === 1 ? found.id : null;
  cache.set(key, id);
  return id;
}

export function vcardText(body: Buffer): string {
  // 4.0 is UTF-8 by definition; old Chinese phones wrote GBK.
  return new TextDecoder(isUtf8(body) ? 'utf-8' : 'gb18030').decode(body);
}

/**
 * Creates a contact from each card, each in its own savepoint: a card that is refused (a duplicate
 * phone or email, a missing name) is reported and the others go on. ORG attaches the contact to the
 * customer of that name when exactly one visible customer has it; otherwise the contact stands alone.
 * With `customerId` (an import from that customer's page) every contact goes to that customer.
 */
export async function importVcards(
  tx: Tx,
  actor: Actor,
  text: string,
  options: { ignoreDuplicates: boolean; customerId?: string },
): Promise<VcardImportResult> {
  requirePermission(actor, 'crm.contact.create');
  // Imported from a customer's page, every card belongs to that customer (404 outside the record rule).
  const target = options.customerId ? (await findVisibleCustomer(tx, actor, options.customerId)).id : null;
  const parsed = parseVcards(text, MAX_CARDS);
  if (parsed.cards.length === 0 && parsed.errors.length === 0)
    throw badRequest('crm.vcard_empty', 'The file holds no vCard (BEGIN:VCARD … END:VCARD)');
  if (parsed.errors.some((e) => e.card > MAX_CARDS))
    throw badRequest('crm.vcard_too_many', `A file may hold at most ${MAX_CARDS} cards; split it`, {
      max: MAX_CARDS,
    });
  const result: VcardImportResult = { created: [], skipped: [] };
  for (const e of parsed.errors)
    result.skipped.push({ card: e.card, name: null, code: 'invalid', message: e.message });
  const importActor: Actor = { ...actor, reason: actor.reason ?? 'vCard import' };
  const customers = new Map<string, string | null>();
  let cardNo = 0;
  const failedCards = new Set(parsed.errors.map((e) => e.card));
  for (const card of parsed.cards) {
    do cardNo++;
    while (failedCards.has(cardNo));
    const input = contactInput(
      card,
      target ?? (await customerOf(tx, actor, card.org, customers)),
      options.ignoreDuplicates,
    );
    if (!input.success) {
      const issue = input.error.issues[0];
      result.skipped.push({
        card: cardNo,
        name: card.fn,
        code: 'invalid',
        message: `${issue.path.join('.') || 'card'}: ${issue.message}`,
      });
      continue;
    }
    try {
      const created = await tx.transaction((sp) => createContact(sp as Tx, importActor, input.data));
      result.created.push({
        card: cardNo,
        id: created.id,
        name: created.name,
        customerId: created.customerId,
      });
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      result.skipped.push({
        card: cardNo,
        name: card.fn,
        code: error.code,
        message: error.message,
        ...(error.details.candidates
          ? { details: { candidates: error.details.candidates as DuplicateCandidate[] } }
          : {}),
      });
    }
  }
  result.skipped.sort((a, b) => a.card - b.card);
  return result;
}
