import { sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { cancelOpenPickings, cancelProcurementNeeds } from '../../inventory/index.ts';
import type { CloseInput } from './contract.ts';
import { ORIGIN_TYPE, reloadOrder } from './order.repo.ts';
import { applyOrderState, lockOrderFor } from './order-state.ts';

/**
 * Closes a delivered or partly delivered order: what was not delivered will not be — the open
 * backorder is cancelled (releasing its reservations) and so are open procurement needs.
 */
export async function closeOrder(tx: Tx, actor: Actor, id: string, input: CloseInput) {
  requirePermission(actor, 'sales.order.close');
  const row = await lockOrderFor(tx, actor, id, input.version, 'closed');
  const origin = { originType: ORIGIN_TYPE, originId: id };
  await cancelOpenPickings(tx, actor, origin);
  await cancelProcurementNeeds(tx, actor, origin);
  await tx.execute(
    sql`update sales_order_line set qty_reserved = 0, version = version + 1, updated_at = now()
         where company_id = ${actor.companyId} and order_id = ${id} and qty_reserved <> 0`,
  );
  await applyOrderState(tx, actor, row, 'closed', {
    type: 'sales_order.closed',
    summary: `Sales order ${row.number} closed`,
  });
  return reloadOrder(tx, actor, id);
}
