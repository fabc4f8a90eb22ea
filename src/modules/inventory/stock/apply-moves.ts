import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { rows, type Tx, textArray } from '../../../platform/db/tx.ts';
import { conflict, unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { evaluateSafety } from '../safety/evaluate-safety.ts';
import { type InventorySettings, inventorySettings } from '../settings.ts';
import {
  type BalanceKey,
  balanceKey,
  type LockedBalance,
  lockBalances,
  writeBalance,
} from './balance.repo.ts';
import { lockCosts, writeCost } from './cost.repo.ts';
import { resolveLot } from './lots.repo.ts';
import { type StockProduct, stockProducts } from './products.repo.ts';
import { type CostState, valueIn, valueOut } from './valuation.ts';

export type MoveKind =
  | 'receipt'
  | 'delivery'
  | 'transfer'
  | 'adjustment'
  | 'scrap'
  | 'production_in'
  | 'production_out'
  | 'return_in'
  | 'return_out';

export interface MoveInput {
  kind: MoveKind;
  productId: string;
  fromLocationId: string;
  toLocationId: string;
  qty: string;
  lotId?: string | null;
  /** The lot is found or created by number when no lotId is given. */
  lotNo?: string | null;
  expiryDate?: string | null;
  /** For goods coming IN from a virtual location; default: the product's current average cost. */
  unitCost?: string | null;
  moveDate?: string;
  pickingId?: string | null;
  pickingLineId?: string | null;
  countId?: string | null;
  originType?: string | null;
  originId?: string | null;
  originLineId?: string | null;
  note?: string;
  /**
   * The quantity leaving was reserved and already released by takeReserved(). The check is the same
   * either way (on hand − reserved after the move must stay ≥ 0), so this only documents intent.
   */
  fromReserved?: boolean;
}

export interface AppliedMove {
  id: string;
  lotId: string | null;
  unitCost: string;
  value: string;
}

interface Loc {
  id: string;
  warehouseId: string | null;
}

interface Prepared {
  input: MoveInput;
  qty: Decimal;
  product: StockProduct;
  from: Loc;
  to: Loc;
  lotId: string | null;
}

const QTY = /^\d{1,14}(\.\d{1,4})?$/;
const COST = /^\d{1,12}(\.\d{1,6})?$/;

/**
 * Writes the moves, updates balances of internal locations (row locks, fixed order), the valuation
 * and the safety-stock alert. Refuses (409 `inventory.insufficient_stock`) taking more than available
 * unless the company allows negative stock; a lot-tracked product needs a lot (422 `inventory.lot_required`).
 */
export async function applyMoves(tx: Tx, actor: Actor, moves: MoveInput[]): Promise<AppliedMove[]> {
  if (moves.length === 0) return [];
  const companyId = actor.companyId;
  const settings = await inventorySettings(tx, companyId);
  const prepared = await prepare(tx, companyId, moves);
  const keys: BalanceKey[] = [];
  for (const p of prepared)
    for (const loc of [p.from, p.to])
      if (loc.warehouseId)
        keys.push({
          productId: p.product.id,
          locationId: loc.id,
          lotId: p.lotId,
          warehouseId: loc.warehouseId,
        });
  const balances = await lockBalances(tx, companyId, keys);
  const costs = await lockCosts(
    tx,
    companyId,
    prepared.map((p) => p.product.id),
  );
  const decreased = new Set<string>();
  const results: AppliedMove[] = [];
  const rowsToInsert: Array<Record<string, unknown>> = [];
  for (const p of prepared) {
    moveBalances(p, balances, settings, decreased);
    const state = costs.get(p.product.id) as CostState;
    const valued = valueMove(p, state, settings);
    costs.set(p.product.id, valued.next);
    const id = newId();
    results.push({
      id,
      lotId: p.lotId,
      unitCost: valued.unitCost.toFixed(6),
      value: valued.value.toFixed(2),
    });
    rowsToInsert.push(moveRow(companyId, actor, id, p, valued.unitCost, valued.value, settings.today));
  }
  for (const b of balances.values()) {
    const key = balanceKey(b);
    // A row already below zero may still receive goods after the company turned negative stock off.
    const allow = settings.allowNegativeStock || (b.onHand.lt(0) && !decreased.has(key));
    await writeBalance(tx, companyId, b, allow);
  }
  for (const [productId, state] of costs) await writeCost(tx, companyId, productId, state);
  for (const row of rowsToInsert) await insertMove(tx, row);
  await evaluateSafety(
    tx,
    actor,
    [...balances.values()].map((b) => ({ productId: b.productId, warehouseId: b.warehouseId })),
  );
  return results;
}

async function prepare(tx: Tx, companyId: string, moves: MoveInput[]): Promise<Prepared[]> {
  const products = await stockProducts(
    tx,
    companyId,
    moves.map((m) => m.productId),
  );
  const locations = await loadLocations(
    tx,
    companyId,
    moves.flatMap((m) => [m.fromLocationId, m.toLocationId]),
  );
  const prepared: Prepared[] = [];
  for (const m of moves) {
    if (!QTY.test(m.qty) || new Decimal(m.qty).lte(0))
      throw unprocessable('inventory.qty_invalid', 'A move quantity must be a positive decimal', {
        qty: m.qty,
      });
    if (m.unitCost != null && !COST.test(m.unitCost))
      throw unprocessable('inventory.cost_invalid', 'A unit cost must be a decimal ≥ 0', {
        unitCost: m.unitCost,
      });
    const product = products.get(m.productId) as StockProduct;
    if (product.kind !== 'stocked')
      throw unprocessable('inventory.not_stocked', 'Only stocked products have stock moves', {
        productId: product.id,
      });
    const from = locations.get(m.fromLocationId.toLowerCase());
    const to = locations.get(m.toLocationId.toLowerCase());
    if (!from || !to)
      throw unprocessable('inventory.location_unknown', 'Unknown location', {
        ids: [m.fromLocationId, m.toLocationId].filter((id) => !locations.has(id.toLowerCase())),
      });
    if (from.id === to.id || (!from.warehouseId && !to.warehouseId))
      throw unprocessable(
        'inventory.move_invalid',
        'A move goes between two locations, at least one internal',
      );
    const lot = await resolveLot(tx, companyId, product, m);
    prepared.push({ input: m, qty: new Decimal(m.qty), product, from, to, lotId: lot?.id ?? null });
  }
  return prepared;
}

async function loadLocations(tx: Tx, companyId: string, ids: string[]): Promise<Map<string, Loc>> {
  const found = await rows<{ id: string; warehouse_id: string | null }>(
    tx,
    sql`select id, warehouse_id from inventory_location
         where company_id = ${companyId} and id::text = any(${textArray([...new Set(ids.map((i) => i.toLowerCase()))])})`,
  );
  return new Map(found.map((r) => [r.id, { id: r.id, warehouseId: r.warehouse_id }]));
}

function moveBalances(
  p: Prepared,
  balances: Map<string, LockedBalance>,
  s: InventorySettings,
  decreased: Set<string>,
) {
  if (p.from.warehouseId) {
    const key = balanceKey({ productId: p.product.id, locationId: p.from.id, lotId: p.lotId });
    const b = balances.get(key) as LockedBalance;
    const available = b.onHand.sub(b.reserved);
    if (!s.allowNegativeStock && available.lt(p.qty))
      throw conflict('inventory.insufficient_stock', 'Not enough stock available', {
        productId: p.product.id,
        sku: p.product.sku,
        locationId: p.from.id,
        lotId: p.lotId,
        available: available.toFixed(4),
        requested: p.qty.toFixed(4),
      });
    b.onHand = b.onHand.sub(p.qty);
    decreased.add(key);
  }
  if (p.to.warehouseId) {
    const b = balances.get(
      balanceKey({ productId: p.product.id, locationId: p.to.id, lotId: p.lotId }),
    ) as LockedBalance;
    b.onHand = b.onHand.add(p.qty);
  }
}

function valueMove(p: Prepared, state: CostState, s: InventorySettings) {
  if (!p.from.warehouseId) {
    const cost = p.input.unitCost != null ? new Decimal(p.input.unitCost) : null;
    return valueIn(state, p.qty, cost, s.costMethod);
  }
  if (!p.to.warehouseId) return valueOut(state, p.qty);
  // Internal transfers keep the company-wide value; the move records the cost it travelled at.
  const value = p.qty.mul(state.avgCost).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return { unitCost: state.avgCost, value, next: state };
}

function moveRow(
  companyId: string,
  actor: Actor,
  id: string,
  p: Prepared,
  unitCost: Decimal,
  value: Decimal,
  today: string,
): Record<string, unknown> {
  const m = p.input;
  return {
    companyId,
    id,
    kind: m.kind,
    productId: p.product.id,
    fromLocationId: p.from.id,
    toLocationId: p.to.id,
    lotId: p.lotId,
    qty: p.qty.toFixed(4),
    unitCost: unitCost.toFixed(6),
    value: value.toFixed(2),
    moveDate: m.moveDate ?? today,
    pickingId: m.pickingId ?? null,
    pickingLineId: m.pickingLineId ?? null,
    countId: m.countId ?? null,
    originType: m.originType ?? null,
    originId: m.originId ?? null,
    originLineId: m.originLineId ?? null,
    note: m.note ?? '',
    createdBy: actor.name === 'system' ? null : actor.userId,
  };
}

async function insertMove(tx: Tx, r: Record<string, unknown>): Promise<void> {
  await tx.execute(
    sql`insert into inventory_move (company_id, id, kind, product_id, from_location_id, to_location_id, lot_id, qty,
          unit_cost, value, move_date, picking_id, picking_line_id, count_id, origin_type, origin_id, origin_line_id,
          note, created_by)
        values (${r.companyId}, ${r.id}, ${r.kind}, ${r.productId}, ${r.fromLocationId}, ${r.toLocationId}, ${r.lotId},
          ${r.qty}, ${r.unitCost}, ${r.value}, ${r.moveDate}, ${r.pickingId}, ${r.pickingLineId}, ${r.countId},
          ${r.originType}, ${r.originId}, ${r.originLineId}, ${r.note}, ${r.createdBy})`,
  );
}
