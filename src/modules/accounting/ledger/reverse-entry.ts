import type { Tx } from '../../../platform/db/tx.ts';
import { conflict, unprocessable } from '../../../platform/errors.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { assertBusinessDate, firstOpenDate } from '../period/periods.ts';
import { accountingSettings } from '../settings.ts';
import { loadEntry, loadLines } from './entry.repo.ts';
import { mirrorLines, voucherLabel } from './entry.ts';
import { postWritten } from './posting.ts';
import { writeDraft } from './write-entry.ts';

/**
 * A posted reversal (红冲) of a posted entry: lines mirrored, linked by `reversal_of`, the original left
 * untouched. Dated `date` (default today); when that day's period is closed, the first day of the next
 * open period. An entry is reversed once (409), a reversal is not reversed again.
 */
export async function reverseEntry(
  tx: Tx,
  actor: Actor,
  input: { entryId: string; date?: string; memo?: string },
): Promise<{ id: string; voucher: string }> {
  const companyId = actor.companyId;
  const original = await loadEntry(tx, companyId, input.entryId, true);
  if (original.state !== 'posted')
    throw unprocessable(
      'accounting.entry_not_posted',
      'Only a posted entry is reversed; delete a draft instead',
    );
  if (original.reversedBy)
    throw conflict('accounting.entry_already_reversed', 'The entry is already reversed', {
      reversedBy: original.reversedBy,
    });
  if (original.reversalOf)
    throw unprocessable(
      'accounting.entry_is_reversal',
      'A reversal cannot itself be reversed; post a new entry',
    );
  const requested = input.date ?? (await accountingSettings(tx, companyId)).today;
  assertBusinessDate(requested);
  if (requested < original.entryDate)
    throw unprocessable(
      'accounting.reversal_before_original',
      'A reversal cannot be dated before the entry',
      {
        date: requested,
        entryDate: original.entryDate,
      },
    );
  const date = await firstOpenDate(tx, companyId, requested);
  const lines = mirrorLines(await loadLines(tx, companyId, original.id));
  const label = voucherLabel(original.voucherWord, original.voucherNumber);
  const { entry } = await writeDraft(tx, actor, {
    journal: original.journal,
    date,
    memo: input.memo ?? `Reversal of ${label} ${original.memo}`.trim(),
    source: original.sourceType ? { type: original.sourceType, id: original.sourceId! } : null,
    reversalOf: original.id,
    lines,
    normalised: true,
  });
  const result = await postWritten(tx, actor, entry, lines);
  await publish(tx, actor, {
    type: 'journal_entry.reversed',
    aggregateType: 'accounting.entry',
    aggregateId: original.id,
    payload: { entryId: original.id, reversalId: result.id, voucher: result.voucher, date },
  });
  return result;
}
