import type { Tx } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { getCustomerTerms } from '../../crm/index.ts';
import { companyToday } from '../document/header.ts';
import { lineRows, pricedFromRow } from '../document/lines.repo.ts';
import { insertOrder } from '../order/create-order.ts';
import type { VersionInput } from './contract.ts';
import { applyQuoteState, lockQuoteFor } from './quote-state.ts';

/**
 * The customer accepted: the quote becomes 'accepted' and a draft sales order is made with the same
 * header and lines at the quoted prices, currency and rate (the order is confirmed separately).
 */
export async function acceptQuote(tx: Tx, actor: Actor, id: string, input: VersionInput) {
  requirePermission(actor, 'sales.quote.accept');
  const { row, before } = await lockQuoteFor(tx, actor, id, input.version, 'accepted');
  const customer = await getCustomerTerms(tx, actor, before.customerId);
  const lines = await lineRows(tx, 'quote', actor.companyId, id);
  const orderId = await insertOrder(tx, actor, {
    header: {
      customer,
      contactId: before.contactId,
      opportunityId: before.opportunityId,
      priceListId: before.priceListId,
      warehouseId: before.warehouseId,
      currency: before.currency,
      exchangeRate: before.exchangeRate,
    },
    orderDate: await companyToday(tx, actor.companyId),
    requestedDate: null,
    paymentTermCode: customer.paymentTermCode,
    shipTo: before.shipTo,
    notes: before.notes,
    quoteId: id,
    lines: lines.map((l) => pricedFromRow(l, 'stocked')),
    ownerUserId: row.owner_user_id,
  });
  const quote = await applyQuoteState(tx, actor, before, 'accepted', {
    type: 'quote.accepted',
    summary: `Quote ${before.number} accepted`,
    payload: { orderId },
  });
  return { quote, orderId };
}
