import { sql } from 'drizzle-orm';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { assertPostable, type EntryLineInput, type JournalCode, voucherLabel } from './entry.ts';
import { postWritten } from './posting.ts';
import { writeDraft } from './write-entry.ts';

export interface PostEntryInput {
  journal: JournalCode;
  date: string;
  memo: string;
  source?: { type: string; id: string };
  lines: EntryLineInput[];
}

/**
 * A system booking of a business document: written and posted at once. No permission check (the
 * calling use case authorised the business action); the same source is booked once — a second call
 * returns the first entry, so subscribers may run again.
 */
export async function postEntry(
  tx: Tx,
  actor: Actor,
  input: PostEntryInput,
): Promise<{ id: string; voucher: string }> {
  if (input.source) {
    if (!isUuid(input.source.id) || !/^[a-z_]+\.[a-z_]+$/.test(input.source.type))
      throw unprocessable('accounting.source_invalid', 'The source is a type like module.entity and a uuid', {
        source: input.source,
      });
    const existing = await one<{ id: string; word: string; number: number }>(
      tx,
      sql`select id, voucher_word as word, voucher_number as number from accounting_entry
           where company_id = ${actor.companyId} and source_type = ${input.source.type}
             and source_id = ${input.source.id} and reversal_of is null`,
    );
    if (existing)
      return { id: existing.id, voucher: voucherLabel(existing.word, Number(existing.number)) ?? '' };
  }
  const { entry, lines } = await writeDraft(tx, actor, { ...input, source: input.source ?? null });
  assertPostable(lines);
  return postWritten(tx, actor, entry, lines);
}
