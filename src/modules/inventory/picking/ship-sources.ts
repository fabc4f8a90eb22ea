import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { conflict, unprocessable } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import type { StockProduct } from '../stock/products.repo.ts';
import { takeReserved } from '../stock/reservations.ts';
import { endLineReservations, freeStock, type Taken } from './line-reservations.ts';
import type { PickingLineView } from './picking.repo.ts';
import type { PlannedLine } from './picking.ts';

export interface Source extends Taken {
  reserved: boolean;
}

export const stockKey = (productId: string, locationId: string, lotId: string | null) =>
  `${productId}|${locationId}|${lotId ?? ''}`;

async function chosenLot(tx: Tx, companyId: string, product: StockProduct, lotNo: string): Promise<string> {
  if (!product.lotTracked && !product.expiryTracked)
    throw unprocessable('inventory.lot_not_tracked', 'This product is not tracked by lot', {
      productId: product.id,
      sku: product.sku,
    });
  const lot = await one<{ id: string }>(
    tx,
    sql`select id from inventory_lot where company_id = ${companyId} and product_id = ${product.id} and lot_no = ${lotNo}`,
  );
  if (!lot) throw unprocessable('inventory.lot_unknown', 'Unknown lot', { productId: product.id, lotNo });
  return lot.id;
}

/**
 * Where one line's shipped units come from: its reservations first (only those on the chosen lot
 * when the packer names one), then unreserved stock of the warehouse (FEFO), which the actor may
 * ship on top of the reservation. `planned` holds what earlier lines of the same shipment take, so
 * two lines never count the same free units. 409 `inventory.insufficient_stock` when short.
 */
export async function shipSources(
  tx: Tx,
  actor: Actor,
  ctx: { warehouseId: string; product: StockProduct; line: PickingLineView; plan: PlannedLine },
  planned: Map<string, Decimal>,
): Promise<Source[]> {
  const { line, plan, product } = ctx;
  const lotId = plan.lotNo ? await chosenLot(tx, actor.companyId, product, plan.lotNo) : undefined;
  let taken: Taken[] = [];
  if (lotId !== undefined)
    taken = await endLineReservations(tx, actor.companyId, {
      pickingLineId: line.id,
      qty: plan.qty,
      lotId,
      state: 'done',
    });
  else if (line.originLineId) {
    const fromReservation = Decimal.min(plan.qty, line.reservedQty);
    if (fromReservation.gt(0))
      taken = (
        await takeReserved(tx, actor, { originLineId: line.originLineId, qty: fromReservation.toFixed(4) })
      ).map((t) => ({ locationId: t.locationId, lotId: t.lotId, qty: new Decimal(t.qty) }));
  }
  const sources: Source[] = taken.map((t) => ({ ...t, reserved: true }));
  for (const t of taken) bump(planned, stockKey(product.id, t.locationId, t.lotId), t.qty);
  const rest = plan.qty.sub(taken.reduce((s, t) => s.add(t.qty), new Decimal(0)));
  if (rest.gt(0)) {
    const free = await freeStock(tx, actor.companyId, {
      productId: product.id,
      warehouseId: ctx.warehouseId,
      qty: rest,
      lotId,
      planned: (locationId, lot) => planned.get(stockKey(product.id, locationId, lot)) ?? new Decimal(0),
    });
    if (free.short.gt(0))
      throw conflict('inventory.insufficient_stock', 'Not enough stock available for this line', {
        lineId: line.id,
        productId: product.id,
        sku: product.sku,
        lotNo: plan.lotNo,
        requested: plan.qty.toFixed(4),
        available: plan.qty.sub(free.short).toFixed(4),
      });
    for (const t of free.taken) {
      bump(planned, stockKey(product.id, t.locationId, t.lotId), t.qty);
      sources.push({ ...t, reserved: false });
    }
  }
  return sources;
}

function bump(map: Map<string, Decimal>, key: string, qty: Decimal): void {
  map.set(key, (map.get(key) ?? new Decimal(0)).add(qty));
}
