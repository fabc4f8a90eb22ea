import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { rows, type Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { cancelOpenPickings, cancelProcurementNeeds, releaseReservations } from '../../inventory/index.ts';
import { ORDER_APPROVAL } from './confirm-gates.ts';
import type { CancelInput } from './contract.ts';
import { CREDIT_APPROVAL } from './credit-approval.ts';
import { ORIGIN_TYPE, reloadOrder } from './order.repo.ts';
import { applyOrderState, lockOrderFor } from './order-state.ts';

/**
 * Cancels an order nothing was delivered from: reservations released, open deliveries and procurement
 * needs cancelled, a pending credit or rule approval withdrawn. Once goods left, 422 — close it instead.
 */
export async function cancelOrder(tx: Tx, actor: Actor, id: string, input: CancelInput) {
  requirePermission(actor, 'sales.order.cancel');
  const row = await lockOrderFor(tx, actor, id, input.version, 'cancelled').catch(async (error) => {
    if (
      error?.code === 'sales.invalid_transition' &&
      ['partly_delivered', 'delivered'].includes(error.details?.from)
    )
      throw unprocessable('sales.order_delivered', 'Goods of this order were delivered; close it instead', {
        state: error.details.from,
      });
    throw error;
  });
  const delivered = await rows<{ qty: string }>(
    tx,
    sql`select coalesce(sum(qty_delivered), 0)::text as qty from sales_order_line
         where company_id = ${actor.companyId} and order_id = ${id}`,
  );
  if (new Decimal(delivered[0].qty).gt(0))
    throw unprocessable('sales.order_delivered', 'Goods of this order were delivered; close it instead', {
      state: row.state,
    });
  if (row.state === 'confirmed') {
    const origin = { originType: ORIGIN_TYPE, originId: id };
    await releaseReservations(tx, actor, origin);
    await cancelOpenPickings(tx, actor, origin);
    await cancelProcurementNeeds(tx, actor, origin);
    await tx.execute(
      sql`update sales_order_line set qty_reserved = 0, version = version + 1, updated_at = now()
           where company_id = ${actor.companyId} and order_id = ${id} and qty_reserved <> 0`,
    );
  }
  if (row.state === 'awaiting_approval')
    await tx.execute(
      sql`update platform_approval_request set status = 'cancelled', version = version + 1, updated_at = now()
           where company_id = ${actor.companyId} and kind in (${CREDIT_APPROVAL}, ${ORDER_APPROVAL}) and subject_id = ${id}
             and status = 'pending'`,
    );
  await applyOrderState(tx, actor, row, 'cancelled', {
    type: 'sales_order.cancelled',
    summary: `Sales order ${row.number} cancelled${input.reason ? `: ${input.reason}` : ''}`,
    note: input.reason ?? '',
  });
  return reloadOrder(tx, actor, id);
}
