import { Decimal } from 'decimal.js';
import { type SQL, sql } from 'drizzle-orm';
import { iso } from '../../../platform/db/time.ts';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { badRequest } from '../../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/schemas.ts';
import { isUuid } from '../../../platform/ids.ts';
import { type Actor, can, requirePermission } from '../../../platform/permissions/actor.ts';
import type { Balance, BalanceQuery, Move, MoveQuery } from './contract.ts';

const q4 = (v: string) => new Decimal(v).toFixed(4);
const like = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

function cursorAfter(cursor: string | undefined, arity: number): unknown[] | undefined {
  const parts = decodeCursor(cursor, arity);
  if (parts && (parts[0] === '__invalid__' || !isUuid(parts[arity - 1])))
    throw badRequest('bad_cursor', 'The cursor is not valid');
  return parts;
}

/** Balances of internal locations by product (SKU) and location; values only with inventory.valuation.read. */
export async function listBalances(
  ex: Executor,
  actor: Actor,
  query: BalanceQuery,
): Promise<{ items: Balance[]; nextCursor: string | null }> {
  requirePermission(actor, 'inventory.stock.read');
  const where: SQL[] = [sql`b.company_id = ${actor.companyId}`];
  if (query.includeZero !== 'true') where.push(sql`(b.on_hand <> 0 or b.reserved <> 0)`);
  if (query.warehouseId) where.push(sql`b.warehouse_id = ${query.warehouseId}`);
  if (query.productId) where.push(sql`b.product_id = ${query.productId}`);
  if (query.lotNo) where.push(sql`lot.lot_no = ${query.lotNo}`);
  if (query.q?.trim())
    where.push(
      sql`(lower(p.sku) like ${like(query.q.trim())} or p.search_text like ${like(query.q.trim())})`,
    );
  const after = cursorAfter(query.cursor, 2);
  if (after) where.push(sql`(p.sku, b.id) > (${String(after[0])}, ${String(after[1])}::uuid)`);
  const found = await rows<Record<string, any>>(
    ex,
    sql`select b.id, b.product_id, p.sku, p.name, b.warehouse_id, b.location_id, l.code as location_code, b.lot_id,
               lot.lot_no, to_char(lot.expiry_date, 'YYYY-MM-DD') as expiry_date, b.on_hand, b.reserved,
               coalesce(c.avg_cost, 0) as avg_cost
          from inventory_balance b
          join catalog_product p on p.company_id = b.company_id and p.id = b.product_id
          join inventory_location l on l.company_id = b.company_id and l.id = b.location_id
          left join inventory_lot lot on lot.company_id = b.company_id and lot.id = b.lot_id
          left join inventory_cost c on c.company_id = b.company_id and c.product_id = b.product_id
         where ${sql.join(where, sql` and `)}
         order by p.sku, b.id limit ${query.limit + 1}`,
  );
  const valued = can(actor, 'inventory.valuation.read');
  const page = found.slice(0, query.limit);
  const items = page.map((r): Balance => {
    const item: Balance = {
      id: r.id,
      productId: r.product_id,
      sku: r.sku,
      productName: r.name,
      warehouseId: r.warehouse_id,
      locationId: r.location_id,
      locationCode: r.location_code,
      lotId: r.lot_id,
      lotNo: r.lot_no,
      expiryDate: r.expiry_date,
      onHand: q4(r.on_hand),
      reserved: q4(r.reserved),
      available: new Decimal(r.on_hand).sub(r.reserved).toFixed(4),
    };
    if (valued) {
      item.unitCost = new Decimal(r.avg_cost).toFixed(6);
      item.value = new Decimal(r.on_hand)
        .mul(r.avg_cost)
        .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
        .toFixed(2);
    }
    return item;
  });
  const last = page[page.length - 1];
  return { items, nextCursor: found.length > query.limit && last ? encodeCursor([last.sku, last.id]) : null };
}

/** The move history, newest first. */
export async function listMoves(
  ex: Executor,
  actor: Actor,
  query: MoveQuery,
): Promise<{ items: Move[]; nextCursor: string | null }> {
  requirePermission(actor, 'inventory.stock.read');
  const where: SQL[] = [sql`m.company_id = ${actor.companyId}`];
  if (query.productId) where.push(sql`m.product_id = ${query.productId}`);
  if (query.warehouseId)
    where.push(sql`(f.warehouse_id = ${query.warehouseId} or t.warehouse_id = ${query.warehouseId})`);
  if (query.originId) where.push(sql`m.origin_id = ${query.originId}`);
  if (query.pickingId) where.push(sql`m.picking_id = ${query.pickingId}`);
  if (query.kind) where.push(sql`m.kind = ${query.kind}`);
  const after = cursorAfter(query.cursor, 1);
  if (after) where.push(sql`m.id < ${String(after[0])}::uuid`);
  const found = await rows<Record<string, any>>(
    ex,
    sql`select m.*, p.sku, p.name as product_name, f.code as from_code, t.code as to_code, lot.lot_no,
               to_char(m.move_date, 'YYYY-MM-DD') as move_day
          from inventory_move m
          join catalog_product p on p.company_id = m.company_id and p.id = m.product_id
          join inventory_location f on f.company_id = m.company_id and f.id = m.from_location_id
          join inventory_location t on t.company_id = m.company_id and t.id = m.to_location_id
          left join inventory_lot lot on lot.company_id = m.company_id and lot.id = m.lot_id
         where ${sql.join(where, sql` and `)}
         order by m.id desc limit ${query.limit + 1}`,
  );
  const valued = can(actor, 'inventory.valuation.read');
  const page = found.slice(0, query.limit);
  const items = page.map((r): Move => {
    const item: Move = {
      id: r.id,
      kind: r.kind,
      productId: r.product_id,
      sku: r.sku,
      productName: r.product_name,
      fromLocationId: r.from_location_id,
      fromLocationCode: r.from_code,
      toLocationId: r.to_location_id,
      toLocationCode: r.to_code,
      lotId: r.lot_id,
      lotNo: r.lot_no,
      qty: q4(r.qty),
      moveDate: r.move_day,
      pickingId: r.picking_id,
      countId: r.count_id,
      originType: r.origin_type,
      originId: r.origin_id,
      originLineId: r.origin_line_id,
      note: r.note,
      createdBy: r.created_by,
      createdAt: iso(r.created_at),
    };
    if (valued) {
      item.unitCost = new Decimal(r.unit_cost).toFixed(6);
      item.value = new Decimal(r.value).toFixed(2);
    }
    return item;
  });
  const last = page[page.length - 1];
  return { items, nextCursor: found.length > query.limit && last ? encodeCursor([last.id]) : null };
}
