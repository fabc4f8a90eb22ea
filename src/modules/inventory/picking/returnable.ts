import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { rows, type Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';

/** What one delivery line shipped from one lot, at what unit cost, and how much of it came back already. */
export interface ReturnSlice {
  lineId: string;
  productId: string;
  originLineId: string | null;
  lotId: string | null;
  lotNo: string | null;
  shipped: Decimal;
  returned: Decimal;
  unitCost: string;
}

/** The delivery's shipped quantities per line and lot, from its moves (the ledger is the truth). */
export async function returnableSlices(
  tx: Tx,
  companyId: string,
  deliveryId: string,
): Promise<ReturnSlice[]> {
  const found = await rows<Record<string, any>>(
    tx,
    sql`with shipped as (
          select m.picking_line_id as line_id, m.lot_id, sum(m.qty) as qty, sum(m.value) as value
            from inventory_move m
           where m.company_id = ${companyId} and m.picking_id = ${deliveryId} and m.kind = 'delivery'
           group by m.picking_line_id, m.lot_id),
        returned as (
          select rl.return_of_line_id as line_id, m.lot_id, sum(m.qty) as qty
            from inventory_move m
            join inventory_picking_line rl on rl.company_id = m.company_id and rl.id = m.picking_line_id
           where m.company_id = ${companyId} and m.kind = 'return_in'
             and rl.return_of_line_id in (select id from inventory_picking_line
                                           where company_id = ${companyId} and picking_id = ${deliveryId})
           group by rl.return_of_line_id, m.lot_id)
        select l.id as line_id, l.product_id, l.origin_line_id, s.lot_id, lot.lot_no,
               s.qty::text as shipped, coalesce(r.qty, 0)::text as returned,
               round(s.value / s.qty, 6)::text as unit_cost
          from inventory_picking_line l
          join shipped s on s.line_id = l.id
          left join returned r on r.line_id = l.id and r.lot_id is not distinct from s.lot_id
          left join inventory_lot lot on lot.company_id = l.company_id and lot.id = s.lot_id
         where l.company_id = ${companyId} and l.picking_id = ${deliveryId}
         order by l.line_no, lot.expiry_date nulls last, lot.lot_no nulls first`,
  );
  return found.map((r) => ({
    lineId: r.line_id,
    productId: r.product_id,
    originLineId: r.origin_line_id,
    lotId: r.lot_id,
    lotNo: r.lot_no ?? null,
    shipped: new Decimal(r.shipped),
    returned: new Decimal(r.returned),
    unitCost: r.unit_cost,
  }));
}

/**
 * Spreads a returned quantity over the line's lots (in the order shipped), never more than a lot's
 * shipped − returned; 422 `inventory.return_exceeds_shipped` beyond what the line may still take back.
 */
export function sliceReturn(slices: ReturnSlice[], qty: Decimal): Array<ReturnSlice & { take: Decimal }> {
  const open = slices.reduce((s, x) => s.add(x.shipped.sub(x.returned)), new Decimal(0));
  if (qty.gt(open))
    throw unprocessable('inventory.return_exceeds_shipped', 'More than was shipped and not yet returned', {
      lineId: slices[0]?.lineId,
      returnable: open.toFixed(4),
    });
  let left = qty;
  const parts: Array<ReturnSlice & { take: Decimal }> = [];
  for (const s of slices) {
    if (left.lte(0)) break;
    const take = Decimal.min(left, s.shipped.sub(s.returned));
    if (take.lte(0)) continue;
    parts.push({ ...s, take });
    left = left.sub(take);
  }
  return parts;
}

export interface PlannedReturn {
  deliveryLineId: string;
  qty: Decimal;
  quality: 'ok' | 'hold' | 'scrap';
  parts: Array<ReturnSlice & { take: Decimal }>;
}

/** Checks each asked line against the delivery (422 unknown, repeated or beyond what may come back) and spreads it over lots. */
export async function planReturn(
  tx: Tx,
  companyId: string,
  deliveryId: string,
  lines: Array<{ deliveryLineId: string; qty: string; quality: 'ok' | 'hold' | 'scrap' }>,
): Promise<PlannedReturn[]> {
  const slices = await returnableSlices(tx, companyId, deliveryId);
  const known = await rows<{ id: string }>(
    tx,
    sql`select id from inventory_picking_line where company_id = ${companyId} and picking_id = ${deliveryId}`,
  );
  const lineIds = new Set(known.map((r) => r.id));
  const seen = new Set<string>();
  return lines.map((l) => {
    if (seen.has(l.deliveryLineId))
      throw unprocessable('inventory.line_repeated', 'A line is named twice', { lineId: l.deliveryLineId });
    seen.add(l.deliveryLineId);
    const mine = slices.filter((s) => s.lineId === l.deliveryLineId);
    if (mine.length === 0)
      throw lineIds.has(l.deliveryLineId)
        ? unprocessable('inventory.return_exceeds_shipped', 'Nothing of this line was shipped', {
            lineId: l.deliveryLineId,
            returnable: '0.0000',
          })
        : unprocessable('inventory.line_unknown', 'This line is not part of the delivery', {
            lineId: l.deliveryLineId,
          });
    const qty = new Decimal(l.qty);
    return { deliveryLineId: l.deliveryLineId, qty, quality: l.quality, parts: sliceReturn(mine, qty) };
  });
}
