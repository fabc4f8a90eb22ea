import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { documentTotals } from '../document/amounts.ts';
import { buildLines } from '../document/build-lines.ts';
import { companyToday, pricingContext, resolveHeader } from '../document/header.ts';
import { insertLines } from '../document/lines.repo.ts';
import { nextDocumentNumber, salesSetting } from '../document/numbers.ts';
import type { QuoteInput } from './contract.ts';
import { auditableQuote, QUOTE_ENTITY, reloadQuote } from './quote.repo.ts';
import { addDays } from './quote.ts';

/** A person acting owns what they create; the system (demo data, jobs) gives it to the customer's owner. */
export function ownerFor(actor: Actor, customerOwner: string | null): string | null {
  return actor.name === 'system' && !actor.tokenId ? customerOwner : actor.userId;
}

export function assertValidity(quoteDate: string, validUntil: string | null) {
  if (validUntil !== null && validUntil < quoteDate)
    throw unprocessable('sales.valid_until_before_date', 'A quote cannot expire before its date', {
      field: 'validUntil',
    });
}

/** A draft quote, revision 1, numbered QT-<year>-<seq>, its lines priced by the price lists. */
export async function createQuote(tx: Tx, actor: Actor, input: QuoteInput) {
  requirePermission(actor, 'sales.quote.create');
  const quoteDate = input.quoteDate ?? (await companyToday(tx, actor.companyId));
  const header = await resolveHeader(tx, actor, { ...input, date: quoteDate });
  const validDays = Number((await salesSetting(tx, actor.companyId, 'quoteValidDays')) ?? 30) || 30;
  const validUntil = input.validUntil === undefined ? addDays(quoteDate, validDays) : input.validUntil;
  assertValidity(quoteDate, validUntil);
  const lines = await buildLines(tx, pricingContext(actor, header, quoteDate), input.lines);
  const totals = documentTotals(lines, header.exchangeRate);
  const number = await nextDocumentNumber(tx, actor.companyId, 'quote', quoteDate);
  const id = newId();
  await tx.execute(
    sql`insert into sales_quote (company_id, id, number, revision, state, quote_date, valid_until, customer_id, contact_id,
          opportunity_id, price_list_id, warehouse_id, currency, exchange_rate, owner_user_id, team_id, ship_to, notes,
          subtotal, tax_total, total, total_company, created_by)
        values (${actor.companyId}, ${id}, ${number}, 1, 'draft', ${quoteDate}, ${validUntil}, ${header.customer.id},
          ${header.contactId}, ${header.opportunityId}, ${header.priceListId}, ${header.warehouseId}, ${header.currency},
          ${header.exchangeRate}, ${ownerFor(actor, header.customer.ownerUserId)}, ${header.customer.teamId},
          ${input.shipTo ? JSON.stringify(input.shipTo) : null}::jsonb, ${input.notes ?? ''}, ${totals.subtotal},
          ${totals.taxTotal}, ${totals.total}, ${totals.totalCompany}, ${actor.name === 'system' ? null : actor.userId})`,
  );
  await insertLines(tx, 'quote', actor.companyId, id, lines);
  const created = await reloadQuote(tx, actor, id);
  await recordAudit(tx, actor, {
    entity: QUOTE_ENTITY,
    entityId: id,
    action: 'create',
    after: auditableQuote(created),
  });
  await publish(tx, actor, {
    type: 'quote.created',
    aggregateType: 'quote',
    aggregateId: id,
    payload: {
      quoteId: id,
      number,
      revision: 1,
      customerId: created.customerId,
      total: created.total,
      currency: created.currency,
      summary: `Quote ${number} (${created.currency} ${created.total}) drafted`,
    },
  });
  return created;
}
