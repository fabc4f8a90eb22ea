import type { Tx } from '../../../platform/db/tx.ts';
import { staleVersion, unprocessable } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { accountingSettings } from '../settings.ts';
import { assertDraft } from './draft-rules.ts';
import { loadEntry, loadLines } from './entry.repo.ts';
import { postWritten } from './posting.ts';

/**
 * 记账: posts a draft. With `settings.accounting.reviewBeforePosting` the draft must be reviewed first.
 * Balance (422 with the difference), open period and the voucher number are handled by `postWritten`.
 */
export async function postDraft(
  tx: Tx,
  actor: Actor,
  input: { entryId: string; version: number },
): Promise<{ id: string; voucher: string }> {
  requirePermission(actor, 'accounting.entry.post');
  const companyId = actor.companyId;
  const entry = await loadEntry(tx, companyId, input.entryId, true);
  assertDraft(entry);
  if (entry.version !== input.version) throw staleVersion('journal entry', input.version, entry.version);
  const { reviewBeforePosting } = await accountingSettings(tx, companyId);
  if (reviewBeforePosting && !entry.reviewerId)
    throw unprocessable('accounting.entry_not_reviewed', 'The entry must be reviewed before it is posted');
  return postWritten(tx, actor, entry, await loadLines(tx, companyId, entry.id));
}
