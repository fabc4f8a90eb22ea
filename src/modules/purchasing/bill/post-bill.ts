import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { createInvoice, postInvoice } from '../../accounting/index.ts';
import { findOrder, ORDER_ENTITY, ORDER_ORIGIN, orderLines, setOrder } from '../order/order.repo.ts';
import { assertBillVersion, BILL_ENTITY, billLines, findBill, loadBill, setBill } from './bill.repo.ts';
import type { BillView } from './contract.ts';

/** The bill posts as accounting's supplier bill; purchasing's permission gates it, accounting books it. */
const bookkeeper = (actor: Actor): Actor => ({
  ...actor,
  grants: [['accounting.invoice.create', 'accounting.invoice.post', 'crm.customer.read']],
  recordScope: 'company',
});

/**
 * Posts a matched (or variance-approved) bill: accounting's supplier bill from its lines (Dr GRNI at the
 * billed net, Dr input VAT, Cr payable; numbered BILL-…), the PO lines' billed quantities, the PO
 * `billed` once everything received is billed. A bill outside the tolerance: 422 `purchasing.match_blocked`.
 */
export async function postSupplierBill(
  tx: Tx,
  actor: Actor,
  id: string,
  input: { version: number },
): Promise<BillView> {
  requirePermission(actor, 'purchasing.bill.post');
  const companyId = actor.companyId;
  const bill = await findBill(tx, companyId, id, true);
  assertBillVersion(bill, input.version);
  if (bill.state === 'match_blocked')
    throw unprocessable(
      'purchasing.match_blocked',
      'The bill differs from the order or receipt beyond the tolerance',
      {
        tolerancePct: bill.tolerancePct,
      },
    );
  if (bill.state !== 'matched' && bill.state !== 'variance_approved')
    throw unprocessable('purchasing.invalid_transition', `A ${bill.state} bill cannot be posted`, {
      state: bill.state,
    });
  const order = await findOrder(tx, companyId, bill.orderId, true);
  const lines = await billLines(tx, companyId, id);
  const accounting = bookkeeper(actor);
  const draft = await createInvoice(tx, accounting, {
    kind: 'supplier_bill',
    partnerId: bill.partyId,
    invoiceDate: bill.billDate,
    currency: bill.currency,
    paymentTermCode: order.paymentTermCode,
    reference: bill.reference,
    originType: ORDER_ORIGIN,
    originId: order.id,
    originNumber: order.number,
    lines: lines.map((l) => ({
      productId: l.productId,
      quantity: l.qty,
      unitPrice: l.unitPrice,
      taxCode: l.taxCode,
      originLineId: l.orderLineId,
    })),
  });
  const posted = await postInvoice(tx, accounting, { invoiceId: draft.id });
  await tx.execute(
    sql`update purchasing_order_line l set qty_billed = l.qty_billed + b.qty, version = l.version + 1, updated_at = now()
          from (select order_line_id, sum(qty) as qty from purchasing_bill_line
                 where company_id = ${companyId} and bill_id = ${id} group by order_line_id) b
         where l.company_id = ${companyId} and l.id = b.order_line_id`,
  );
  await setBill(
    tx,
    companyId,
    id,
    sql`state = 'posted', invoice_id = ${posted.id}, invoice_number = ${posted.number}`,
  );
  const after = await orderLines(tx, companyId, order.id, actor.locale);
  const allBilled = after.every((l) => Number(l.qtyBilled) >= Number(l.qtyReceived) - Number(l.qtyReturned));
  if (order.state === 'received' && allBilled) await setOrder(tx, companyId, order.id, sql`state = 'billed'`);
  await recordAudit(tx, actor, {
    entity: BILL_ENTITY,
    entityId: id,
    action: 'post',
    before: { state: bill.state },
    after: { state: 'posted', invoiceId: posted.id, invoiceNumber: posted.number },
  });
  await publish(tx, actor, {
    type: 'supplier_bill.posted',
    aggregateType: ORDER_ENTITY,
    aggregateId: order.id,
    payload: {
      orderId: order.id,
      number: order.number,
      supplierId: order.supplierId,
      customerId: order.partyId,
      billId: id,
      invoiceId: posted.id,
      invoiceNumber: posted.number ?? '',
      total: posted.total,
      currency: posted.currency,
      summary: `Supplier bill ${posted.number} for ${order.number} posted (${posted.currency} ${posted.total})`,
    },
  });
  return loadBill(tx, companyId, id);
}
