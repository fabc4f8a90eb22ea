import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { staleVersion } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { assertOpen, ensurePeriod } from '../period/periods.ts';
import { accountingSettings } from '../settings.ts';
import type { Entry, EntryPatch } from './contract.ts';
import { assertDraft } from './draft-rules.ts';
import { checkReferences, insertLines, journalByCode, loadEntry, loadLines } from './entry.repo.ts';
import { normaliseLines } from './entry.ts';
import { entryView } from './entry-view.ts';

/** Edits a draft (date, journal, memo, or all its lines at once); any edit clears an earlier review. */
export async function updateEntry(tx: Tx, actor: Actor, id: string, patch: EntryPatch): Promise<Entry> {
  requirePermission(actor, 'accounting.entry.create');
  const companyId = actor.companyId;
  const before = await loadEntry(tx, companyId, id, true);
  assertDraft(before);
  if (before.version !== patch.version) throw staleVersion('journal entry', patch.version, before.version);
  const oldPeriod = await ensurePeriod(tx, companyId, before.entryDate);
  assertOpen(oldPeriod, before.entryDate);
  const date = patch.date ?? before.entryDate;
  const period = await ensurePeriod(tx, companyId, date);
  assertOpen(period, date);
  const journal = await journalByCode(tx, companyId, patch.journal ?? before.journal);
  const lines = patch.lines
    ? normaliseLines(patch.lines, (await accountingSettings(tx, companyId)).currency)
    : await loadLines(tx, companyId, id);
  await checkReferences(tx, companyId, lines);
  await tx.execute(
    sql`delete from accounting_entry_line where company_id = ${companyId} and entry_id = ${id}`,
  );
  await tx.execute(
    sql`update accounting_entry set entry_date = ${date}, period_id = ${period.id}, journal_id = ${journal.id},
           voucher_word = ${journal.voucherWord}, memo = ${patch.memo ?? before.memo}, reviewer_id = null,
           reviewed_at = null, version = version + 1, updated_at = now()
         where company_id = ${companyId} and id = ${id}`,
  );
  if (lines.length > 0) await insertLines(tx, companyId, id, date, lines);
  await recordAudit(tx, actor, {
    entity: 'accounting.entry',
    entityId: id,
    action: 'update',
    before: { date: before.entryDate, journal: before.journal, memo: before.memo },
    after: {
      date,
      journal: patch.journal ?? before.journal,
      memo: patch.memo ?? before.memo,
      lines: lines.length,
    },
  });
  return entryView(tx, companyId, id);
}
