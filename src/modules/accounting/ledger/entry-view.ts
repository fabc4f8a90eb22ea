import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import type { Entry } from './contract.ts';
import { type EntryRow, loadEntry } from './entry.repo.ts';
import { totals, voucherLabel } from './entry.ts';

type LineOut = Entry['lines'][number];

/** Lines of several entries at once, with their account codes. */
export async function linesOf(
  ex: Executor,
  companyId: string,
  entryIds: string[],
): Promise<Map<string, LineOut[]>> {
  const map = new Map<string, LineOut[]>();
  if (entryIds.length === 0) return map;
  const list = await rows<LineOut & { entryId: string }>(
    ex,
    sql`select l.entry_id as "entryId", l.line_no as "lineNo", l.account_id as "accountId", a.code as "accountCode",
               l.debit::text as debit, l.credit::text as credit, l.currency, l.amount_currency::text as "amountCurrency",
               l.rate::text as rate, l.partner_id as "partnerId", l.department_id as "departmentId", l.project,
               l.description
          from accounting_entry_line l
          join accounting_account a on a.company_id = l.company_id and a.id = l.account_id
         where l.company_id = ${companyId} and l.entry_id::text = any(${`{${entryIds.join(',')}}`}::text[])
         order by l.entry_id, l.line_no`,
  );
  for (const { entryId, ...line } of list) {
    const arr = map.get(entryId) ?? [];
    arr.push({ ...line, lineNo: Number(line.lineNo) });
    map.set(entryId, arr);
  }
  return map;
}

export function toView(e: EntryRow, lines: LineOut[]): Entry {
  const t = totals(lines);
  return {
    id: e.id,
    journal: e.journal,
    date: e.entryDate,
    periodId: e.periodId,
    state: e.state,
    voucher: voucherLabel(e.voucherWord, e.voucherNumber),
    voucherWord: e.voucherWord,
    voucherNumber: e.voucherNumber,
    memo: e.memo,
    source: e.sourceType && e.sourceId ? { type: e.sourceType, id: e.sourceId } : null,
    reversalOf: e.reversalOf,
    reversedBy: e.reversedBy,
    preparerId: e.preparerId,
    reviewerId: e.reviewerId,
    posterId: e.posterId,
    // 制单 / 审核 / 记账 are signed by name on a voucher; users are global, so every reader may see them.
    preparerName: e.preparerName,
    reviewerName: e.reviewerName,
    posterName: e.posterName,
    reviewedAt: e.reviewedAt,
    postedAt: e.postedAt,
    attachmentsCount: e.attachmentsCount,
    totalDebit: t.debit,
    totalCredit: t.credit,
    lines,
    version: e.version,
  };
}

export async function entryView(ex: Executor, companyId: string, id: string): Promise<Entry> {
  const e = await loadEntry(ex, companyId, id);
  return toView(e, (await linesOf(ex, companyId, [id])).get(id) ?? []);
}
