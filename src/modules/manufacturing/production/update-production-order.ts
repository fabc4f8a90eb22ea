import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { type BomInForce, bomsById } from '../bom/bom.repo.ts';
import type { ProductionOrder, ProductionOrderUpdate } from './contract.ts';
import { writeOrderLines } from './create-production-orders.ts';
import { bumpOrder, findOrder, loadOrder, PRODUCTION_ENTITY } from './production.repo.ts';
import { productionTransition } from './production.ts';

/** Edits a draft or planned order; a new quantity re-plans its component lines from the order's BOM. */
export async function updateProductionOrder(
  tx: Tx,
  actor: Actor,
  id: string,
  input: ProductionOrderUpdate,
): Promise<ProductionOrder> {
  requirePermission(actor, 'manufacturing.production.create');
  const companyId = actor.companyId;
  const order = await findOrder(tx, companyId, id, { lock: true, version: input.version });
  productionTransition(order.state, 'edit');
  const start = input.plannedStart !== undefined ? input.plannedStart : order.plannedStart;
  const finish = input.plannedFinish !== undefined ? input.plannedFinish : order.plannedFinish;
  if (start && finish && start > finish)
    throw unprocessable('manufacturing.production_dates', 'The planned start is after the planned finish', {
      plannedStart: start,
      plannedFinish: finish,
    });
  const qty = input.qty ?? order.qty;
  await bumpOrder(
    tx,
    companyId,
    id,
    sql`qty = ${qty}, planned_start = ${start}, planned_finish = ${finish}, notes = ${input.notes ?? order.notes}`,
  );
  if (input.qty) {
    const bom = [...(await bomsById(tx, companyId, [order.bomId])).values()][0] as BomInForce;
    await writeOrderLines(tx, companyId, id, qty, bom);
  }
  await recordAudit(tx, actor, {
    entity: PRODUCTION_ENTITY,
    entityId: id,
    action: 'update',
    before: {
      qty: order.qty,
      plannedStart: order.plannedStart,
      plannedFinish: order.plannedFinish,
      notes: order.notes,
    },
    after: { qty, plannedStart: start, plannedFinish: finish, notes: input.notes ?? order.notes },
  });
  return loadOrder(tx, companyId, id, actor.locale);
}
