// SQL in and out for journal entries and their lines, always scoped by company.
import { sql } from 'drizzle-orm';
import { type Executor, one, rows, type Tx, textArray } from '../../../platform/db/tx.ts';
import { notFound, unprocessable } from '../../../platform/errors.ts';
import { isUuid, newId } from '../../../platform/ids.ts';
import type { EntryState, JournalCode, NormalLine } from './entry.ts';

export interface EntryRow {
  id: string;
  journalId: string;
  journal: JournalCode;
  entryDate: string;
  periodId: string;
  state: EntryState;
  voucherWord: string;
  voucherNumber: number | null;
  memo: string;
  sourceType: string | null;
  sourceId: string | null;
  reversalOf: string | null;
  reversedBy: string | null;
  preparerId: string | null;
  reviewerId: string | null;
  posterId: string | null;
  preparerName: string | null;
  reviewerName: string | null;
  posterName: string | null;
  reviewedAt: string | null;
  postedAt: string | null;
  attachmentsCount: number;
  version: number;
  createdAt: string;
}

export const entryColumns = sql`e.id, e.journal_id as "journalId", j.code as journal,
  to_char(e.entry_date, 'YYYY-MM-DD') as "entryDate", e.period_id as "periodId", e.state,
  e.voucher_word as "voucherWord", e.voucher_number as "voucherNumber", e.memo, e.source_type as "sourceType",
  e.source_id as "sourceId", e.reversal_of as "reversalOf",
  (select r.id from accounting_entry r where r.company_id = e.company_id and r.reversal_of = e.id) as "reversedBy",
  e.preparer_id as "preparerId", e.reviewer_id as "reviewerId", e.poster_id as "posterId",
  (select u.name from platform_user u where u.id = e.preparer_id) as "preparerName",
  (select u.name from platform_user u where u.id = e.reviewer_id) as "reviewerName",
  (select u.name from platform_user u where u.id = e.poster_id) as "posterName",
  e.reviewed_at::text as "reviewedAt", e.posted_at::text as "postedAt", e.attachments_count as "attachmentsCount",
  e.version, e.created_at::text as "createdAt"`;

export function mapEntry(r: EntryRow): EntryRow {
  return {
    ...r,
    voucherNumber: r.voucherNumber === null ? null : Number(r.voucherNumber),
    attachmentsCount: Number(r.attachmentsCount),
    version: Number(r.version),
  };
}

/** One entry of the company (404 otherwise), optionally locked for the rest of the transaction. */
export async function loadEntry(
  ex: Executor,
  companyId: string,
  id: string,
  lock = false,
): Promise<EntryRow> {
  if (!isUuid(id)) throw notFound('journal entry', String(id));
  if (lock)
    await ex.execute(
      sql`select 1 from accounting_entry where company_id = ${companyId} and id = ${id} for update`,
    );
  const row = await one<EntryRow>(
    ex,
    sql`select ${entryColumns} from accounting_entry e
          join accounting_journal j on j.company_id = e.company_id and j.id = e.journal_id
         where e.company_id = ${companyId} and e.id = ${id}`,
  );
  if (!row) throw notFound('journal entry', id);
  return mapEntry(row);
}

export async function loadLines(ex: Executor, companyId: string, entryId: string): Promise<NormalLine[]> {
  const list = await rows<NormalLine>(
    ex,
    sql`select line_no as "lineNo", account_id as "accountId", debit::text as debit, credit::text as credit, currency,
               amount_currency::text as "amountCurrency", rate::text as rate, partner_id as "partnerId",
               department_id as "departmentId", project, description
          from accounting_entry_line where company_id = ${companyId} and entry_id = ${entryId} order by line_no`,
  );
  return list.map((l) => ({ ...l, lineNo: Number(l.lineNo) }));
}

export async function journalByCode(
  ex: Executor,
  companyId: string,
  code: string,
): Promise<{ id: string; voucherWord: string }> {
  const row = await one<{ id: string; voucherWord: string }>(
    ex,
    sql`select id, voucher_word as "voucherWord" from accounting_journal where company_id = ${companyId} and code = ${code}`,
  );
  if (!row) throw unprocessable('accounting.journal_invalid', `No journal ${code}`, { journal: code });
  return row;
}

function refusal(code: string, message: string, line: number, id: unknown) {
  return unprocessable(code, `Line ${line}: ${message}`, { line, id });
}

/**
 * Every account, partner and department a line names is the company's: accounts active, without
 * sub-accounts (only leaves take postings) and, when the account is tied to a currency, booked in it.
 */
export async function checkReferences(ex: Executor, companyId: string, lines: NormalLine[]): Promise<void> {
  const ids = (pick: (l: NormalLine) => string | null) => [
    ...new Set(lines.map(pick).filter((v): v is string => v !== null && isUuid(v))),
  ];
  const accounts = await rows<{ id: string; active: boolean; currency: string | null; parent: boolean }>(
    ex,
    sql`select a.id, a.active, a.currency,
               exists (select 1 from accounting_account c where c.company_id = a.company_id and c.parent_id = a.id) as parent
          from accounting_account a
         where a.company_id = ${companyId} and a.id::text = any(${textArray(ids((l) => l.accountId))})`,
  );
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const partners = new Set(
    (
      await rows<{ id: string }>(
        ex,
        sql`select id from crm_customer where company_id = ${companyId}
              and id::text = any(${textArray(ids((l) => l.partnerId))})`,
      )
    ).map((r) => r.id),
  );
  const departments = new Set(
    (
      await rows<{ id: string }>(
        ex,
        sql`select id from platform_department where company_id = ${companyId}
              and id::text = any(${textArray(ids((l) => l.departmentId))})`,
      )
    ).map((r) => r.id),
  );
  for (const l of lines) {
    const a = isUuid(l.accountId) ? byId.get(l.accountId) : undefined;
    if (!a)
      throw refusal('accounting.account_invalid', 'no such account in this company', l.lineNo, l.accountId);
    if (!a.active)
      throw refusal('accounting.account_inactive', 'the account is inactive', l.lineNo, l.accountId);
    if (a.parent)
      throw refusal(
        'accounting.account_not_postable',
        'post to a sub-account of this account',
        l.lineNo,
        l.accountId,
      );
    if (a.currency && a.currency !== l.currency)
      throw refusal(
        'accounting.account_currency',
        `the account is kept in ${a.currency}`,
        l.lineNo,
        l.accountId,
      );
    if (l.partnerId !== null && !(isUuid(l.partnerId) && partners.has(l.partnerId)))
      throw refusal('accounting.partner_invalid', 'no such customer or supplier', l.lineNo, l.partnerId);
    if (l.departmentId !== null && !(isUuid(l.departmentId) && departments.has(l.departmentId)))
      throw refusal('accounting.department_invalid', 'no such department', l.lineNo, l.departmentId);
  }
}

export async function insertLines(
  tx: Tx,
  companyId: string,
  entryId: string,
  entryDate: string,
  lines: NormalLine[],
): Promise<void> {
  const payload = lines.map((l) => ({ ...l, id: newId() }));
  await tx.execute(
    sql`insert into accounting_entry_line (company_id, id, entry_id, line_no, account_id, debit, credit, currency,
          amount_currency, rate, partner_id, department_id, project, description, entry_date)
        select ${companyId}, r.id, ${entryId}, r."lineNo", r."accountId", r.debit, r.credit, r.currency,
               r."amountCurrency", r.rate, r."partnerId", r."departmentId", r.project, r.description, ${entryDate}::date
          from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as r(id uuid, "lineNo" int, "accountId" uuid,
               debit numeric, credit numeric, currency text, "amountCurrency" numeric, rate numeric, "partnerId" uuid,
               "departmentId" uuid, project text, description text)`,
  );
}

export interface NewEntry {
  id: string;
  journalId: string;
  entryDate: string;
  periodId: string;
  voucherWord: string;
  memo: string;
  sourceType: string | null;
  sourceId: string | null;
  reversalOf: string | null;
  preparerId: string | null;
}

/** Entries are always written as drafts first: lines may be added only while the entry is a draft. */
export async function insertDraft(tx: Tx, companyId: string, e: NewEntry): Promise<void> {
  await tx.execute(
    sql`insert into accounting_entry (company_id, id, journal_id, entry_date, period_id, state, voucher_word, memo,
          source_type, source_id, reversal_of, preparer_id)
        values (${companyId}, ${e.id}, ${e.journalId}, ${e.entryDate}, ${e.periodId}, 'draft', ${e.voucherWord},
                ${e.memo}, ${e.sourceType}, ${e.sourceId}, ${e.reversalOf}, ${e.preparerId})`,
  );
}
