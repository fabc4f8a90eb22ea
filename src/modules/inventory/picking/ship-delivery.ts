import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { applyMoves, type MoveInput } from '../stock/apply-moves.ts';
import { bookStock } from '../stock/book-stock.ts';
import { type StockProduct, stockProducts } from '../stock/products.repo.ts';
import { virtualLocation } from '../warehouse/locations.ts';
import { splitBackorder } from './backorder.ts';
import type { ShipInput } from './contract.ts';
import {
  assertVersion,
  auditablePicking,
  findPicking,
  loadPicking,
  PICKING_ENTITY,
  type PickingLineView,
  type PickingRow,
  pickingLines,
  updatePicking,
} from './picking.repo.ts';
import { type PlannedLine, planQuantities, remainders, shippedSummary, transition } from './picking.ts';
import { adoptReservations } from './reservation-links.ts';
import { shipSources } from './ship-sources.ts';

/**
 * Ships a delivery: per line the given quantity (default: what is reserved), from its reservations
 * and, if the actor chooses more, from free stock; moves go from the stock location (and lot) to the
 * customer location and carry their cost. The delivery is done with what left; whatever remains goes
 * to a backorder delivery that keeps the remaining reservations. Sales learns it from `delivery.shipped`.
 */
export async function shipDelivery(tx: Tx, actor: Actor, id: string, input: ShipInput) {
  requirePermission(actor, 'inventory.delivery.ship');
  const companyId = actor.companyId;
  const before = await findPicking(tx, companyId, id, 'delivery', true);
  assertVersion(before, input.version);
  const state = transition('delivery', before.state, 'ship');
  await adoptReservations(tx, companyId, before);
  const lines = await pickingLines(tx, companyId, id, actor.locale);
  const plan = planQuantities(lines, input.lines);
  const { moves, shipped } = await shipMoves(tx, actor, before, lines, plan);
  const applied = await applyMoves(tx, actor, moves);
  // Cost of goods sold at the moves' cost, in the same transaction as the stock leaving.
  await bookStock(
    tx,
    actor,
    { type: PICKING_ENTITY, id },
    `Delivery ${before.number}`,
    applied.map((m) => ({ debit: 'cogs', credit: 'inventory', value: m.value })),
  );
  for (const [lineId, qty] of shipped)
    await tx.execute(
      sql`update inventory_picking_line set qty_done = qty_done + ${qty.toFixed(4)}::numeric,
             version = version + 1, updated_at = now()
           where company_id = ${companyId} and id = ${lineId}`,
    );
  const carrier = input.carrier ?? before.carrier;
  const trackingNo = input.trackingNo ?? before.trackingNo;
  await updatePicking(
    tx,
    companyId,
    id,
    sql`state = ${state}, carrier = ${carrier}, tracking_no = ${trackingNo}, done_at = now(), done_by = ${actor.userId}`,
  );
  const left = remainders(lines, shipped).map((r) => {
    const line = lines.find((l) => l.id === r.lineId)!;
    return { lineId: r.lineId, productId: line.productId, originLineId: line.originLineId, qty: r.qty };
  });
  const backorderId = await splitBackorder(
    tx,
    actor,
    before,
    lines.map((l) => l.id),
    left,
  );
  const after = { ...before, state, carrier, trackingNo };
  await recordAudit(tx, actor, {
    entity: PICKING_ENTITY,
    entityId: id,
    action: 'ship',
    before: auditablePicking(before),
    after: {
      ...auditablePicking(after),
      backorderId,
      shipped: [...shipped].map(([lineId, qty]) => ({ lineId, qty: qty.toFixed(4) })),
    },
  });
  await publishShipped(tx, actor, after, lines, shipped, backorderId);
  return { ...(await loadPicking(tx, companyId, id, 'delivery', actor.locale)), backorderId };
}

async function publishShipped(
  tx: Tx,
  actor: Actor,
  p: {
    id: string;
    number: string;
    originType: string | null;
    originId: string | null;
    originNumber: string | null;
    partyId: string | null;
    carrier: string;
    trackingNo: string;
  },
  lines: Array<{ id: string; originLineId: string | null; productId: string }>,
  shipped: Map<string, Decimal>,
  backorderId: string | null,
): Promise<void> {
  const done = lines
    .filter((l) => shipped.has(l.id))
    .map((l) => ({
      originLineId: l.originLineId,
      productId: l.productId,
      qtyDone: (shipped.get(l.id) ?? new Decimal(0)).toFixed(4),
    }));
  await publish(tx, actor, {
    type: 'delivery.shipped',
    aggregateType: 'inventory.picking',
    aggregateId: p.id,
    payload: {
      pickingId: p.id,
      number: p.number,
      originType: p.originType,
      originId: p.originId,
      originNumber: p.originNumber,
      ...(p.partyId ? { customerId: p.partyId } : {}),
      summary: shippedSummary(p.number, done.length, p.carrier, p.trackingNo),
      carrier: p.carrier,
      trackingNo: p.trackingNo,
      backorderId,
      lines: done,
    },
  });
}

/** The moves of a shipment, line by line (reserved units first), and how much each line ships. */
async function shipMoves(
  tx: Tx,
  actor: Actor,
  picking: PickingRow,
  lines: PickingLineView[],
  plan: PlannedLine[],
): Promise<{ moves: MoveInput[]; shipped: Map<string, Decimal> }> {
  const products = await stockProducts(
    tx,
    actor.companyId,
    lines.map((l) => l.productId),
  );
  const customer = await virtualLocation(tx, actor.companyId, 'customer');
  const moves: MoveInput[] = [];
  const shipped = new Map<string, Decimal>();
  const planned = new Map<string, Decimal>();
  for (const p of plan) {
    const line = lines.find((l) => l.id === p.lineId) as PickingLineView;
    const product = products.get(line.productId) as StockProduct;
    const sources = await shipSources(
      tx,
      actor,
      { warehouseId: picking.warehouseId, product, line, plan: p },
      planned,
    );
    for (const s of sources)
      moves.push({
        kind: 'delivery',
        productId: line.productId,
        fromLocationId: s.locationId,
        toLocationId: customer,
        qty: s.qty.toFixed(4),
        lotId: s.lotId,
        pickingId: picking.id,
        pickingLineId: line.id,
        originType: picking.originType,
        originId: picking.originId,
        originLineId: line.originLineId,
        fromReserved: s.reserved,
      });
    shipped.set(line.id, p.qty);
  }
  return { moves, shipped };
}
