import { Decimal } from 'decimal.js';
import { type SQL, sql } from 'drizzle-orm';
import { rows, type Tx } from '../../../platform/db/tx.ts';
import { lockBalancesById, writeReserved } from '../stock/balance.repo.ts';

export interface Taken {
  locationId: string;
  lotId: string | null;
  qty: Decimal;
}

interface HeldRow {
  id: string;
  balance_id: string;
  location_id: string;
  lot_id: string | null;
  qty: string;
}

function held(tx: Tx, companyId: string, where: SQL, lastExpiringFirst: boolean) {
  return rows<HeldRow>(
    tx,
    sql`select r.id, r.balance_id, b.location_id, b.lot_id, r.qty::text as qty
          from inventory_reservation r
          join inventory_balance b on b.company_id = r.company_id and b.id = r.balance_id
          left join inventory_lot lot on lot.company_id = b.company_id and lot.id = b.lot_id
         where r.company_id = ${companyId} and r.state = 'active' and ${where}
         order by ${lastExpiringFirst ? sql`lot.expiry_date desc nulls first, r.id desc` : sql`lot.expiry_date nulls last, r.id`}`,
  );
}

/**
 * Ends up to `qty` of a document line's reservations, optionally only those on one lot (the packer
 * chose that lot). `done`, FEFO first: the units are about to leave with a move (the caller applies it,
 * as after takeReserved); `released`, last-expiring first so the FEFO lots stay held: they are freed
 * (more was reserved than the line still needs).
 * The balances are locked in the engine's fixed order before any reservation changes.
 */
export async function endLineReservations(
  tx: Tx,
  companyId: string,
  input: { pickingLineId: string; qty: Decimal | 'all'; lotId?: string | null; state: 'done' | 'released' },
): Promise<Taken[]> {
  if (input.qty !== 'all' && input.qty.lte(0)) return [];
  const where =
    input.lotId !== undefined
      ? sql`r.picking_line_id = ${input.pickingLineId} and b.lot_id is not distinct from ${input.lotId}::uuid`
      : sql`r.picking_line_id = ${input.pickingLineId}`;
  const release = input.state === 'released';
  const found = await held(tx, companyId, where, release);
  if (found.length === 0) return [];
  const balances = await lockBalancesById(
    tx,
    companyId,
    found.map((r) => r.balance_id),
  );
  let left = input.qty === 'all' ? new Decimal(Number.MAX_SAFE_INTEGER) : input.qty;
  const taken: Taken[] = [];
  // Re-read under the balance locks: a concurrent writer may have changed them meanwhile.
  for (const r of await held(tx, companyId, where, release)) {
    if (left.lte(0)) break;
    const b = balances.get(r.balance_id);
    if (!b) continue;
    const take = Decimal.min(left, r.qty);
    const rest = new Decimal(r.qty).sub(take);
    b.reserved = Decimal.max(0, b.reserved.sub(take));
    left = left.sub(take);
    const state = rest.isZero() ? input.state : 'active';
    await tx.execute(
      sql`update inventory_reservation set qty = ${rest.toFixed(4)}, state = ${state},
             version = version + 1, updated_at = now()
           where company_id = ${companyId} and id = ${r.id}`,
    );
    taken.push({ locationId: r.location_id, lotId: r.lot_id, qty: take });
  }
  for (const b of balances.values()) await writeReserved(tx, companyId, b);
  return taken;
}

/**
 * Unreserved stock a line may ship beyond its reservation: stock locations of the warehouse, FEFO,
 * only the given lot when one is chosen, less what the shipment already takes. Not locked: applyMoves locks and re-checks, so a concurrent
 * taker makes this fail with 409 rather than oversell.
 */
export async function freeStock(
  tx: Tx,
  companyId: string,
  input: {
    productId: string;
    warehouseId: string;
    qty: Decimal;
    lotId?: string | null;
    /** Units of a balance this shipment already takes (they are still on hand until the moves run). */
    planned: (locationId: string, lotId: string | null) => Decimal;
  },
): Promise<{ taken: Taken[]; short: Decimal }> {
  const lot = input.lotId !== undefined ? sql`and b.lot_id is not distinct from ${input.lotId}::uuid` : sql``;
  const found = await rows<{ location_id: string; lot_id: string | null; free: string }>(
    tx,
    sql`select b.location_id, b.lot_id, (b.on_hand - b.reserved)::text as free
          from inventory_balance b
          join inventory_location l on l.company_id = b.company_id and l.id = b.location_id and l.kind = 'stock'
          left join inventory_lot lot on lot.company_id = b.company_id and lot.id = b.lot_id
         where b.company_id = ${companyId} and b.product_id = ${input.productId}
           and b.warehouse_id = ${input.warehouseId} and b.on_hand - b.reserved > 0 ${lot}
         order by lot.expiry_date nulls last, b.id`,
  );
  let left = input.qty;
  const taken: Taken[] = [];
  for (const f of found) {
    if (left.lte(0)) break;
    const free = new Decimal(f.free).sub(input.planned(f.location_id, f.lot_id));
    if (free.lte(0)) continue;
    const take = Decimal.min(left, free);
    taken.push({ locationId: f.location_id, lotId: f.lot_id, qty: take });
    left = left.sub(take);
  }
  return { taken, short: left };
}
