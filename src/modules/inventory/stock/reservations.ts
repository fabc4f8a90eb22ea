import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { rows, type Tx, textArray } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { evaluateSafety } from '../safety/evaluate-safety.ts';
import { type LockedBalance, lockBalancesById, lockStockBalances, writeReserved } from './balance.repo.ts';
import { type StockProduct, stockProducts } from './products.repo.ts';

export interface ReserveLine {
  originLineId: string;
  productId: string;
  warehouseId: string;
  qty: string;
}

export interface ReserveResult {
  originLineId: string;
  reserved: string;
  short: string;
}

export interface ReserveInput {
  originType: string;
  originId: string;
  originNumber: string;
  customerId?: string;
  lines: ReserveLine[];
  /** The lines' products as the caller read them from catalog in this transaction (saves reading them again). */
  products?: Map<string, StockProduct>;
}

/** The caller's product map when it covers every id, else a fresh read. */
export function productsFor(
  tx: Tx,
  companyId: string,
  ids: string[],
  known?: Map<string, StockProduct>,
): Promise<Map<string, StockProduct>> {
  if (known && ids.every((id) => known.has(id))) return Promise.resolve(known);
  return stockProducts(tx, companyId, ids);
}

type Candidate = LockedBalance & { expiryDate: string | null };

/** FEFO: lots expiring first, then stock without expiry; the oldest balance row first among equals. */
export function fefo(a: Candidate, b: Candidate): number {
  if (a.expiryDate !== b.expiryDate) {
    if (a.expiryDate === null) return 1;
    if (b.expiryDate === null) return -1;
    return a.expiryDate < b.expiryDate ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Reserves what is available now, line by line. All candidate balance rows of all lines are locked
 * FOR UPDATE first, in the engine's fixed order, so concurrent callers never oversell and never
 * deadlock. Services and consumables are reserved in full without stock.
 */
export async function reserveStock(tx: Tx, actor: Actor, input: ReserveInput): Promise<ReserveResult[]> {
  const companyId = actor.companyId;
  for (const l of input.lines)
    if (!/^\d{1,14}(\.\d{1,4})?$/.test(l.qty))
      throw unprocessable('inventory.qty_invalid', 'A quantity must be a decimal ≥ 0', { qty: l.qty });
  const products = await productsFor(
    tx,
    companyId,
    input.lines.map((l) => l.productId),
    input.products,
  );
  const stocked = input.lines.filter((l) => products.get(l.productId)?.kind === 'stocked');
  await assertWarehouses(
    tx,
    companyId,
    stocked.map((l) => l.warehouseId),
  );
  const candidates = await lockStockBalances(tx, companyId, stocked);
  const results: ReserveResult[] = [];
  const touched = new Map<string, Candidate>();
  for (const line of input.lines) {
    const asked = new Decimal(line.qty);
    if (products.get(line.productId)?.kind !== 'stocked') {
      results.push({ originLineId: line.originLineId, reserved: asked.toFixed(4), short: '0.0000' });
      continue;
    }
    let left = asked;
    const pool = candidates
      .filter(
        (c) =>
          c.productId === line.productId.toLowerCase() && c.warehouseId === line.warehouseId.toLowerCase(),
      )
      .sort(fefo);
    for (const c of pool) {
      if (left.lte(0)) break;
      const take = Decimal.min(left, c.onHand.sub(c.reserved));
      if (take.lte(0)) continue;
      c.reserved = c.reserved.add(take);
      touched.set(c.id, c);
      left = left.sub(take);
      await insertReservation(tx, companyId, input, line, c.id, take);
    }
    results.push({
      originLineId: line.originLineId,
      reserved: asked.sub(left).toFixed(4),
      short: left.toFixed(4),
    });
  }
  for (const c of touched.values()) await writeReserved(tx, companyId, c);
  await recordAudit(tx, actor, {
    entity: 'inventory.reservation',
    entityId: input.originId,
    action: 'reserve',
    after: { originType: input.originType, originNumber: input.originNumber, lines: results },
  });
  await publish(tx, actor, {
    type: 'stock.reserved',
    aggregateType: input.originType,
    aggregateId: input.originId,
    payload: {
      originType: input.originType,
      originId: input.originId,
      originNumber: input.originNumber,
      ...(input.customerId
        ? { customerId: input.customerId, summary: `Stock reserved for ${input.originNumber}` }
        : {}),
      lines: results,
    },
  });
  await evaluateSafety(tx, actor, stocked);
  return results;
}

async function assertWarehouses(tx: Tx, companyId: string, ids: string[]): Promise<void> {
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
  if (unique.length === 0) return;
  const found = await rows<{ id: string }>(
    tx,
    sql`select id from inventory_warehouse where company_id = ${companyId} and active and id::text = any(${textArray(unique)})`,
  );
  const missing = unique.filter((id) => !found.some((f) => f.id === id));
  if (missing.length > 0)
    throw unprocessable('inventory.warehouse_unknown', 'Unknown warehouse', { ids: missing });
}

async function insertReservation(
  tx: Tx,
  companyId: string,
  input: ReserveInput,
  line: ReserveLine,
  balanceId: string,
  qty: Decimal,
): Promise<void> {
  await tx.execute(
    sql`insert into inventory_reservation (company_id, id, balance_id, product_id, warehouse_id, qty, origin_type,
          origin_id, origin_line_id)
        values (${companyId}, ${newId()}, ${balanceId}, ${line.productId}, ${line.warehouseId}, ${qty.toFixed(4)},
          ${input.originType}, ${input.originId}, ${line.originLineId})`,
  );
}

interface ActiveReservation {
  id: string;
  balance_id: string;
  product_id: string;
  warehouse_id: string;
  location_id: string;
  lot_id: string | null;
  qty: string;
}

async function activeReservations(tx: Tx, companyId: string, where: ReturnType<typeof sql>) {
  return rows<ActiveReservation>(
    tx,
    sql`select r.id, r.balance_id, r.product_id, r.warehouse_id, b.location_id, b.lot_id, r.qty
          from inventory_reservation r
          join inventory_balance b on b.company_id = r.company_id and b.id = r.balance_id
          left join inventory_lot lot on lot.company_id = b.company_id and lot.id = b.lot_id
         where r.company_id = ${companyId} and r.state = 'active' and ${where}
         order by lot.expiry_date nulls last, r.id`,
  );
}

/** Releases every active reservation of the origin (or of the given origin lines). */
export async function releaseReservations(
  tx: Tx,
  actor: Actor,
  input: { originType: string; originId: string; originLineIds?: string[] },
): Promise<void> {
  const companyId = actor.companyId;
  const lineFilter = input.originLineIds
    ? sql`and r.origin_line_id::text = any(${textArray(input.originLineIds.map((id) => id.toLowerCase()))})`
    : sql``;
  const found = await activeReservations(
    tx,
    companyId,
    sql`r.origin_type = ${input.originType} and r.origin_id = ${input.originId} ${lineFilter}`,
  );
  if (found.length === 0) return;
  const balances = await lockBalancesById(
    tx,
    companyId,
    found.map((r) => r.balance_id),
  );
  // Re-read under the balance locks: a concurrent take may have consumed part of them meanwhile.
  const current = await activeReservations(
    tx,
    companyId,
    sql`r.id::text = any(${textArray(found.map((r) => r.id))})`,
  );
  for (const r of current) {
    const b = balances.get(r.balance_id) as LockedBalance;
    b.reserved = Decimal.max(0, b.reserved.sub(r.qty));
    await tx.execute(
      sql`update inventory_reservation set state = 'released', qty = 0, version = version + 1, updated_at = now()
           where company_id = ${companyId} and id = ${r.id}`,
    );
  }
  for (const b of balances.values()) await writeReserved(tx, companyId, b);
  await recordAudit(tx, actor, {
    entity: 'inventory.reservation',
    entityId: input.originId,
    action: 'release',
    after: {
      originType: input.originType,
      originLineIds: input.originLineIds ?? null,
      count: current.length,
    },
  });
  await evaluateSafety(
    tx,
    actor,
    current.map((r) => ({ productId: r.product_id, warehouseId: r.warehouse_id })),
  );
}

/**
 * Releases up to `qty` of the active reservations of an origin line (FEFO, then oldest) and returns
 * where that stock sits, so the caller can move exactly those units (applyMoves with fromReserved).
 */
export async function takeReserved(
  tx: Tx,
  actor: Actor,
  input: { originLineId: string; qty: string },
): Promise<Array<{ locationId: string; lotId: string | null; qty: string }>> {
  const companyId = actor.companyId;
  let left = new Decimal(input.qty);
  const where = sql`r.origin_line_id = ${input.originLineId}`;
  const found = await activeReservations(tx, companyId, where);
  if (found.length === 0 || left.lte(0)) return [];
  const balances = await lockBalancesById(
    tx,
    companyId,
    found.map((r) => r.balance_id),
  );
  const taken: Array<{ locationId: string; lotId: string | null; qty: string }> = [];
  for (const r of await activeReservations(tx, companyId, where)) {
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
    taken.push({ locationId: r.location_id, lotId: r.lot_id, qty: take.toFixed(4) });
  }
  for (const b of balances.values()) await writeReserved(tx, companyId, b);
  return taken;
}
