import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/schemas.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import type { Entry, EntryListQuery } from './contract.ts';
import { type EntryRow, entryColumns, mapEntry } from './entry.repo.ts';
import { linesOf, toView } from './entry-view.ts';

/** Entries newest first (by date, then id), filtered by date range, state, journal, period, account or text. */
export async function listEntries(
  ex: Executor,
  actor: Actor,
  query: EntryListQuery,
): Promise<{ items: Entry[]; nextCursor: string | null }> {
  requirePermission(actor, 'accounting.entry.read');
  const companyId = actor.companyId;
  const where: SQL[] = [sql`e.company_id = ${companyId}`];
  if (query.from) where.push(sql`e.entry_date >= ${query.from}::date`);
  if (query.to) where.push(sql`e.entry_date <= ${query.to}::date`);
  if (query.state) where.push(sql`e.state = ${query.state}`);
  if (query.journal) where.push(sql`j.code = ${query.journal}`);
  if (query.periodId) where.push(sql`e.period_id = ${query.periodId}`);
  if (query.accountId)
    where.push(sql`exists (select 1 from accounting_entry_line l where l.company_id = e.company_id
                     and l.entry_id = e.id and l.account_id = ${query.accountId})`);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      sql`(e.memo ilike ${like} or (e.voucher_word || '-' || lpad(e.voucher_number::text, 3, '0')) = ${query.q})`,
    );
  }
  const cursor = decodeCursor(query.cursor, 2);
  if (cursor) {
    const [date, id] = cursor as [string, string];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^[0-9a-f-]{36}$/i.test(id))
      return { items: [], nextCursor: null };
    where.push(sql`(e.entry_date, e.id) < (${date}::date, ${id}::uuid)`);
  }
  const found = await rows<EntryRow>(
    ex,
    sql`select ${entryColumns} from accounting_entry e
          join accounting_journal j on j.company_id = e.company_id and j.id = e.journal_id
         where ${sql.join(where, sql` and `)}
         order by e.entry_date desc, e.id desc limit ${query.limit + 1}`,
  );
  const page = found.slice(0, query.limit).map(mapEntry);
  const lines = await linesOf(
    ex,
    companyId,
    page.map((e) => e.id),
  );
  const last = page.at(-1);
  return {
    items: page.map((e) => toView(e, lines.get(e.id) ?? [])),
    nextCursor: found.length > query.limit && last ? encodeCursor([last.entryDate, last.id]) : null,
  };
}
