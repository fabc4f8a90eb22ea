import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { nextNumberInYear } from '../../../platform/sequences/next-number.ts';
import { defaultWarehouse } from '../../inventory/index.ts';
import { addDays, purchasingSettings } from '../settings.ts';
import { findSupplier } from '../supplier/supplier.repo.ts';
import { buildLines, rateOn, writeLines } from './build-lines.ts';
import type { OrderInput, OrderView } from './contract.ts';
import { auditableOrder, loadOrder, ORDER_ENTITY } from './order.repo.ts';

/** `PO-2026-00001`: the company's yearly purchase order counter. */
async function nextOrderNumber(tx: Tx, companyId: string): Promise<string> {
  const { seq, year } = await nextNumberInYear(tx, companyId, 'purchasing.order');
  return `PO-${year}-${String(seq).padStart(5, '0')}`;
}

/**
 * A draft purchase order (an RFQ until confirmed) for an active supplier: its currency and payment
 * term unless given, the rate of the order date, prices from the supplier's price list unless typed,
 * the expected date from the longest line lead time unless given. `requisitions[i]` are the
 * requisitions line i orders (they become `ordered`).
 */
export async function createPurchaseOrder(
  tx: Tx,
  actor: Actor,
  input: OrderInput,
  requisitions: string[][] = [],
): Promise<OrderView> {
  requirePermission(actor, 'purchasing.order.create');
  const companyId = actor.companyId;
  const supplier = await findSupplier(tx, companyId, input.supplierId);
  if (!supplier.active)
    throw unprocessable('purchasing.supplier_inactive', 'The supplier is not active', {
      supplierId: supplier.id,
    });
  const settings = await purchasingSettings(tx, companyId);
  const orderDate = input.orderDate ?? settings.today;
  const currency = input.currency ?? supplier.currency;
  const rate = await rateOn(tx, companyId, currency, orderDate);
  const warehouseId = input.warehouseId ?? (await defaultWarehouse(tx, companyId)).id;
  const lines = await buildLines(
    tx,
    companyId,
    { supplierId: supplier.id, currency, orderDate, supplierLeadDays: supplier.leadTimeDays },
    input.lines,
  );
  const lead = Math.max(...lines.map((l) => l.leadTimeDays));
  const expectedDate = input.expectedDate === undefined ? addDays(orderDate, lead) : input.expectedDate;
  if (expectedDate && expectedDate < orderDate)
    throw unprocessable('purchasing.expected_before_order', 'The expected date is before the order date', {
      orderDate,
      expectedDate,
    });
  const id = newId();
  const number = await nextOrderNumber(tx, companyId);
  await tx.execute(
    sql`insert into purchasing_order (company_id, id, number, supplier_id, warehouse_id, order_date, expected_date,
          currency, exchange_rate, payment_term_code, notes, created_by)
        values (${companyId}, ${id}, ${number}, ${supplier.id}, ${warehouseId}, ${orderDate}, ${expectedDate},
          ${currency}, ${rate}, ${input.paymentTermCode === undefined ? supplier.paymentTermCode : input.paymentTermCode},
          ${input.notes ?? ''}, ${actor.name === 'system' ? null : actor.userId})`,
  );
  await writeLines(tx, companyId, id, rate, lines);
  for (const [i, ids] of requisitions.entries())
    if (ids.length > 0)
      await tx.execute(
        sql`update purchasing_requisition set state = 'ordered', order_id = ${id}, order_line_id = ${lines[i].id},
               version = version + 1, updated_at = now()
             where company_id = ${companyId} and id = any(${`{${ids.join(',')}}`}::uuid[])`,
      );
  const view = await loadOrder(tx, companyId, id, actor.locale);
  await recordAudit(tx, actor, {
    entity: ORDER_ENTITY,
    entityId: id,
    action: 'create',
    after: { ...auditableOrder(view), lines: view.lines.map((l) => [l.productId, l.qty, l.unitPrice]) },
  });
  return view;
}
