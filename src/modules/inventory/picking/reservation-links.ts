import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { type Executor, rows, type Tx } from '../../../platform/db/tx.ts';

/**
 * Links the origin lines' active reservations to the delivery lines that will ship them. Also used
 * before picking and shipping, so stock reserved for the order after the delivery was made (goods
 * arrived later) is taken up by the open delivery. Returns the quantity it linked per delivery line.
 */
export async function linkReservations(
  tx: Tx,
  companyId: string,
  origin: { originType: string; originId: string },
  pairs: Array<{ originLineId: string; pickingLineId: string }>,
  onlyUnlinked = false,
): Promise<Map<string, Decimal>> {
  if (pairs.length === 0) return new Map();
  // One statement for every line; it returns what it linked, per delivery line.
  const linked = await rows<{ picking_line_id: string; qty: string }>(
    tx,
    sql`with p as (select * from jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb)
                     as p("originLineId" uuid, "pickingLineId" uuid)),
             u as (update inventory_reservation r set picking_line_id = p."pickingLineId", version = r.version + 1,
                          updated_at = now()
                     from p
                    where r.company_id = ${companyId} and r.origin_type = ${origin.originType}
                      and r.origin_id = ${origin.originId} and r.origin_line_id = p."originLineId" and r.state = 'active'
                      ${onlyUnlinked ? sql`and r.picking_line_id is null` : sql``}
                   returning r.picking_line_id, r.qty)
        select picking_line_id, sum(qty)::text as qty from u group by picking_line_id`,
  );
  return new Map(linked.map((r) => [r.picking_line_id, new Decimal(r.qty)]));
}

/** Reserved quantity per line of a document (active reservations linked to its lines). */
export async function reservedByLine(
  ex: Executor,
  companyId: string,
  pickingId: string,
): Promise<Map<string, Decimal>> {
  const found = await rows<{ picking_line_id: string; qty: string }>(
    ex,
    sql`select r.picking_line_id, sum(r.qty)::text as qty
          from inventory_reservation r
          join inventory_picking_line l on l.company_id = r.company_id and l.id = r.picking_line_id
         where r.company_id = ${companyId} and l.picking_id = ${pickingId} and r.state = 'active'
         group by r.picking_line_id`,
  );
  return new Map(found.map((r) => [r.picking_line_id, new Decimal(r.qty)]));
}

/** Moves what is still reserved on one line to another (the backorder's line takes over the remainder). */
export async function moveReservations(
  tx: Tx,
  companyId: string,
  fromLineId: string,
  toLineId: string,
): Promise<void> {
  await tx.execute(
    sql`update inventory_reservation set picking_line_id = ${toLineId}, version = version + 1, updated_at = now()
         where company_id = ${companyId} and picking_line_id = ${fromLineId} and state = 'active'`,
  );
}

/** 'ready' when every line is fully reserved, else 'waiting'. */
export function readiness(
  lines: Array<{ id: string; qty: string | Decimal }>,
  reserved: Map<string, Decimal>,
) {
  return lines.every((l) => (reserved.get(l.id) ?? new Decimal(0)).gte(l.qty)) ? 'ready' : 'waiting';
}

/** Takes up reservations made for the document's origin lines since the delivery was created. */
export async function adoptReservations(
  tx: Tx,
  companyId: string,
  picking: { id: string; originType: string | null; originId: string | null },
): Promise<void> {
  if (!picking.originType || !picking.originId) return;
  const lines = await rows<{ id: string; origin_line_id: string }>(
    tx,
    sql`select id, origin_line_id from inventory_picking_line
         where company_id = ${companyId} and picking_id = ${picking.id} and origin_line_id is not null`,
  );
  await linkReservations(
    tx,
    companyId,
    { originType: picking.originType, originId: picking.originId },
    lines.map((l) => ({ originLineId: l.origin_line_id, pickingLineId: l.id })),
    true,
  );
}
