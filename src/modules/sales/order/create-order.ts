import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { documentTotals } from '../document/amounts.ts';
import { buildLines, type PricedLine } from '../document/build-lines.ts';
import { companyToday, pricingContext, type ResolvedHeader, resolveHeader } from '../document/header.ts';
import { insertLines } from '../document/lines.repo.ts';
import { nextDocumentNumber } from '../document/numbers.ts';
import { ownerFor } from '../quote/create-quote.ts';
import type { OrderInput } from './contract.ts';
import { addHistory, auditableOrder, ORDER_ENTITY, reloadOrder } from './order.repo.ts';

export interface NewOrder {
  header: ResolvedHeader;
  orderDate: string;
  requestedDate: string | null;
  paymentTermCode: string | null;
  shipTo: Record<string, string> | null;
  notes: string;
  quoteId: string | null;
  lines: PricedLine[];
  /** The quote's owner when made from a quote (the deal stays with whoever quoted it). */
  ownerUserId?: string | null;
}

export async function assertPaymentTerm(tx: Tx, companyId: string, code: string | null) {
  if (!code) return;
  const found = await one(
    tx,
    sql`select 1 from platform_payment_term where company_id = ${companyId} and code = ${code} and active`,
  );
  if (!found)
    throw unprocessable('reference_invalid', 'Unknown or inactive payment term', {
      field: 'paymentTermCode',
    });
}

/** Writes a draft order with its lines, the first timeline row, the audit row and `sales_order.created`. */
export async function insertOrder(tx: Tx, actor: Actor, o: NewOrder): Promise<string> {
  const totals = documentTotals(o.lines, o.header.exchangeRate);
  const number = await nextDocumentNumber(tx, actor.companyId, 'order', o.orderDate);
  const id = newId();
  const owner = o.ownerUserId !== undefined ? o.ownerUserId : ownerFor(actor, o.header.customer.ownerUserId);
  await tx.execute(
    sql`insert into sales_order (company_id, id, number, state, order_date, requested_date, quote_id, customer_id,
          contact_id, opportunity_id, price_list_id, warehouse_id, currency, exchange_rate, owner_user_id, team_id, ship_to,
          notes, subtotal, tax_total, total, total_company, payment_term_code, created_by)
        values (${actor.companyId}, ${id}, ${number}, 'draft', ${o.orderDate}, ${o.requestedDate}, ${o.quoteId},
          ${o.header.customer.id}, ${o.header.contactId}, ${o.header.opportunityId}, ${o.header.priceListId},
          ${o.header.warehouseId}, ${o.header.currency}, ${o.header.exchangeRate}, ${owner}, ${o.header.customer.teamId},
          ${o.shipTo ? JSON.stringify(o.shipTo) : null}::jsonb, ${o.notes}, ${totals.subtotal}, ${totals.taxTotal},
          ${totals.total}, ${totals.totalCompany}, ${o.paymentTermCode}, ${actor.name === 'system' ? null : actor.userId})`,
  );
  await insertLines(tx, 'order', actor.companyId, id, o.lines);
  await addHistory(tx, actor, id, null, 'draft', o.quoteId ? 'from quote' : '');
  const created = await reloadOrder(tx, actor, id);
  await recordAudit(tx, actor, {
    entity: ORDER_ENTITY,
    entityId: id,
    action: 'create',
    after: auditableOrder(created),
  });
  await publish(tx, actor, {
    type: 'sales_order.created',
    aggregateType: 'sales_order',
    aggregateId: id,
    payload: {
      orderId: id,
      number,
      customerId: created.customerId,
      total: created.total,
      currency: created.currency,
      summary: `Sales order ${number} (${created.currency} ${created.total}) drafted`,
    },
  });
  return id;
}

/** A draft sales order for a customer the actor may see, lines priced by the price lists. */
export async function createOrder(tx: Tx, actor: Actor, input: OrderInput) {
  requirePermission(actor, 'sales.order.create');
  const orderDate = input.orderDate ?? (await companyToday(tx, actor.companyId));
  const header = await resolveHeader(tx, actor, { ...input, date: orderDate });
  const paymentTermCode =
    input.paymentTermCode === undefined ? header.customer.paymentTermCode : input.paymentTermCode;
  await assertPaymentTerm(tx, actor.companyId, paymentTermCode);
  const lines = await buildLines(tx, pricingContext(actor, header, orderDate), input.lines);
  const id = await insertOrder(tx, actor, {
    header,
    orderDate,
    requestedDate: input.requestedDate ?? null,
    paymentTermCode,
    shipTo: input.shipTo ?? null,
    notes: input.notes ?? '',
    quoteId: null,
    lines,
  });
  return reloadOrder(tx, actor, id);
}
