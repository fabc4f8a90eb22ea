import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { staleVersion } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { assertOpen, ensurePeriod } from '../period/periods.ts';
import { assertDraft } from './draft-rules.ts';
import { loadEntry } from './entry.repo.ts';

/** Deletes a draft and its lines (a draft holds no voucher number, so no gap appears). */
export async function deleteEntry(tx: Tx, actor: Actor, id: string, version: number): Promise<void> {
  requirePermission(actor, 'accounting.entry.create');
  const companyId = actor.companyId;
  const entry = await loadEntry(tx, companyId, id, true);
  assertDraft(entry);
  if (entry.version !== version) throw staleVersion('journal entry', version, entry.version);
  assertOpen(await ensurePeriod(tx, companyId, entry.entryDate), entry.entryDate);
  await tx.execute(
    sql`delete from accounting_entry_line where company_id = ${companyId} and entry_id = ${id}`,
  );
  await tx.execute(sql`delete from accounting_entry where company_id = ${companyId} and id = ${id}`);
  await recordAudit(tx, actor, {
    entity: 'accounting.entry',
    entityId: id,
    action: 'delete',
    before: { date: entry.entryDate, journal: entry.journal, memo: entry.memo },
  });
}
