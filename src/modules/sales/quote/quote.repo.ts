import { type SQL, sql } from 'drizzle-orm';
import { isoOrNull } from '../../../platform/db/time.ts';
import { type Executor, one, type Tx } from '../../../platform/db/tx.ts';
import { notFound } from '../../../platform/errors.ts';
import { type Actor, recordScopeSql } from '../../../platform/permissions/actor.ts';
import type { LineView } from '../document/contract.ts';
import { HEADER_COLUMNS, HEADER_JOINS, headerView } from '../document/header-view.ts';
import { lineRows, lineViews } from '../document/lines.repo.ts';
import type { QuoteView } from './contract.ts';
import { effectiveQuoteState, type QuoteState } from './quote.ts';

export const QUOTE_ENTITY = 'sales.quote';

/** The record rule on quotes: by owner (own / team / company), like crm's opportunities. */
export function visibleQuoteSql(actor: Actor, alias = sql`x`): SQL {
  return recordScopeSql(actor, sql`${alias}.owner_user_id`);
}

export const selectQuote = sql.raw(`select x.*, ${HEADER_COLUMNS}, x.quote_date::text as quote_date_t,
    x.valid_until::text as valid_until_t, (now() at time zone pc.time_zone)::date::text as today,
    (select o.id from sales_order o where o.company_id = x.company_id and o.quote_id = x.id
      order by o.created_at limit 1) as order_id
  from sales_quote x join platform_company pc on pc.id = x.company_id ${HEADER_JOINS}`);

export function toQuoteSummary(r: Record<string, any>): Omit<QuoteView, 'lines'> {
  return {
    ...headerView(r),
    state: effectiveQuoteState(r.state as QuoteState, r.valid_until_t ?? null, r.today),
    revision: r.revision,
    previousId: r.previous_id,
    quoteDate: r.quote_date_t,
    validUntil: r.valid_until_t ?? null,
    sentAt: isoOrNull(r.sent_at),
    acceptedAt: isoOrNull(r.accepted_at),
    orderId: r.order_id ?? null,
  };
}

/** The quote row if the actor may see it (404 otherwise: other company or outside the record rule). */
export async function findVisibleQuote(ex: Executor, actor: Actor, id: string, lock = false) {
  const row = await one<Record<string, any>>(
    ex,
    sql`${selectQuote} where x.company_id = ${actor.companyId} and x.id = ${id} and ${visibleQuoteSql(actor)}
        ${lock ? sql`for update of x` : sql``}`,
  );
  if (!row) throw notFound('quote', id);
  return row;
}

export async function quoteView(tx: Tx, companyId: string, row: Record<string, any>): Promise<QuoteView> {
  const lines: LineView[] = await lineViews(tx, companyId, await lineRows(tx, 'quote', companyId, row.id));
  return { ...toQuoteSummary(row), lines };
}

/** What the audit log keeps of a quote: business fields, not joined names or stamps. */
export function auditableQuote(q: QuoteView): Record<string, unknown> {
  const { customerName: _c, ownerName: _o, createdAt: _a, updatedAt: _u, version: _v, ...rest } = q;
  return { ...rest, lines: q.lines.map(({ sku: _s, productName: _n, id: _i, ...l }) => l) };
}

/** The quote as everyone sees it after a change (company scope: the writer may have just lost sight of it). */
export async function reloadQuote(tx: Tx, actor: Actor, id: string): Promise<QuoteView> {
  return quoteView(tx, actor.companyId, await findVisibleQuote(tx, { ...actor, recordScope: 'company' }, id));
}
