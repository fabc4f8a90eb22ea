import type { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { applyMoves, type MoveInput } from '../stock/apply-moves.ts';
import { bookStock } from '../stock/book-stock.ts';
import { virtualLocation, warehouseLocations } from '../warehouse/locations.ts';
import { allocateArrivals } from './allocate-arrivals.ts';
import { splitBackorder } from './backorder.ts';
import type { ValidateReceiptInput } from './contract.ts';
import {
  assertVersion,
  auditablePicking,
  findPicking,
  loadPicking,
  PICKING_ENTITY,
  pickingLines,
  updatePicking,
} from './picking.repo.ts';
import { planQuantities, remainders, transition } from './picking.ts';

/**
 * Receives a receipt: per line the given quantity (default: all of it), with the lot and expiry the
 * goods carry, from the supplier location into stock at the line's unit cost. What was not received
 * goes to a backorder receipt (still incoming).
 */
export async function validateReceipt(tx: Tx, actor: Actor, id: string, input: ValidateReceiptInput) {
  requirePermission(actor, 'inventory.receipt.validate');
  const companyId = actor.companyId;
  const before = await findPicking(tx, companyId, id, 'receipt', true);
  assertVersion(before, input.version);
  const state = transition('receipt', before.state, 'validate');
  const lines = await pickingLines(tx, companyId, id, actor.locale);
  // Without named lines everything arrives: the whole open quantity stands in for "reserved".
  const open = lines.map((l) => ({ ...l, reservedQty: l.qty }));
  const plan = planQuantities(open, input.lines);
  const overrides = new Map((input.lines ?? []).map((l) => [l.lineId, l]));
  const supplier = await virtualLocation(tx, companyId, 'supplier');
  const { stock } = await warehouseLocations(tx, companyId, before.warehouseId);
  const moves: MoveInput[] = [];
  const received = new Map<string, Decimal>();
  for (const p of plan) {
    const line = lines.find((l) => l.id === p.lineId)!;
    const lotNo = overrides.get(line.id)?.lotNo ?? line.lotNo;
    const expiryDate = overrides.get(line.id)?.expiryDate ?? line.expiryDate;
    moves.push({
      kind: 'receipt',
      productId: line.productId,
      fromLocationId: supplier,
      toLocationId: line.locationId ?? stock,
      qty: p.qty.toFixed(4),
      lotNo,
      expiryDate,
      unitCost: line.unitCost ?? '0',
      pickingId: id,
      pickingLineId: line.id,
      originType: before.originType,
      originId: before.originId,
      originLineId: line.originLineId,
    });
    received.set(line.id, p.qty);
    await tx.execute(
      sql`update inventory_picking_line set qty_done = qty_done + ${p.qty.toFixed(4)}::numeric, lot_no = ${lotNo},
             expiry_date = ${expiryDate}::date, version = version + 1, updated_at = now()
           where company_id = ${companyId} and id = ${line.id}`,
    );
  }
  const applied = await applyMoves(tx, actor, moves);
  // Stock in at its cost against goods received not invoiced (the supplier bill clears it).
  await bookStock(
    tx,
    actor,
    { type: PICKING_ENTITY, id },
    `Receipt ${before.number}`,
    applied.map((m) => ({ debit: 'inventory', credit: 'grni', value: m.value })),
  );
  // The goods are in: waiting sales-order backorders take them first come, first served.
  await allocateArrivals(tx, actor, {
    warehouseId: before.warehouseId,
    productIds: moves.map((m) => m.productId),
  });
  await updatePicking(tx, companyId, id, sql`state = ${state}, done_at = now(), done_by = ${actor.userId}`);
  const left = remainders(lines, received).map((r) => {
    const line = lines.find((l) => l.id === r.lineId)!;
    return { ...r, productId: line.productId, originLineId: line.originLineId, unitCost: line.unitCost };
  });
  const backorderId = await splitBackorder(
    tx,
    actor,
    before,
    lines.map((l) => l.id),
    left,
  );
  await recordAudit(tx, actor, {
    entity: PICKING_ENTITY,
    entityId: id,
    action: 'validate',
    before: auditablePicking(before),
    after: { ...auditablePicking({ ...before, state }), backorderId },
  });
  await publish(tx, actor, {
    type: 'receipt.done',
    aggregateType: 'inventory.picking',
    aggregateId: id,
    payload: {
      pickingId: id,
      number: before.number,
      warehouseId: before.warehouseId,
      partyId: before.partyId,
      originType: before.originType,
      originId: before.originId,
      backorderId,
      lines: moves.map((m, i) => ({
        pickingLineId: m.pickingLineId,
        originLineId: m.originLineId ?? null,
        productId: m.productId,
        qty: m.qty,
        unitCost: applied[i].unitCost,
        lotNo: m.lotNo ?? null,
      })),
    },
  });
  return { ...(await loadPicking(tx, companyId, id, 'receipt', actor.locale)), backorderId };
}
