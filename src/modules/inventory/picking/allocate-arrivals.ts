import { Decimal } from 'decimal.js';
import { type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { rows, type Tx, textArray } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { evaluateSafety } from '../safety/evaluate-safety.ts';
import { type LockedBalance, lockStockBalances, writeReserved } from '../stock/balance.repo.ts';
import { fefo } from '../stock/reservations.ts';

interface WaitingLine {
  picking_id: string;
  picking_line_id: string;
  product_id: string;
  origin_type: string;
  origin_id: string;
  origin_number: string | null;
  origin_line_id: string;
  party_id: string | null;
  open_qty: string;
  reserved: string;
}

/** What an open delivery line holds: its own reservations and those of its origin line not linked yet. */
const heldBy = (pl: SQL) =>
  sql`coalesce((select sum(r.qty) from inventory_reservation r
                 where r.company_id = ${pl}.company_id and r.state = 'active'
                   and (r.picking_line_id = ${pl}.id
                        or (r.picking_line_id is null and r.origin_line_id = ${pl}.origin_line_id))), 0)`;

/**
 * Open delivery lines of the products in the warehouse that hold less than they still have to ship,
 * first come first served: by when the origin's first delivery was made (for a sales order that is
 * its confirmation, in the same transaction; a backorder keeps its order's place), then by origin id
 * (time-ordered) and line number.
 */
function waitingLines(
  tx: Tx,
  companyId: string,
  warehouseId: string,
  productIds: string[],
  onlyPickings?: string[],
) {
  return rows<WaitingLine>(
    tx,
    sql`select * from (
          select p.id as picking_id, pl.id as picking_line_id, pl.product_id, p.origin_type, p.origin_id,
                 p.origin_number, pl.origin_line_id, p.party_id, pl.line_no,
                 (pl.qty - pl.qty_done)::text as open_qty, ${heldBy(sql`pl`)}::text as reserved,
                 (select min(p0.created_at) from inventory_picking p0
                   where p0.company_id = p.company_id and p0.kind = 'delivery'
                     and p0.origin_type = p.origin_type and p0.origin_id = p.origin_id) as since
            from inventory_picking p
            join inventory_picking_line pl on pl.company_id = p.company_id and pl.picking_id = p.id
           where p.company_id = ${companyId} and p.warehouse_id = ${warehouseId} and p.kind = 'delivery'
             and p.state not in ('done', 'cancelled') and p.origin_id is not null and pl.origin_line_id is not null
             and pl.product_id::text = any(${textArray(productIds)})
             ${onlyPickings ? sql`and p.id::text = any(${textArray(onlyPickings)})` : sql``}
        ) w
        where w.open_qty::numeric > w.reserved::numeric
        order by w.since, w.origin_id, w.line_no`,
  );
}

export interface ArrivalLine {
  originLineId: string;
  productId: string;
  reserved: string;
  short: string;
}

/**
 * Goods landed in a warehouse's stock (a receipt validated, production output): reserves them for the
 * open delivery lines still short of these products, first come first served (see `waitingLines`),
 * FEFO, and publishes `stock.reserved` (reason 'arrival') per origin touched. Sales raises the order
 * lines' reserved quantity and tells the salesperson.
 *
 * Locking, so it neither oversells, reserves a line twice nor deadlocks: the products' valuation rows
 * first (FOR UPDATE — the caller's moves already hold them, and two allocations of a product queue
 * there); then the waiting deliveries and the stock balances with SKIP LOCKED: a delivery being
 * shipped or cancelled at this instant, or a balance another transaction is writing, is left for the
 * next arrival instead of waited for (waiting here, after the caller's moves, could close a cycle with
 * a shipment). Line shortages are read again after those locks.
 */
export async function allocateArrivals(
  tx: Tx,
  actor: Actor,
  input: { warehouseId: string; productIds: string[] },
): Promise<void> {
  const companyId = actor.companyId;
  const productIds = [...new Set(input.productIds.map((id) => id.toLowerCase()))];
  if (productIds.length === 0) return;
  await tx.execute(
    sql`select product_id from inventory_cost
         where company_id = ${companyId} and product_id::text = any(${textArray(productIds)})
         order by product_id for update`,
  );
  const candidates = await waitingLines(tx, companyId, input.warehouseId, productIds);
  if (candidates.length === 0) return;
  const lockedPickings = await rows<{ id: string }>(
    tx,
    sql`select id from inventory_picking
         where company_id = ${companyId} and id::text = any(${textArray([...new Set(candidates.map((c) => c.picking_id))])})
         order by id for update skip locked`,
  );
  if (lockedPickings.length === 0) return;
  const waiting = await waitingLines(
    tx,
    companyId,
    input.warehouseId,
    productIds,
    lockedPickings.map((p) => p.id),
  );
  if (waiting.length === 0) return;
  const pool = await lockStockBalances(
    tx,
    companyId,
    [...new Set(waiting.map((w) => w.product_id))].map((productId) => ({
      productId,
      warehouseId: input.warehouseId,
    })),
    { skipLocked: true },
  );
  const { byOrigin, touched } = await reserveInOrder(tx, companyId, input.warehouseId, waiting, pool);
  if (byOrigin.size === 0) return;
  for (const b of touched.values()) await writeReserved(tx, companyId, b);
  await markReady(tx, companyId, [...new Set(waiting.map((w) => w.picking_id))]);
  for (const { head, lines } of byOrigin.values()) await announce(tx, actor, input.warehouseId, head, lines);
  await evaluateSafety(
    tx,
    actor,
    productIds.map((productId) => ({ productId, warehouseId: input.warehouseId })),
  );
}

/** Walks the waiting lines in order, each taking what the locked balances still have free (FEFO). */
async function reserveInOrder(
  tx: Tx,
  companyId: string,
  warehouseId: string,
  waiting: WaitingLine[],
  pool: Array<LockedBalance & { expiryDate: string | null }>,
) {
  const byOrigin = new Map<string, { head: WaitingLine; lines: ArrivalLine[] }>();
  const touched = new Map<string, LockedBalance>();
  for (const w of waiting) {
    const need = new Decimal(w.open_qty).sub(w.reserved);
    let left = need;
    for (const b of pool.filter((c) => c.productId === w.product_id).sort(fefo)) {
      if (left.lte(0)) break;
      const take = Decimal.min(left, b.onHand.sub(b.reserved));
      if (take.lte(0)) continue;
      b.reserved = b.reserved.add(take);
      touched.set(b.id, b);
      left = left.sub(take);
      await tx.execute(
        sql`insert into inventory_reservation (company_id, id, balance_id, product_id, warehouse_id, qty, origin_type,
              origin_id, origin_line_id, picking_line_id)
            values (${companyId}, ${newId()}, ${b.id}, ${w.product_id}, ${warehouseId}, ${take.toFixed(4)},
              ${w.origin_type}, ${w.origin_id}, ${w.origin_line_id}, ${w.picking_line_id})`,
      );
    }
    const reserved = need.sub(left);
    if (reserved.lte(0)) continue;
    const key = `${w.origin_type}|${w.origin_id}`;
    const entry = byOrigin.get(key) ?? { head: w, lines: [] };
    entry.lines.push({
      originLineId: w.origin_line_id,
      productId: w.product_id,
      reserved: reserved.toFixed(4),
      short: left.toFixed(4),
    });
    byOrigin.set(key, entry);
  }
  return { byOrigin, touched };
}

/** A waiting delivery whose every line now holds what it still has to ship is ready. */
async function markReady(tx: Tx, companyId: string, pickingIds: string[]): Promise<void> {
  await tx.execute(
    sql`update inventory_picking p set state = 'ready', version = p.version + 1, updated_at = now()
         where p.company_id = ${companyId} and p.id::text = any(${textArray(pickingIds)}) and p.state = 'waiting'
           and not exists (select 1 from inventory_picking_line pl
                            where pl.company_id = p.company_id and pl.picking_id = p.id
                              and pl.qty - pl.qty_done > ${heldBy(sql`pl`)})`,
  );
}

/** The audit row and `stock.reserved` (reason 'arrival') of one origin. */
async function announce(
  tx: Tx,
  actor: Actor,
  warehouseId: string,
  head: WaitingLine,
  lines: ArrivalLine[],
): Promise<void> {
  const number = head.origin_number ?? '';
  await recordAudit(tx, actor, {
    entity: 'inventory.reservation',
    entityId: head.origin_id,
    action: 'reserve',
    after: { originType: head.origin_type, originNumber: number, reason: 'arrival', lines },
  });
  await publish(tx, actor, {
    type: 'stock.reserved',
    aggregateType: head.origin_type,
    aggregateId: head.origin_id,
    payload: {
      originType: head.origin_type,
      originId: head.origin_id,
      originNumber: number,
      ...(head.party_id
        ? { customerId: head.party_id, summary: `Arrived stock reserved for ${number}` }
        : {}),
      reason: 'arrival',
      warehouseId,
      lines,
    },
  });
}
