import type { Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { assertOpen, ensurePeriod } from '../period/periods.ts';
import { accountingSettings } from '../settings.ts';
import {
  checkReferences,
  type EntryRow,
  insertDraft,
  insertLines,
  journalByCode,
  loadEntry,
} from './entry.repo.ts';
import {
  type EntryLineInput,
  JOURNAL_CODES,
  type JournalCode,
  type NormalLine,
  normaliseLines,
} from './entry.ts';
import { actorUserId } from './posting.ts';

export interface WriteEntryInput {
  journal: JournalCode;
  date: string;
  memo: string;
  source?: { type: string; id: string } | null;
  reversalOf?: string | null;
  lines: EntryLineInput[] | NormalLine[];
  /** Lines already normalised (a reversal mirrors stored lines). */
  normalised?: boolean;
}

/** Writes a draft entry and its lines after checking each line and every reference; the period must be open. */
export async function writeDraft(
  tx: Tx,
  actor: Actor,
  input: WriteEntryInput,
): Promise<{ entry: EntryRow; lines: NormalLine[] }> {
  const companyId = actor.companyId;
  if (!JOURNAL_CODES.includes(input.journal))
    throw unprocessable('accounting.journal_invalid', `No journal ${input.journal}`, {
      journal: input.journal,
    });
  const { currency } = await accountingSettings(tx, companyId);
  const lines = input.normalised
    ? (input.lines as NormalLine[])
    : normaliseLines(input.lines as EntryLineInput[], currency);
  await checkReferences(tx, companyId, lines);
  const period = await ensurePeriod(tx, companyId, input.date);
  assertOpen(period, input.date);
  const journal = await journalByCode(tx, companyId, input.journal);
  const id = newId();
  await insertDraft(tx, companyId, {
    id,
    journalId: journal.id,
    entryDate: input.date,
    periodId: period.id,
    voucherWord: journal.voucherWord,
    memo: input.memo,
    sourceType: input.source?.type ?? null,
    sourceId: input.source?.id ?? null,
    reversalOf: input.reversalOf ?? null,
    preparerId: actorUserId(actor),
  });
  if (lines.length > 0) await insertLines(tx, companyId, id, input.date, lines);
  return { entry: await loadEntry(tx, companyId, id), lines };
}
