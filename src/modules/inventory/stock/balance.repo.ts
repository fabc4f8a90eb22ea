import { Decimal } from 'decimal.js';
import { type SQL, sql } from 'drizzle-orm';
import { rows, type Tx } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';

export interface BalanceKey {
  productId: string;
  locationId: string;
  lotId: string | null;
  warehouseId: string;
}

export interface LockedBalance extends BalanceKey {
  id: string;
  onHand: Decimal;
  reserved: Decimal;
}

export const balanceKey = (k: { productId: string; locationId: string; lotId: string | null }) =>
  `${k.productId.toLowerCase()}|${k.locationId.toLowerCase()}|${k.lotId?.toLowerCase() ?? ''}`;

/**
 * The one lock order of the stock engine: (product id, location id, lot id), no lot first. Every
 * writer of balances (moves, reservations, releases) locks in this order, so they never deadlock.
 */
export function compareKeys(a: BalanceKey, b: BalanceKey): number {
  return balanceKey(a) < balanceKey(b) ? -1 : balanceKey(a) > balanceKey(b) ? 1 : 0;
}

interface BalanceRow {
  id: string;
  product_id: string;
  warehouse_id: string;
  location_id: string;
  lot_id: string | null;
  on_hand: string;
  reserved: string;
}

export const lockOrder = sql`product_id, location_id, lot_id nulls first`;

function toLocked(r: BalanceRow): LockedBalance {
  return {
    id: r.id,
    productId: r.product_id,
    warehouseId: r.warehouse_id,
    locationId: r.location_id,
    lotId: r.lot_id,
    onHand: new Decimal(r.on_hand),
    reserved: new Decimal(r.reserved),
  };
}

/** Creates the missing balance rows of `keys`, then locks all of them FOR UPDATE in the fixed order. */
export async function lockBalances(
  tx: Tx,
  companyId: string,
  keys: BalanceKey[],
): Promise<Map<string, LockedBalance>> {
  const unique = [...new Map(keys.map((k) => [balanceKey(k), k])).values()].sort(compareKeys);
  if (unique.length === 0) return new Map();
  for (const k of unique) {
    await tx.execute(
      sql`insert into inventory_balance (company_id, id, product_id, warehouse_id, location_id, lot_id)
          values (${companyId}, ${newId()}, ${k.productId}, ${k.warehouseId}, ${k.locationId}, ${k.lotId})
          on conflict on constraint inventory_balance_key_uq do nothing`,
    );
  }
  const match: SQL[] = unique.map(
    (k) =>
      sql`(product_id = ${k.productId} and location_id = ${k.locationId} and lot_id is not distinct from ${k.lotId}::uuid)`,
  );
  const found = await rows<BalanceRow>(
    tx,
    sql`select id, product_id, warehouse_id, location_id, lot_id, on_hand, reserved from inventory_balance
         where company_id = ${companyId} and (${sql.join(match, sql` or `)})
         order by ${lockOrder} for update`,
  );
  return new Map(
    found.map((r) => [
      balanceKey({ productId: r.product_id, locationId: r.location_id, lotId: r.lot_id }),
      toLocked(r),
    ]),
  );
}

/** Locks balance rows by id, in the fixed order. */
export async function lockBalancesById(
  tx: Tx,
  companyId: string,
  ids: string[],
): Promise<Map<string, LockedBalance>> {
  if (ids.length === 0) return new Map();
  const found = await rows<BalanceRow>(
    tx,
    sql`select id, product_id, warehouse_id, location_id, lot_id, on_hand, reserved from inventory_balance
         where company_id = ${companyId} and id in (${sql.join(
           [...new Set(ids)].map((id) => sql`${id}::uuid`),
           sql`, `,
         )})
         order by ${lockOrder} for update`,
  );
  return new Map(found.map((r) => [r.id, toLocked(r)]));
}

/**
 * Locks the stock-location balances (kind 'stock', shelves included) of products in warehouses,
 * in the fixed order: what reservations may draw from. `skipLocked` leaves out rows another
 * transaction holds instead of waiting for them (a caller already holding other locks out of order).
 */
export async function lockStockBalances(
  tx: Tx,
  companyId: string,
  pairs: Array<{ productId: string; warehouseId: string }>,
  options: { skipLocked?: boolean } = {},
): Promise<Array<LockedBalance & { expiryDate: string | null }>> {
  if (pairs.length === 0) return [];
  const match = [...new Map(pairs.map((p) => [`${p.productId}|${p.warehouseId}`, p])).values()].map(
    (p) => sql`(b.product_id = ${p.productId} and b.warehouse_id = ${p.warehouseId})`,
  );
  const found = await rows<BalanceRow & { expiry_date: string | null }>(
    tx,
    sql`select b.id, b.product_id, b.warehouse_id, b.location_id, b.lot_id, b.on_hand, b.reserved,
               to_char(lot.expiry_date, 'YYYY-MM-DD') as expiry_date
          from inventory_balance b
          join inventory_location l on l.company_id = b.company_id and l.id = b.location_id and l.kind = 'stock'
          left join inventory_lot lot on lot.company_id = b.company_id and lot.id = b.lot_id
         where b.company_id = ${companyId} and (${sql.join(match, sql` or `)})
         order by b.product_id, b.location_id, b.lot_id nulls first
         for update of b ${options.skipLocked ? sql`skip locked` : sql``}`,
  );
  return found.map((r) => ({ ...toLocked(r), expiryDate: r.expiry_date }));
}

export async function writeBalance(
  tx: Tx,
  companyId: string,
  b: { id: string; onHand: Decimal; reserved: Decimal },
  allowNegative: boolean,
): Promise<void> {
  await tx.execute(
    sql`update inventory_balance set on_hand = ${b.onHand.toFixed(4)}, reserved = ${b.reserved.toFixed(4)},
           allow_negative = ${allowNegative}, version = version + 1, updated_at = now()
         where company_id = ${companyId} and id = ${b.id}`,
  );
}

export async function writeReserved(
  tx: Tx,
  companyId: string,
  b: { id: string; reserved: Decimal },
): Promise<void> {
  await tx.execute(
    sql`update inventory_balance set reserved = ${b.reserved.toFixed(4)}, version = version + 1, updated_at = now()
         where company_id = ${companyId} and id = ${b.id}`,
  );
}
