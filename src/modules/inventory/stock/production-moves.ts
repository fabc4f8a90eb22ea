import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { type Executor, one, rows, type Tx, textArray } from '../../../platform/db/tx.ts';
import { conflict, unprocessable } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { freeStock, type Taken } from '../picking/line-reservations.ts';
import { virtualLocation, warehouseLocations } from '../warehouse/locations.ts';
import { applyMoves, type MoveInput } from './apply-moves.ts';
import { lockBalancesById, writeReserved } from './balance.repo.ts';
import { stockProducts } from './products.repo.ts';

// Production's side of the stock ledger: components leave stock for the virtual `production` location
// (move kind production_out), finished goods come back from it (production_in). The manufacturing module
// calls these and books the ledger for the values they return.

export interface ProductionOrigin {
  warehouseId: string;
  originType: string;
  originId: string;
  originNumber: string;
}

export interface ConsumeLine {
  originLineId: string;
  productId: string;
  qty: string;
  lotNo?: string | null;
}

/** The average cost issues leave at, per product (products never costed are absent). For BOM cost roll-ups. */
export async function averageCosts(
  ex: Executor,
  companyId: string,
  productIds: string[],
): Promise<Map<string, string>> {
  const ids = [...new Set(productIds.map((id) => id.toLowerCase()))];
  if (ids.length === 0) return new Map();
  const found = await rows<{ product_id: string; avg_cost: string }>(
    ex,
    sql`select product_id, avg_cost::text as avg_cost from inventory_cost
         where company_id = ${companyId} and product_id::text = any(${textArray(ids)})
           and (qty <> 0 or avg_cost <> 0)`,
  );
  return new Map(found.map((r) => [r.product_id, r.avg_cost]));
}

/** Ends up to `qty` of an origin line's active reservations (only those on one lot when given), FEFO. */
async function takeLineReservations(
  tx: Tx,
  companyId: string,
  input: { originLineId: string; qty: Decimal; lotId?: string | null },
): Promise<Taken[]> {
  const lot = input.lotId !== undefined ? sql`and b.lot_id is not distinct from ${input.lotId}::uuid` : sql``;
  const held = () =>
    rows<{ id: string; balance_id: string; location_id: string; lot_id: string | null; qty: string }>(
      tx,
      sql`select r.id, r.balance_id, b.location_id, b.lot_id, r.qty::text as qty
            from inventory_reservation r
            join inventory_balance b on b.company_id = r.company_id and b.id = r.balance_id
            left join inventory_lot l on l.company_id = b.company_id and l.id = b.lot_id
           where r.company_id = ${companyId} and r.state = 'active' and r.origin_line_id = ${input.originLineId} ${lot}
           order by l.expiry_date nulls last, r.id`,
    );
  const found = await held();
  if (found.length === 0 || input.qty.lte(0)) return [];
  const balances = await lockBalancesById(
    tx,
    companyId,
    found.map((r) => r.balance_id),
  );
  let left = input.qty;
  const taken: Taken[] = [];
  // Re-read under the balance locks: a concurrent writer may have changed them meanwhile.
  for (const r of await held()) {
    if (left.lte(0)) break;
    const b = balances.get(r.balance_id);
    if (!b) continue;
    const take = Decimal.min(left, r.qty);
    const rest = new Decimal(r.qty).sub(take);
    b.reserved = Decimal.max(0, b.reserved.sub(take));
    left = left.sub(take);
    await tx.execute(
      sql`update inventory_reservation set qty = ${rest.toFixed(4)}, state = ${rest.isZero() ? 'done' : 'active'},
             version = version + 1, updated_at = now()
           where company_id = ${companyId} and id = ${r.id}`,
    );
    taken.push({ locationId: r.location_id, lotId: r.lot_id, qty: take });
  }
  for (const b of balances.values()) await writeReserved(tx, companyId, b);
  return taken;
}

async function lotIdOf(tx: Tx, companyId: string, productId: string, lotNo: string): Promise<string> {
  const lot = await one<{ id: string }>(
    tx,
    sql`select id from inventory_lot where company_id = ${companyId} and product_id = ${productId} and lot_no = ${lotNo}`,
  );
  if (!lot) throw unprocessable('inventory.lot_unknown', 'Unknown lot', { productId, lotNo });
  return lot.id;
}

/**
 * Components leave the warehouse's stock for production: each line takes its own reservations first
 * (FEFO; only the named lot's when a lot is given), then free stock of the warehouse; 409
 * `inventory.insufficient_stock` when short. Returns the value that left, in total and per line.
 */
export async function consumeForProduction(
  tx: Tx,
  actor: Actor,
  input: ProductionOrigin & { originType: 'production_order'; lines: ConsumeLine[] },
): Promise<{ value: string; lines: Array<{ originLineId: string; qty: string; value: string }> }> {
  const companyId = actor.companyId;
  const production = await virtualLocation(tx, companyId, 'production');
  const products = await stockProducts(
    tx,
    companyId,
    input.lines.map((l) => l.productId),
  );
  const planned = new Map<string, Decimal>();
  const moves: MoveInput[] = [];
  const moveLine: number[] = [];
  for (const [index, line] of input.lines.entries()) {
    const qty = new Decimal(line.qty);
    const productId = line.productId.toLowerCase();
    const lotId = line.lotNo ? await lotIdOf(tx, companyId, productId, line.lotNo) : undefined;
    const sources = await takeLineReservations(tx, companyId, {
      originLineId: line.originLineId,
      qty,
      lotId,
    });
    const rest = qty.sub(sources.reduce((s, t) => s.add(t.qty), new Decimal(0)));
    for (const s of sources) bump(planned, key(productId, s), s.qty);
    if (rest.gt(0)) {
      const free = await freeStock(tx, companyId, {
        productId,
        warehouseId: input.warehouseId,
        qty: rest,
        lotId,
        planned: (locationId, lot) =>
          planned.get(key(productId, { locationId, lotId: lot })) ?? new Decimal(0),
      });
      if (free.short.gt(0))
        throw conflict('inventory.insufficient_stock', 'Not enough stock available for this component', {
          originLineId: line.originLineId,
          productId,
          sku: products.get(productId)?.sku,
          lotNo: line.lotNo ?? null,
          requested: qty.toFixed(4),
          available: qty.sub(free.short).toFixed(4),
        });
      for (const t of free.taken) bump(planned, key(productId, t), t.qty);
      sources.push(...free.taken);
    }
    for (const s of sources) {
      moves.push({
        kind: 'production_out',
        productId,
        fromLocationId: s.locationId,
        toLocationId: production,
        qty: s.qty.toFixed(4),
        lotId: s.lotId,
        originType: input.originType,
        originId: input.originId,
        originLineId: line.originLineId,
        note: input.originNumber,
        fromReserved: true,
      });
      moveLine.push(index);
    }
  }
  const applied = await applyMoves(tx, actor, moves);
  const perLine = input.lines.map((l) => ({
    originLineId: l.originLineId,
    qty: l.qty,
    value: new Decimal(0),
  }));
  applied.forEach((m, i) => {
    perLine[moveLine[i]].value = perLine[moveLine[i]].value.add(m.value);
  });
  const total = perLine.reduce((s, l) => s.add(l.value), new Decimal(0));
  return {
    value: total.toFixed(2),
    lines: perLine.map((l) => ({ originLineId: l.originLineId, qty: l.qty, value: l.value.toFixed(2) })),
  };
}

/**
 * Finished goods come from production into the warehouse's stock location at the given unit cost
 * (lots created by number, with their expiry). Returns the value that came in.
 */
export async function receiveFromProduction(
  tx: Tx,
  actor: Actor,
  input: ProductionOrigin & {
    lines: Array<{
      originLineId: string;
      productId: string;
      qty: string;
      unitCost: string;
      lotNo?: string | null;
      expiryDate?: string | null;
    }>;
  },
): Promise<{ value: string }> {
  const companyId = actor.companyId;
  const production = await virtualLocation(tx, companyId, 'production');
  const { stock } = await warehouseLocations(tx, companyId, input.warehouseId);
  const applied = await applyMoves(
    tx,
    actor,
    input.lines.map((l) => ({
      kind: 'production_in',
      productId: l.productId,
      fromLocationId: production,
      toLocationId: stock,
      qty: l.qty,
      unitCost: l.unitCost,
      lotNo: l.lotNo ?? null,
      expiryDate: l.expiryDate ?? null,
      originType: input.originType,
      originId: input.originId,
      originLineId: l.originLineId,
      note: input.originNumber,
    })),
  );
  return { value: applied.reduce((s, m) => s.add(m.value), new Decimal(0)).toFixed(2) };
}

const key = (productId: string, t: { locationId: string; lotId: string | null }) =>
  `${productId}|${t.locationId}|${t.lotId ?? ''}`;

function bump(map: Map<string, Decimal>, k: string, qty: Decimal): void {
  map.set(k, (map.get(k) ?? new Decimal(0)).add(qty));
}
