import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { createSupplierReturn } from '../../inventory/index.ts';
import {
  assertVersion,
  findOrder,
  loadOrder,
  ORDER_ENTITY,
  ORDER_ORIGIN,
  orderLines,
  setOrder,
} from '../order/order.repo.ts';
import { unitCostCompany } from '../order/order.ts';
import type { ReturnInput, ReturnResult } from './contract.ts';

/**
 * Received goods go back to the supplier: per PO line at most what was received less what went back
 * before (422 `purchasing.return_exceeds_received`), through inventory's supplier return (free stock of
 * the order's warehouse, optionally one lot; Dr GRNI at the receipt cost / Cr inventory at the average,
 * the difference to inventory adjustment). The lines' `qty_returned` rise; the order keeps its state
 * (a replacement comes on a new order; a billed line waits for the supplier's credit note).
 */
export async function returnToSupplier(
  tx: Tx,
  actor: Actor,
  orderId: string,
  input: ReturnInput,
): Promise<ReturnResult> {
  requirePermission(actor, 'purchasing.return.create');
  const companyId = actor.companyId;
  const order = await findOrder(tx, companyId, orderId, true);
  assertVersion(order, input.version);
  const lines = await orderLines(tx, companyId, orderId, actor.locale);
  const wanted = new Map<string, Decimal>();
  for (const w of input.lines) wanted.set(w.lineId, (wanted.get(w.lineId) ?? new Decimal(0)).add(w.qty));
  for (const [lineId, qty] of wanted) {
    const line = lines.find((l) => l.id === lineId);
    if (!line)
      throw unprocessable('purchasing.line_unknown', 'A return line names no line of this order', { lineId });
    const returnable = new Decimal(line.qtyReceived).minus(line.qtyReturned);
    if (qty.gt(returnable))
      throw unprocessable(
        'purchasing.return_exceeds_received',
        'More than was received and not returned yet',
        {
          lineId,
          sku: line.sku,
          requested: qty.toFixed(4),
          returnable: returnable.toFixed(4),
        },
      );
  }
  const made = await createSupplierReturn(tx, actor, {
    warehouseId: order.warehouseId,
    partyId: order.partyId,
    originType: ORDER_ORIGIN,
    originId: order.id,
    originNumber: order.number,
    reason: input.reason,
    lines: input.lines.map((w) => {
      const line = lines.find((l) => l.id === w.lineId)!;
      return {
        originLineId: line.id,
        productId: line.productId,
        qty: w.qty,
        lotNo: w.lotNo ?? null,
        unitCost: unitCostCompany(line, order.exchangeRate),
      };
    }),
  });
  const returned = [...wanted].map(([id, qty]) => ({ id, qty: qty.toFixed(4) }));
  await tx.execute(
    sql`update purchasing_order_line l set qty_returned = l.qty_returned + r.qty, version = l.version + 1,
           updated_at = now()
          from jsonb_to_recordset(${JSON.stringify(returned)}::jsonb) as r(id uuid, qty numeric)
         where l.company_id = ${companyId} and l.order_id = ${order.id} and l.id = r.id`,
  );
  await setOrder(tx, companyId, order.id, sql`state = state`);
  await recordAudit(tx, actor, {
    entity: ORDER_ENTITY,
    entityId: order.id,
    action: 'return',
    reason: input.reason,
    after: { returnNumber: made.number, value: made.value, lines: returned },
  });
  await publish(tx, actor, {
    type: 'purchase_order.returned',
    aggregateType: ORDER_ENTITY,
    aggregateId: order.id,
    payload: {
      orderId: order.id,
      number: order.number,
      supplierId: order.supplierId,
      customerId: order.partyId,
      returnId: made.id,
      returnNumber: made.number,
      value: made.value,
      summary: `Goods of purchase order ${order.number} returned to the supplier (${made.number})`,
    },
  });
  const view = await loadOrder(tx, companyId, order.id, actor.locale);
  return { ...view, return: { id: made.id, number: made.number, value: made.value } };
}
