import { type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { findSupplier } from '../supplier/supplier.repo.ts';
import { buildLines, rateOn, writeLines } from './build-lines.ts';
import type { OrderPatch, OrderView } from './contract.ts';
import { assertVersion, auditableOrder, findOrder, loadOrder, ORDER_ENTITY, setOrder } from './order.repo.ts';
import { EDITABLE } from './order.ts';

/**
 * Edits an order while it is a draft or sent RFQ. New lines replace the old ones; requisitions the old
 * lines ordered go back to `approved` (they may be ordered again).
 */
export async function updatePurchaseOrder(
  tx: Tx,
  actor: Actor,
  id: string,
  patch: OrderPatch,
): Promise<OrderView> {
  requirePermission(actor, 'purchasing.order.create');
  const companyId = actor.companyId;
  const before = await findOrder(tx, companyId, id, true);
  assertVersion(before, patch.version);
  if (!EDITABLE.includes(before.state))
    throw unprocessable('purchasing.order_not_editable', 'Only draft or sent orders can be edited', {
      state: before.state,
    });
  const orderDate = patch.orderDate ?? before.orderDate;
  const currency = patch.currency ?? before.currency;
  const rate = await rateOn(tx, companyId, currency, orderDate);
  const expectedDate = patch.expectedDate === undefined ? before.expectedDate : patch.expectedDate;
  if (expectedDate && expectedDate < orderDate)
    throw unprocessable('purchasing.expected_before_order', 'The expected date is before the order date', {
      orderDate,
      expectedDate,
    });
  const sets: SQL[] = [
    sql`order_date = ${orderDate}`,
    sql`currency = ${currency}`,
    sql`exchange_rate = ${rate}`,
    sql`expected_date = ${expectedDate}`,
  ];
  if (patch.warehouseId) sets.push(sql`warehouse_id = ${patch.warehouseId}`);
  if (patch.paymentTermCode !== undefined) sets.push(sql`payment_term_code = ${patch.paymentTermCode}`);
  if (patch.notes !== undefined) sets.push(sql`notes = ${patch.notes}`);
  await setOrder(tx, companyId, id, sql.join(sets, sql`, `));
  if (patch.lines) {
    await tx.execute(
      sql`update purchasing_requisition set state = 'approved', order_id = null, order_line_id = null,
             version = version + 1, updated_at = now()
           where company_id = ${companyId} and order_id = ${id} and state = 'ordered'`,
    );
    const supplier = await findSupplier(tx, companyId, before.supplierId);
    const lines = await buildLines(
      tx,
      companyId,
      { supplierId: supplier.id, currency, orderDate, supplierLeadDays: supplier.leadTimeDays },
      patch.lines,
    );
    await writeLines(tx, companyId, id, rate, lines);
  } else if (currency !== before.currency || rate !== before.exchangeRate) {
    await tx.execute(
      sql`update purchasing_order set total_company = round(total * ${rate}::numeric, 2)
           where company_id = ${companyId} and id = ${id}`,
    );
  }
  const after = await loadOrder(tx, companyId, id, actor.locale);
  await recordAudit(tx, actor, {
    entity: ORDER_ENTITY,
    entityId: id,
    action: 'update',
    before: auditableOrder(before),
    after: auditableOrder(after),
  });
  return after;
}
