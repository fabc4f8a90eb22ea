import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { findOrder, ORDER_ENTITY, orderLines } from '../order/order.repo.ts';
import { lineAmounts } from '../order/order.ts';
import { purchasingSettings } from '../settings.ts';
import { BILL_ENTITY, loadBill } from './bill.repo.ts';
import type { BillInput, BillView } from './contract.ts';
import { matchLine, stateAfterMatch } from './match.ts';

const BILLABLE_STATES = ['confirmed', 'partly_received', 'received', 'billed'];

/**
 * A supplier's bill against a PO, matched line by line to the PO price and to what was received and not
 * billed yet (settings.purchasing.matchTolerancePct, default 2 %): `matched`, or `match_blocked` until
 * someone with `purchasing.bill.approve_variance` releases it. Nothing is booked until it is posted.
 */
export async function createSupplierBill(
  tx: Tx,
  actor: Actor,
  orderId: string,
  input: BillInput,
): Promise<BillView> {
  requirePermission(actor, 'purchasing.bill.create');
  const companyId = actor.companyId;
  const order = await findOrder(tx, companyId, orderId, true);
  if (!BILLABLE_STATES.includes(order.state))
    throw unprocessable('purchasing.order_not_billable', 'Only confirmed or received orders can be billed', {
      state: order.state,
    });
  const settings = await purchasingSettings(tx, companyId);
  const poLines = await orderLines(tx, companyId, orderId, actor.locale);
  const billable = (l: (typeof poLines)[number]) =>
    new Decimal(l.qtyReceived).minus(l.qtyReturned).minus(l.qtyBilled);
  const wanted =
    input.lines ??
    poLines
      .filter((l) => billable(l).gt(0))
      .map((l) => ({
        orderLineId: l.id,
        qty: billable(l).toFixed(4),
        unitPrice: l.unitPrice,
        taxCode: l.taxCode,
      }));
  if (wanted.length === 0)
    throw unprocessable('purchasing.nothing_to_bill', 'Nothing was received that is not billed yet', {});
  const lines = wanted.map((w, i) => {
    const po = poLines.find((l) => l.id === w.orderLineId);
    if (!po)
      throw unprocessable('purchasing.bill_line_invalid', 'A bill line names no line of this order', {
        orderLineId: w.orderLineId,
      });
    const qtyBillable = Decimal.max(billable(po), 0).toFixed(4);
    const match = matchLine(
      { qty: w.qty, unitPrice: w.unitPrice, orderPrice: po.unitPrice, qtyBillable },
      settings.matchTolerancePct,
    );
    const taxCode = w.taxCode === undefined ? po.taxCode : w.taxCode;
    // The PO line's rate stands in for the tax on the bill's figures (accounting recomputes at posting).
    const amounts = lineAmounts({
      qty: w.qty,
      unitPrice: w.unitPrice,
      taxRate: taxCode === po.taxCode ? po.taxRate : '0',
      taxIncluded: false,
    });
    return {
      id: newId(),
      lineNo: i + 1,
      productId: po.productId,
      ...w,
      taxCode,
      orderPrice: po.unitPrice,
      qtyBillable,
      ...match,
      amounts,
    };
  });
  const state = stateAfterMatch(lines);
  const id = newId();
  const subtotal = lines.reduce((s, l) => s.plus(l.amounts.subtotal), new Decimal(0)).toFixed(2);
  const total = lines.reduce((s, l) => s.plus(l.amounts.total), new Decimal(0)).toFixed(2);
  await tx.execute(
    sql`insert into purchasing_bill (company_id, id, order_id, supplier_id, state, reference, bill_date, currency,
          tolerance_pct, subtotal, total, created_by)
        values (${companyId}, ${id}, ${orderId}, ${order.supplierId}, ${state}, ${input.reference},
          ${input.billDate ?? settings.today}, ${order.currency}, ${settings.matchTolerancePct}, ${subtotal}, ${total},
          ${actor.name === 'system' ? null : actor.userId})`,
  );
  await tx.execute(
    sql`insert into purchasing_bill_line (company_id, id, bill_id, line_no, order_line_id, product_id, qty, unit_price,
          tax_code, order_price, qty_billable, price_diff_pct, qty_diff_pct, within_tolerance)
        select ${companyId}, r.id, ${id}, r."lineNo", r."orderLineId", r."productId", r.qty, r."unitPrice", r."taxCode",
               r."orderPrice", r."qtyBillable", r."priceDiffPct", r."qtyDiffPct", r."withinTolerance"
          from jsonb_to_recordset(${JSON.stringify(lines)}::jsonb) as r(id uuid, "lineNo" int, "orderLineId" uuid,
            "productId" uuid, qty numeric, "unitPrice" numeric, "taxCode" text, "orderPrice" numeric,
            "qtyBillable" numeric, "priceDiffPct" numeric, "qtyDiffPct" numeric, "withinTolerance" boolean)`,
  );
  const view = await loadBill(tx, companyId, id);
  await recordAudit(tx, actor, {
    entity: BILL_ENTITY,
    entityId: id,
    action: 'create',
    after: {
      orderId,
      state,
      reference: input.reference,
      total,
      lines: lines.map((l) => [l.orderLineId, l.qty, l.unitPrice]),
    },
  });
  if (state === 'match_blocked')
    await publish(tx, actor, {
      type: 'supplier_bill.match_blocked',
      aggregateType: ORDER_ENTITY,
      aggregateId: orderId,
      payload: {
        orderId,
        number: order.number,
        supplierId: order.supplierId,
        customerId: order.partyId,
        billId: id,
        summary: `A bill for ${order.number} is outside the match tolerance and waits for approval`,
      },
    });
  return view;
}
