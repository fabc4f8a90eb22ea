import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import type { Entry, EntryCreate } from './contract.ts';
import type { JournalCode } from './entry.ts';
import { entryView } from './entry-view.ts';
import { writeDraft } from './write-entry.ts';

/** A draft voucher prepared by hand (制单); it may be unbalanced until it is reviewed or posted. */
export async function createEntry(tx: Tx, actor: Actor, input: EntryCreate): Promise<Entry> {
  requirePermission(actor, 'accounting.entry.create');
  const { entry, lines } = await writeDraft(tx, actor, {
    journal: input.journal as JournalCode,
    date: input.date,
    memo: input.memo,
    lines: input.lines,
  });
  await recordAudit(tx, actor, {
    entity: 'accounting.entry',
    entityId: entry.id,
    action: 'create',
    after: { date: entry.entryDate, journal: entry.journal, memo: entry.memo, lines: lines.length },
  });
  return entryView(tx, actor.companyId, entry.id);
}
