import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';

export interface StockMismatch {
  kind: 'on_hand' | 'reserved';
  productId: string;
  locationId: string;
  lotId: string | null;
  /** What the ledger says (Σ moves, or Σ active reservations). */
  expected: string;
  /** What the balance row says. */
  actual: string;
}

const NIL = sql`'00000000-0000-0000-0000-000000000000'::uuid`;

/**
 * Balances checked against their sources of truth: every internal balance's on hand = Σ moves in −
 * Σ moves out, and reserved = Σ active reservations on it. An empty list means consistent.
 */
export async function checkStockConsistency(ex: Executor, companyId: string): Promise<StockMismatch[]> {
  const found = await rows<{
    product_id: string;
    location_id: string;
    lot_id: string | null;
    on_hand: string | null;
    moved: string | null;
    reserved: string | null;
    held: string | null;
  }>(
    ex,
    sql`with moved as (
          select x.product_id, x.location_id, x.lot_id, sum(x.qty) as qty
            from (select product_id, to_location_id as location_id, lot_id, qty from inventory_move
                   where company_id = ${companyId}
                  union all
                  select product_id, from_location_id, lot_id, -qty from inventory_move
                   where company_id = ${companyId}) x
            join inventory_location l on l.company_id = ${companyId} and l.id = x.location_id
           where l.warehouse_id is not null
           group by 1, 2, 3),
        held as (
          select balance_id, sum(qty) as qty from inventory_reservation
           where company_id = ${companyId} and state = 'active' group by 1),
        bal as (
          select b.id, b.product_id, b.location_id, b.lot_id, b.on_hand, b.reserved from inventory_balance b
           where b.company_id = ${companyId})
        select coalesce(bal.product_id, moved.product_id) as product_id,
               coalesce(bal.location_id, moved.location_id) as location_id,
               coalesce(bal.lot_id, moved.lot_id) as lot_id,
               bal.on_hand, moved.qty as moved, bal.reserved, held.qty as held
          from bal
          full join moved on moved.product_id = bal.product_id and moved.location_id = bal.location_id
                         and coalesce(moved.lot_id, ${NIL}) = coalesce(bal.lot_id, ${NIL})
          left join held on held.balance_id = bal.id
         where coalesce(bal.on_hand, 0) <> coalesce(moved.qty, 0)
            or coalesce(bal.reserved, 0) <> coalesce(held.qty, 0)
         order by 1, 2, 3`,
  );
  const out: StockMismatch[] = [];
  const q = (v: string | null) => new Decimal(v ?? 0).toFixed(4);
  for (const r of found) {
    const base = { productId: r.product_id, locationId: r.location_id, lotId: r.lot_id };
    if (q(r.on_hand) !== q(r.moved))
      out.push({ kind: 'on_hand', ...base, expected: q(r.moved), actual: q(r.on_hand) });
    if (q(r.reserved) !== q(r.held))
      out.push({ kind: 'reserved', ...base, expected: q(r.held), actual: q(r.reserved) });
  }
  return out;
}
