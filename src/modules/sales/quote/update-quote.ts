import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { staleVersion, unprocessable } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { documentTotals } from '../document/amounts.ts';
import { buildLines } from '../document/build-lines.ts';
import { pricingContext, resolveHeader } from '../document/header.ts';
import { deleteLines, insertLines, lineRows } from '../document/lines.repo.ts';
import { inputsFromRows } from '../document/reprice.ts';
import type { QuotePatch } from './contract.ts';
import { assertValidity } from './create-quote.ts';
import { auditableQuote, findVisibleQuote, QUOTE_ENTITY, quoteView, reloadQuote } from './quote.repo.ts';

/**
 * Edits a draft quote: header fields, and the lines (replaced as a whole). A change of currency,
 * price list or date without new lines re-prices the existing ones (typed prices stay).
 */
export async function updateQuote(tx: Tx, actor: Actor, id: string, patch: QuotePatch) {
  requirePermission(actor, 'sales.quote.update');
  const row = await findVisibleQuote(tx, actor, id, true);
  if (row.version !== patch.version) throw staleVersion('quote', patch.version, row.version);
  if (row.state !== 'draft')
    throw unprocessable('sales.quote_not_draft', 'Only a draft quote can be edited; revise it instead', {
      state: row.state,
    });
  const before = await quoteView(tx, actor.companyId, row);
  const quoteDate = patch.quoteDate ?? before.quoteDate;
  const validUntil = patch.validUntil === undefined ? before.validUntil : patch.validUntil;
  assertValidity(quoteDate, validUntil);
  const header = await resolveHeader(tx, actor, {
    customerId: before.customerId,
    contactId: patch.contactId === undefined ? before.contactId : patch.contactId,
    opportunityId: patch.opportunityId === undefined ? before.opportunityId : patch.opportunityId,
    priceListId: patch.priceListId === undefined ? before.priceListId : patch.priceListId,
    warehouseId: patch.warehouseId ?? before.warehouseId,
    currency: patch.currency ?? before.currency,
    date: quoteDate,
  });
  const stored = await lineRows(tx, 'quote', actor.companyId, id);
  const lines = await buildLines(
    tx,
    pricingContext(actor, header, quoteDate),
    patch.lines ?? inputsFromRows(stored),
  );
  const totals = documentTotals(lines, header.exchangeRate);
  const shipTo = patch.shipTo === undefined ? before.shipTo : patch.shipTo;
  await tx.execute(
    sql`update sales_quote set quote_date = ${quoteDate}, valid_until = ${validUntil}, contact_id = ${header.contactId},
          opportunity_id = ${header.opportunityId}, price_list_id = ${header.priceListId}, warehouse_id = ${header.warehouseId},
          currency = ${header.currency}, exchange_rate = ${header.exchangeRate},
          ship_to = ${shipTo ? JSON.stringify(shipTo) : null}::jsonb, notes = ${patch.notes ?? before.notes},
          subtotal = ${totals.subtotal}, tax_total = ${totals.taxTotal}, total = ${totals.total},
          total_company = ${totals.totalCompany}, version = version + 1, updated_at = now()
        where company_id = ${actor.companyId} and id = ${id}`,
  );
  await deleteLines(tx, 'quote', actor.companyId, id);
  await insertLines(tx, 'quote', actor.companyId, id, lines);
  const after = await reloadQuote(tx, actor, id);
  await recordAudit(tx, actor, {
    entity: QUOTE_ENTITY,
    entityId: id,
    action: 'update',
    before: auditableQuote(before),
    after: auditableQuote(after),
  });
  return after;
}
