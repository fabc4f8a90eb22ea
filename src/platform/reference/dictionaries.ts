import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor, Tx } from '../db/tx.ts';
import { Translations, Version } from '../http/schemas.ts';
import { type Actor, requirePermission } from '../permissions/actor.ts';
import { NameView, type RefSpec, Stamps, stamps } from './crud.ts';
import { dictionaryEntry } from './schema.ts';

/** Which dictionary: industry, lead_source, lost_reason … (modules add their own by using a name). */
export const DictionaryParams = z.object({
  dictionary: z.string().regex(/^[a-z_]{2,40}$/, 'lower-case letters and _, 2 to 40'),
});
export const DictionaryEntryParams = DictionaryParams.extend({ id: z.uuid() });

export const DictionaryEntryView = z
  .object({
    id: z.uuid(),
    dictionary: z.string(),
    code: z.string(),
    name: NameView,
    sort: z.number().int(),
    active: z.boolean(),
    ...Stamps,
  })
  .meta({ id: 'DictionaryEntry' });
type DictionaryEntryView = z.infer<typeof DictionaryEntryView>;

// Entry codes are what records store (a customer's industry), so they are fixed once created.
const EntryCode = z.string().regex(/^[a-z0-9][a-z0-9_]{0,39}$/, 'lower-case letters, digits and _');
const Sort = z.number().int().min(-1_000_000).max(1_000_000);

export const CreateDictionaryEntryInput = z.strictObject({
  code: EntryCode,
  name: Translations,
  sort: Sort.default(0),
  active: z.boolean().default(true),
});

export const UpdateDictionaryEntryInput = z.strictObject({
  version: Version,
  name: Translations.optional(),
  sort: Sort.optional(),
  active: z.boolean().optional(),
});

export const dictionaryEntries: RefSpec<typeof dictionaryEntry, DictionaryEntryView> = {
  entity: 'platform.dictionary_entry',
  event: 'dictionary_entry',
  noun: 'dictionary entry',
  table: dictionaryEntry,
  read: 'platform.reference.read',
  manage: 'platform.reference.manage',
  orderBy: ['sort', 'code'],
  view: (r) => ({
    id: r.id,
    dictionary: r.dictionary,
    code: r.code,
    name: r.name,
    sort: r.sort,
    active: r.active,
    ...stamps(r),
  }),
};

/** Restricts the generic reference operations to one dictionary (an entry of another is a 404). */
export function inDictionary(dictionary: string): SQL {
  return eq(dictionaryEntry.dictionary, dictionary);
}

/** The company's dictionaries and how many entries each has. */
export async function listDictionaries(ex: Executor, actor: Actor) {
  requirePermission(actor, 'platform.reference.read');
  const t = dictionaryEntry;
  const list = await (ex as Tx)
    .select({ dictionary: t.dictionary, entries: count() })
    .from(t)
    .where(and(eq(t.companyId, actor.companyId)))
    .groupBy(t.dictionary)
    .orderBy(asc(t.dictionary));
  return {
    items: list.map((r) => ({ dictionary: r.dictionary, entries: Number(r.entries) })),
    nextCursor: null,
  };
}
