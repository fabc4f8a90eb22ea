import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { badRequest } from '../../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/schemas.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import type { InvoiceListQuery } from './contract.ts';
import { selectInvoice, toInvoiceSummary, visibleInvoiceSql } from './invoice.repo.ts';

/** Invoices the actor may see, newest first; filters by kind, state, payment state, partner, origin; q: number or partner. */
export async function listInvoices(ex: Executor, actor: Actor, query: InvoiceListQuery) {
  requirePermission(actor, 'accounting.invoice.read');
  const where: SQL[] = [sql`x.company_id = ${actor.companyId}`, visibleInvoiceSql(actor)];
  if (query.kind) where.push(sql`x.kind = ${query.kind}`);
  if (query.state) where.push(sql`x.state = ${query.state}`);
  if (query.paymentState) where.push(sql`x.payment_state = ${query.paymentState} and x.state = 'posted'`);
  if (query.partnerId) where.push(sql`x.partner_id = ${query.partnerId}`);
  if (query.originId) where.push(sql`x.origin_id = ${query.originId}`);
  if (query.q?.trim()) {
    const like = `%${query.q
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      sql`(lower(coalesce(x.number, '')) like ${like} or lower(coalesce(p.name, '')) like ${like}
           or lower(x.reference) like ${like} or coalesce(x.e_invoice_number, '') like ${like})`,
    );
  }
  const cursor = decodeCursor(query.cursor, 1);
  if (cursor) {
    const last = String(cursor[0]);
    if (!/^[0-9a-f-]{36}$/.test(last)) throw badRequest('bad_cursor', 'The cursor is not valid');
    where.push(sql`x.id < ${last}::uuid`);
  }
  const list = await rows<Record<string, any>>(
    ex,
    sql`${selectInvoice} where ${sql.join(where, sql` and `)} order by x.id desc limit ${query.limit + 1}`,
  );
  const page = list.slice(0, query.limit);
  return {
    items: page.map(toInvoiceSummary),
    nextCursor: list.length > query.limit ? encodeCursor([page[page.length - 1].id]) : null,
  };
}
