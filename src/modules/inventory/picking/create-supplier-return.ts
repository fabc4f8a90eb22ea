import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { conflict, unprocessable } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { type AppliedMove, applyMoves, type MoveInput } from '../stock/apply-moves.ts';
import { bookStock, type StockBooking } from '../stock/book-stock.ts';
import { virtualLocation, warehouseLocations } from '../warehouse/locations.ts';
import { assertParty, assertWarehouse } from './create-delivery.ts';
import { freeStock, type Taken } from './line-reservations.ts';
import { insertPicking, PICKING_ENTITY, updatePicking } from './picking.repo.ts';

export interface SupplierReturnInput {
  warehouseId: string;
  /** The supplier's party. */
  partyId: string | null;
  /** The document that bought the goods (a purchase order). */
  originType: string;
  originId: string;
  originNumber: string;
  reason: string;
  lines: Array<{
    originLineId: string;
    productId: string;
    qty: string;
    /** Only this lot leaves; without one, free stock of the warehouse FEFO. */
    lotNo?: string | null;
    /** What the receipt valued a unit at (company currency): goods received not invoiced was credited at it. */
    unitCost: string;
  }>;
}

export interface SupplierReturnResult {
  id: string;
  number: string;
  /** Stock value that left (the moves' value). */
  value: string;
  lines: Array<{ originLineId: string; qty: string; value: string }>;
}

async function lotIdOf(tx: Tx, companyId: string, productId: string, lotNo: string): Promise<string> {
  const lot = await one<{ id: string }>(
    tx,
    sql`select id from inventory_lot where company_id = ${companyId} and product_id = ${productId} and lot_no = ${lotNo}`,
  );
  if (!lot) throw unprocessable('inventory.lot_unknown', 'Unknown lot', { productId, lotNo });
  return lot.id;
}

/** Where each line's units leave from: unreserved stock of the warehouse (the named lot only), FEFO. */
async function returnSources(tx: Tx, companyId: string, input: SupplierReturnInput): Promise<Taken[][]> {
  const planned = new Map<string, Decimal>();
  const key = (productId: string, locationId: string, lotId: string | null) =>
    `${productId}|${locationId}|${lotId ?? ''}`;
  const sources: Taken[][] = [];
  for (const line of input.lines) {
    const qty = new Decimal(line.qty);
    if (!qty.gt(0))
      throw unprocessable('inventory.qty_invalid', 'A return line needs a quantity > 0', { qty: line.qty });
    const lotId = line.lotNo ? await lotIdOf(tx, companyId, line.productId, line.lotNo) : undefined;
    const free = await freeStock(tx, companyId, {
      productId: line.productId,
      warehouseId: input.warehouseId,
      qty,
      lotId,
      planned: (locationId, lot) => planned.get(key(line.productId, locationId, lot)) ?? new Decimal(0),
    });
    if (free.short.gt(0))
      throw conflict('inventory.insufficient_stock', 'Not enough free stock to return', {
        originLineId: line.originLineId,
        productId: line.productId,
        lotNo: line.lotNo ?? null,
        requested: qty.toFixed(4),
        available: qty.sub(free.short).toFixed(4),
      });
    for (const t of free.taken) {
      const k = key(line.productId, t.locationId, t.lotId);
      planned.set(k, (planned.get(k) ?? new Decimal(0)).add(t.qty));
    }
    sources.push(free.taken);
  }
  return sources;
}

/**
 * The ledger of a return: the stock leaves at its average cost (Cr inventory at the moves' value, as
 * every issue does); goods received not invoiced is debited at the cost the receipt credited it with, so
 * it clears against the supplier's bill or credit note at the PO price; the difference between the two
 * values (the average moved since the receipt) goes to inventory adjustment.
 */
export function supplierReturnBookings(
  lines: Array<{ receiptValue: Decimal; stockValue: Decimal }>,
): StockBooking[] {
  const bookings: StockBooking[] = [];
  for (const l of lines) {
    const common = Decimal.min(l.receiptValue, l.stockValue);
    bookings.push({ debit: 'grni', credit: 'inventory', value: common });
    if (l.receiptValue.gt(l.stockValue))
      bookings.push({
        debit: 'grni',
        credit: 'inventory_adjustment',
        value: l.receiptValue.sub(l.stockValue),
      });
    if (l.stockValue.gt(l.receiptValue))
      bookings.push({
        debit: 'inventory_adjustment',
        credit: 'inventory',
        value: l.stockValue.sub(l.receiptValue),
      });
  }
  return bookings;
}

/**
 * Service API for the modules that buy (purchasing): goods go back to the supplier at once — a done
 * `return_out` document (RS-2026-00001), moves from the warehouse's free stock to the supplier location
 * at the average cost, booked in the same transaction (see supplierReturnBookings). Reserved stock is
 * not taken (409 `inventory.insufficient_stock`). No permission check: the calling use case authorised it.
 */
export async function createSupplierReturn(
  tx: Tx,
  actor: Actor,
  input: SupplierReturnInput,
): Promise<SupplierReturnResult> {
  const companyId = actor.companyId;
  await assertWarehouse(tx, companyId, input.warehouseId);
  await assertParty(tx, companyId, input.partyId);
  const sources = await returnSources(tx, companyId, input);
  const supplier = await virtualLocation(tx, companyId, 'supplier');
  const { stock } = await warehouseLocations(tx, companyId, input.warehouseId);
  const created = await insertPicking(
    tx,
    companyId,
    {
      kind: 'return_out',
      state: 'done',
      warehouseId: input.warehouseId,
      partyId: input.partyId,
      originType: input.originType,
      originId: input.originId,
      originNumber: input.originNumber,
      notes: input.reason,
    },
    input.lines.map((l) => ({
      productId: l.productId,
      qty: new Decimal(l.qty).toFixed(4),
      originLineId: l.originLineId,
      locationId: stock,
      lotNo: l.lotNo ?? null,
      unitCost: new Decimal(l.unitCost).toDecimalPlaces(6).toString(),
    })),
  );
  const moves: MoveInput[] = [];
  const moveLine: number[] = [];
  for (const [i, line] of input.lines.entries())
    for (const s of sources[i]) {
      moves.push({
        kind: 'return_out',
        productId: line.productId,
        fromLocationId: s.locationId,
        toLocationId: supplier,
        qty: s.qty.toFixed(4),
        lotId: s.lotId,
        pickingId: created.id,
        pickingLineId: created.lineIds[i],
        originType: input.originType,
        originId: input.originId,
        originLineId: line.originLineId,
        note: input.reason,
      });
      moveLine.push(i);
    }
  const applied = await applyMoves(tx, actor, moves);
  const perLine = lineValues(input, applied, moveLine);
  await bookStock(
    tx,
    actor,
    { type: PICKING_ENTITY, id: created.id },
    `Return to supplier ${created.number}`,
    supplierReturnBookings(perLine),
  );
  await tx.execute(
    sql`update inventory_picking_line set qty_done = qty where company_id = ${companyId} and picking_id = ${created.id}`,
  );
  await updatePicking(tx, companyId, created.id, sql`done_at = now(), done_by = ${actor.userId}`);
  const value = perLine.reduce((s, l) => s.add(l.stockValue), new Decimal(0));
  await recordAudit(tx, actor, {
    entity: PICKING_ENTITY,
    entityId: created.id,
    action: 'create',
    reason: input.reason,
    after: {
      number: created.number,
      kind: 'return_out',
      state: 'done',
      originType: input.originType,
      originNumber: input.originNumber,
      value: value.toFixed(2),
      lines: input.lines.map((l, i) => ({ ...l, value: perLine[i].stockValue.toFixed(2) })),
    },
  });
  return {
    id: created.id,
    number: created.number,
    value: value.toFixed(2),
    lines: input.lines.map((l, i) => ({
      originLineId: l.originLineId,
      qty: new Decimal(l.qty).toFixed(4),
      value: perLine[i].stockValue.toFixed(2),
    })),
  };
}

function lineValues(input: SupplierReturnInput, applied: AppliedMove[], moveLine: number[]) {
  const stockValue = input.lines.map(() => new Decimal(0));
  applied.forEach((m, k) => {
    stockValue[moveLine[k]] = stockValue[moveLine[k]].add(m.value);
  });
  return input.lines.map((l, i) => ({
    receiptValue: new Decimal(l.qty).mul(l.unitCost).toDecimalPlaces(2, Decimal.ROUND_HALF_UP),
    stockValue: stockValue[i],
  }));
}
