import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { companyToday } from '../document/header.ts';
import { insertLines, lineRows, pricedFromRow } from '../document/lines.repo.ts';
import { salesSetting } from '../document/numbers.ts';
import type { VersionInput } from './contract.ts';
import { auditableQuote, QUOTE_ENTITY, reloadQuote } from './quote.repo.ts';
import { addDays } from './quote.ts';
import { applyQuoteState, lockQuoteFor } from './quote-state.ts';

/**
 * A new revision of the quote: same number, revision + 1, dated today, a draft with the same header and
 * lines (as quoted); the revision it replaces becomes 'superseded' and stays readable.
 */
export async function reviseQuote(tx: Tx, actor: Actor, id: string, input: VersionInput) {
  requirePermission(actor, 'sales.quote.update');
  const { row, before } = await lockQuoteFor(tx, actor, id, input.version, 'superseded');
  const today = await companyToday(tx, actor.companyId);
  const validDays = Number((await salesSetting(tx, actor.companyId, 'quoteValidDays')) ?? 30) || 30;
  const nextId = newId();
  await tx.execute(
    sql`insert into sales_quote (company_id, id, number, revision, previous_id, state, quote_date, valid_until,
          customer_id, contact_id, opportunity_id, price_list_id, warehouse_id, currency, exchange_rate, owner_user_id,
          team_id, ship_to, notes, subtotal, tax_total, total, total_company, created_by)
        select company_id, ${nextId}, number, revision + 1, id, 'draft', ${today}, ${addDays(today, validDays)},
               customer_id, contact_id, opportunity_id, price_list_id, warehouse_id, currency, exchange_rate, owner_user_id,
               team_id, ship_to, notes, subtotal, tax_total, total, total_company, ${actor.name === 'system' ? null : actor.userId}
          from sales_quote where company_id = ${actor.companyId} and id = ${id}`,
  );
  const lines = await lineRows(tx, 'quote', actor.companyId, id);
  await insertLines(
    tx,
    'quote',
    actor.companyId,
    nextId,
    lines.map((l) => pricedFromRow(l, 'stocked')),
  );
  await applyQuoteState(tx, actor, before, 'superseded', {
    type: 'quote.revised',
    summary: `Quote ${before.number} revised (revision ${row.revision + 1})`,
    payload: { newQuoteId: nextId, newRevision: row.revision + 1 },
  });
  const created = await reloadQuote(tx, actor, nextId);
  await recordAudit(tx, actor, {
    entity: QUOTE_ENTITY,
    entityId: nextId,
    action: 'revise',
    after: auditableQuote(created),
  });
  return created;
}
