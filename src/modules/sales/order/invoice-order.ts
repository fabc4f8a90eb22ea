import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { staleVersion, unprocessable } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import {
  accountingSettings,
  createInvoice,
  type InvoicePolicy,
  postInvoice,
} from '../../accounting/index.ts';
import { getProducts } from '../../catalog/index.ts';
import { lineRows } from '../document/lines.repo.ts';
import { findVisibleOrder, ORDER_ENTITY, ORIGIN_TYPE } from './order.repo.ts';

const INVOICEABLE = new Set(['confirmed', 'partly_delivered', 'delivered', 'closed']);

/**
 * Stock units a line may be invoiced for now: by the 'order' policy what was ordered, by 'delivery' (the
 * default) what was delivered, less what is invoiced already. Services and consumables never ship, so
 * they follow the order whatever the policy.
 */
export function invoiceableQty(
  line: { qtyBase: Decimal.Value; qtyDelivered: Decimal.Value; qtyInvoiced: Decimal.Value },
  policy: InvoicePolicy,
  stocked: boolean,
): Decimal {
  const basis = policy === 'delivery' && stocked ? line.qtyDelivered : line.qtyBase;
  return Decimal.max(new Decimal(basis).minus(line.qtyInvoiced), 0);
}

/**
 * Invoices a confirmed order: one customer invoice for every line's invoiceable quantity, in the order's
 * unit and price, at the rate of the invoice date; the lines' `qty_invoiced` rise in the same transaction
 * (so the credit check counts the amount once, as a receivable). Posted at once when asked. 422
 * `sales.nothing_to_invoice` when no line has anything to invoice.
 */
export async function invoiceOrder(
  tx: Tx,
  actor: Actor,
  id: string,
  input: { version?: number; post?: boolean; invoiceDate?: string },
) {
  requirePermission(actor, 'accounting.invoice.create');
  requirePermission(actor, 'sales.order.read');
  const row = await findVisibleOrder(tx, actor, id, true);
  if (input.version !== undefined && row.version !== input.version)
    throw staleVersion('sales_order', input.version, row.version);
  if (!INVOICEABLE.has(row.state))
    throw unprocessable('sales.order_not_invoiceable', 'Only a confirmed order can be invoiced', {
      state: row.state,
    });
  const { invoicePolicy } = await accountingSettings(tx, actor.companyId);
  const lines = await lineRows(tx, 'order', actor.companyId, id);
  const products = await getProducts(tx, actor.companyId, [
    ...new Set(lines.map((l) => l.product_id as string)),
  ]);
  const billed = lines
    .map((l) => ({
      line: l,
      base: invoiceableQty(
        { qtyBase: l.qty_base_t, qtyDelivered: l.qty_delivered_t, qtyInvoiced: l.qty_invoiced_t },
        invoicePolicy,
        products.get(l.product_id)?.kind === 'stocked',
      ),
    }))
    .filter((b) => b.base.gt(0));
  if (billed.length === 0)
    throw unprocessable('sales.nothing_to_invoice', 'Nothing on this order is ready to invoice', {
      policy: invoicePolicy,
    });
  const invoice = await createInvoice(tx, actor, {
    kind: 'customer_invoice',
    partnerId: row.customer_id,
    invoiceDate: input.invoiceDate,
    paymentTermCode: row.payment_term_code ?? undefined,
    currency: row.currency,
    reference: row.number,
    originType: ORIGIN_TYPE,
    originId: id,
    originNumber: row.number,
    lines: billed.map(({ line, base }) => ({
      productId: line.product_id,
      description: line.description,
      // In the order line's unit: the whole line exactly, a part converted back from stock units.
      quantity: base.eq(line.qty_base_t)
        ? line.qty_t
        : base.mul(line.qty_t).div(line.qty_base_t).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(),
      unitPrice: line.unit_price_t,
      discountPercent: line.discount_t,
      taxCode: line.tax_code,
      originLineId: line.id,
    })),
  });
  await tx.execute(
    sql`update sales_order_line l set qty_invoiced = l.qty_invoiced + r.qty, version = l.version + 1, updated_at = now()
          from jsonb_to_recordset(${JSON.stringify(billed.map((b) => ({ id: b.line.id, qty: b.base.toFixed(4) })))}::jsonb)
               as r(id uuid, qty numeric)
         where l.company_id = ${actor.companyId} and l.order_id = ${id} and l.id = r.id`,
  );
  await tx.execute(
    sql`update sales_order set version = version + 1, updated_at = now() where company_id = ${actor.companyId} and id = ${id}`,
  );
  await recordAudit(tx, actor, {
    entity: ORDER_ENTITY,
    entityId: id,
    action: 'invoice',
    after: {
      invoiceId: invoice.id,
      policy: invoicePolicy,
      lines: billed.map((b) => ({ lineId: b.line.id, qtyInvoiced: b.base.toFixed(4) })),
    },
  });
  return input.post ? postInvoice(tx, actor, { invoiceId: invoice.id }) : invoice;
}
