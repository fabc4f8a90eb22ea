import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { staleVersion, unprocessable } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import type { Entry } from './contract.ts';
import { assertDraft } from './draft-rules.ts';
import { loadEntry, loadLines } from './entry.repo.ts';
import { assertPostable } from './entry.ts';
import { entryView } from './entry-view.ts';

/** 审核: a second person confirms a balanced draft; the preparer cannot review their own voucher. */
export async function reviewEntry(
  tx: Tx,
  actor: Actor,
  input: { entryId: string; version: number },
): Promise<Entry> {
  requirePermission(actor, 'accounting.entry.review');
  const companyId = actor.companyId;
  const entry = await loadEntry(tx, companyId, input.entryId, true);
  assertDraft(entry);
  if (entry.version !== input.version) throw staleVersion('journal entry', input.version, entry.version);
  if (entry.reviewerId)
    throw unprocessable('accounting.entry_already_reviewed', 'The entry is already reviewed');
  if (entry.preparerId === actor.userId)
    throw unprocessable('accounting.self_review', 'The preparer of an entry cannot review it');
  assertPostable(await loadLines(tx, companyId, entry.id));
  await tx.execute(
    sql`update accounting_entry set reviewer_id = ${actor.userId}, reviewed_at = now(), version = version + 1,
           updated_at = now()
         where company_id = ${companyId} and id = ${entry.id}`,
  );
  await recordAudit(tx, actor, {
    entity: 'accounting.entry',
    entityId: entry.id,
    action: 'review',
    before: { reviewerId: null },
    after: { reviewerId: actor.userId },
  });
  return entryView(tx, companyId, entry.id);
}
