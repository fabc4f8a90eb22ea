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
import type { OrderPatch } from './contract.ts';
import { assertPaymentTerm } from './create-order.ts';
import { auditableOrder, findVisibleOrder, ORDER_ENTITY, orderView, reloadOrder } from './order.repo.ts';

/** Edits a draft order (header and lines; a header change without lines re-prices them). */
export async function updateOrder(tx: Tx, actor: Actor, id: string, patch: OrderPatch) {
  requirePermission(actor, 'sales.order.update');
  const row = await findVisibleOrder(tx, actor, id, true);
  if (row.version !== patch.version) throw staleVersion('sales_order', patch.version, row.version);
  if (row.state !== 'draft')
    throw unprocessable('sales.order_not_draft', 'Only a draft order can be edited', { state: row.state });
  const before = await orderView(tx, actor.companyId, row);
  const orderDate = patch.orderDate ?? before.orderDate;
  const header = await resolveHeader(tx, actor, {
    customerId: before.customerId,
    contactId: patch.contactId === undefined ? before.contactId : patch.contactId,
    opportunityId: patch.opportunityId === undefined ? before.opportunityId : patch.opportunityId,
    priceListId: patch.priceListId === undefined ? before.priceListId : patch.priceListId,
    warehouseId: patch.warehouseId ?? before.warehouseId,
    currency: patch.currency ?? before.currency,
    date: orderDate,
  });
  const paymentTermCode =
    patch.paymentTermCode === undefined ? before.paymentTermCode : patch.paymentTermCode;
  await assertPaymentTerm(tx, actor.companyId, paymentTermCode);
  const stored = await lineRows(tx, 'order', actor.companyId, id);
  const lines = await buildLines(
    tx,
    pricingContext(actor, header, orderDate),
    patch.lines ?? inputsFromRows(stored),
  );
  const totals = documentTotals(lines, header.exchangeRate);
  const shipTo = patch.shipTo === undefined ? before.shipTo : patch.shipTo;
  const requestedDate = patch.requestedDate === undefined ? before.requestedDate : patch.requestedDate;
  await tx.execute(
    sql`update sales_order set order_date = ${orderDate}, requested_date = ${requestedDate},
          contact_id = ${header.contactId}, opportunity_id = ${header.opportunityId}, price_list_id = ${header.priceListId},
          warehouse_id = ${header.warehouseId}, currency = ${header.currency}, exchange_rate = ${header.exchangeRate},
          payment_term_code = ${paymentTermCode}, ship_to = ${shipTo ? JSON.stringify(shipTo) : null}::jsonb,
          notes = ${patch.notes ?? before.notes}, subtotal = ${totals.subtotal}, tax_total = ${totals.taxTotal},
          total = ${totals.total}, total_company = ${totals.totalCompany}, version = version + 1, updated_at = now()
        where company_id = ${actor.companyId} and id = ${id}`,
  );
  await deleteLines(tx, 'order', actor.companyId, id);
  await insertLines(tx, 'order', actor.companyId, id, lines);
  const after = await reloadOrder(tx, actor, id);
  await recordAudit(tx, actor, {
    entity: ORDER_ENTITY,
    entityId: id,
    action: 'update',
    before: auditableOrder(before),
    after: auditableOrder(after),
  });
  return after;
}
