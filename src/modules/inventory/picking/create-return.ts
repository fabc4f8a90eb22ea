import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { applyMoves, type MoveInput } from '../stock/apply-moves.ts';
import { bookStock } from '../stock/book-stock.ts';
import { virtualLocation, warehouseLocations } from '../warehouse/locations.ts';
import type { ReturnInput } from './contract.ts';
import {
  findPicking,
  insertPicking,
  loadPicking,
  PICKING_ENTITY,
  type PickingRow,
  updatePicking,
} from './picking.repo.ts';
import { type PlannedReturn, planReturn, type ReturnSlice } from './returnable.ts';

/**
 * A customer return against a done delivery, received at once: per delivery line at most what was
 * shipped less what came back before. Goods in good order go back to stock, doubtful ones to the
 * quality location, broken ones through the quality location to scrap — each at the unit cost the
 * delivery took them out at, lot by lot. Publishes `return.received` (a credit note follows later).
 */
export async function createReturn(tx: Tx, actor: Actor, input: ReturnInput) {
  requirePermission(actor, 'inventory.return.create');
  const companyId = actor.companyId;
  const delivery = await findPicking(tx, companyId, input.deliveryId, 'delivery', true);
  if (delivery.state !== 'done')
    throw unprocessable('inventory.delivery_not_done', 'Only a shipped delivery can be returned', {
      state: delivery.state,
    });
  const planned = await planReturn(tx, companyId, delivery.id, input.lines);
  const locations = await warehouseLocations(tx, companyId, delivery.warehouseId);
  const customer = await virtualLocation(tx, companyId, 'customer');
  const destination = (q: 'ok' | 'hold' | 'scrap') => (q === 'ok' ? locations.stock : locations.quality);
  const created = await insertPicking(
    tx,
    companyId,
    {
      kind: 'return_in',
      state: 'done',
      warehouseId: delivery.warehouseId,
      partyId: delivery.partyId,
      originType: delivery.originType,
      originId: delivery.originId,
      originNumber: delivery.originNumber,
      notes: input.reason,
      returnOfId: delivery.id,
    },
    planned.map((p) => {
      const first = p.parts[0];
      return {
        productId: first.productId,
        qty: p.qty.toFixed(4),
        originLineId: first.originLineId,
        quality: p.quality,
        locationId: destination(p.quality),
        lotNo: p.parts.length === 1 ? first.lotNo : null,
        unitCost: averageCost(p.parts),
        returnOfLineId: p.deliveryLineId,
      };
    }),
  );
  const scrap = planned.some((p) => p.quality === 'scrap')
    ? await virtualLocation(tx, companyId, 'scrap')
    : '';
  const moves = returnMoves(
    planned,
    { pickingId: created.id, lineIds: created.lineIds, delivery, reason: input.reason },
    {
      customer,
      scrap,
      destination,
    },
  );
  const applied = await applyMoves(tx, actor, moves);
  // Back in at the delivery's cost (the cost of goods sold is undone); scrapped goods are written off.
  await bookStock(
    tx,
    actor,
    { type: PICKING_ENTITY, id: created.id },
    `Return ${created.number}`,
    applied.map((m, i) =>
      moves[i].kind === 'scrap'
        ? { debit: 'inventory_adjustment', credit: 'inventory', value: m.value }
        : { debit: 'inventory', credit: 'cogs', value: m.value },
    ),
  );
  await tx.execute(
    sql`update inventory_picking_line set qty_done = qty where company_id = ${companyId} and picking_id = ${created.id}`,
  );
  await updatePicking(tx, companyId, created.id, sql`done_at = now(), done_by = ${actor.userId}`);
  await recordAudit(tx, actor, {
    entity: PICKING_ENTITY,
    entityId: created.id,
    action: 'create',
    reason: input.reason,
    after: {
      number: created.number,
      kind: 'return_in',
      state: 'done',
      returnOfId: delivery.id,
      lines: planned.map((p) => ({
        deliveryLineId: p.deliveryLineId,
        qty: p.qty.toFixed(4),
        quality: p.quality,
      })),
    },
  });
  const lineCount = planned.length;
  await publish(tx, actor, {
    type: 'return.received',
    aggregateType: 'inventory.picking',
    aggregateId: created.id,
    payload: {
      pickingId: created.id,
      number: created.number,
      deliveryId: delivery.id,
      originType: delivery.originType,
      originId: delivery.originId,
      ...(delivery.partyId ? { customerId: delivery.partyId } : {}),
      summary: `Return ${created.number} received for ${delivery.number}: ${lineCount} line${lineCount === 1 ? '' : 's'}`,
      lines: planned.map((p) => ({
        originLineId: p.parts[0].originLineId,
        productId: p.parts[0].productId,
        qty: p.qty.toFixed(4),
        quality: p.quality,
      })),
    },
  });
  return loadPicking(tx, companyId, created.id, 'return_in', actor.locale);
}

function averageCost(parts: Array<ReturnSlice & { take: Decimal }>): string {
  const qty = parts.reduce((s, p) => s.add(p.take), new Decimal(0));
  const value = parts.reduce((s, p) => s.add(p.take.mul(p.unitCost)), new Decimal(0));
  return qty.isZero() ? '0' : value.div(qty).toDecimalPlaces(6).toFixed(6);
}

/** The moves of a return: back from the customer at the delivery's cost, lot by lot; scrap goes on to scrap. */
function returnMoves(
  planned: PlannedReturn[],
  doc: { pickingId: string; lineIds: string[]; delivery: PickingRow; reason: string },
  to: { customer: string; scrap: string; destination: (q: 'ok' | 'hold' | 'scrap') => string },
): MoveInput[] {
  const moves: MoveInput[] = [];
  for (const [i, p] of planned.entries()) {
    const common = {
      productId: p.parts[0].productId,
      pickingId: doc.pickingId,
      pickingLineId: doc.lineIds[i],
      originType: doc.delivery.originType,
      originId: doc.delivery.originId,
      originLineId: p.parts[0].originLineId,
      note: doc.reason,
    };
    const dest = to.destination(p.quality);
    for (const part of p.parts) {
      const qty = part.take.toFixed(4);
      moves.push({
        ...common,
        kind: 'return_in',
        fromLocationId: to.customer,
        toLocationId: dest,
        qty,
        lotId: part.lotId,
        unitCost: part.unitCost,
      });
      if (p.quality === 'scrap')
        moves.push({
          ...common,
          kind: 'scrap',
          fromLocationId: dest,
          toLocationId: to.scrap,
          qty,
          lotId: part.lotId,
        });
    }
  }
  return moves;
}
