import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { listFilters, page } from '../document/list.ts';
import type { QuoteListQuery } from './contract.ts';
import { selectQuote, toQuoteSummary, visibleQuoteSql } from './quote.repo.ts';

/**
 * Quotes the actor may see, newest first: by default only the latest revision of each number. A
 * state filter of 'expired' also finds drafts and sent quotes whose validity has passed.
 */
export async function listQuotes(ex: Executor, actor: Actor, query: QuoteListQuery) {
  requirePermission(actor, 'sales.quote.read');
  const where = [sql`x.company_id = ${actor.companyId}`, visibleQuoteSql(actor), ...listFilters(query)];
  if (query.allRevisions !== 'true')
    where.push(
      sql`not exists (select 1 from sales_quote n where n.company_id = x.company_id and n.previous_id = x.id)`,
    );
  const today = sql`(now() at time zone pc.time_zone)::date`;
  if (query.state === 'expired')
    where.push(sql`(x.state = 'expired' or (x.state in ('draft', 'sent') and x.valid_until < ${today}))`);
  else if (query.state === 'draft' || query.state === 'sent')
    where.push(sql`x.state = ${query.state} and (x.valid_until is null or x.valid_until >= ${today})`);
  else if (query.state) where.push(sql`x.state = ${query.state}`);
  const list = await rows<Record<string, any>>(
    ex,
    sql`${selectQuote} where ${sql.join(where, sql` and `)}
         order by x.created_at::text desc, x.id desc limit ${query.limit + 1}`,
  );
  return page(list, query.limit, toQuoteSummary);
}
