import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { type Executor, one, rows } from '../../../platform/db/tx.ts';
import { inventorySettings } from '../settings.ts';
import { incomingSupply } from './incoming-supply.ts';

export interface Availability {
  onHand: string;
  reserved: string;
  available: string;
  days: Array<{ date: string; incoming: string; outgoing: string; projected: string }>;
}

const q = (d: Decimal.Value) => new Decimal(d).toFixed(4);

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * Day-by-day projection from today (company time zone): what is available now in the warehouse's
 * stock locations, plus open receipt lines and the registered incoming supply (purchasing,
 * manufacturing: `registerIncomingSupply`), minus open delivery lines not yet reserved, by scheduled
 * date (overdue or undated documents count today).
 */
export async function projectAvailability(
  ex: Executor,
  companyId: string,
  input: { productId: string; warehouseId: string; days: number },
): Promise<Availability> {
  const { today } = await inventorySettings(ex, companyId);
  const days = Math.max(1, Math.min(366, Math.floor(input.days)));
  const last = addDays(today, days - 1);
  const now = await one<{ on_hand: string; reserved: string }>(
    ex,
    sql`select coalesce(sum(b.on_hand), 0) as on_hand, coalesce(sum(b.reserved), 0) as reserved
          from inventory_balance b
          join inventory_location l on l.company_id = b.company_id and l.id = b.location_id and l.kind = 'stock'
         where b.company_id = ${companyId} and b.product_id = ${input.productId} and b.warehouse_id = ${input.warehouseId}`,
  );
  const flows = await rows<{ day: string; kind: string; qty: string }>(
    ex,
    sql`select to_char(greatest(coalesce(p.scheduled_date, ${today}::date), ${today}::date), 'YYYY-MM-DD') as day,
               p.kind,
               sum(greatest(pl.qty - pl.qty_done - case when p.kind = 'delivery' then
                 coalesce((select sum(r.qty) from inventory_reservation r
                            where r.company_id = pl.company_id and r.state = 'active'
                              and (r.picking_line_id = pl.id
                                   or (r.picking_line_id is null and r.origin_line_id = pl.origin_line_id))), 0)
                 else 0 end, 0)) as qty
          from inventory_picking p
          join inventory_picking_line pl on pl.company_id = p.company_id and pl.picking_id = p.id
         where p.company_id = ${companyId} and p.warehouse_id = ${input.warehouseId} and pl.product_id = ${input.productId}
           and p.kind in ('receipt', 'delivery') and p.state not in ('done', 'cancelled')
           and coalesce(p.scheduled_date, ${today}::date) <= ${last}::date
         group by 1, 2`,
  );
  const supply = await incomingSupply(ex, companyId, {
    productIds: [input.productId],
    warehouseId: input.warehouseId,
    to: last,
  });
  for (const s of supply)
    flows.push({ day: s.date < today ? today : s.date, kind: 'receipt', qty: new Decimal(s.qty).toFixed(4) });
  const onHand = new Decimal(now?.on_hand ?? 0);
  const reserved = new Decimal(now?.reserved ?? 0);
  let projected = onHand.sub(reserved);
  const out: Availability['days'] = [];
  for (let i = 0; i < days; i++) {
    const date = addDays(today, i);
    const sumOf = (kind: string) =>
      flows.filter((f) => f.day === date && f.kind === kind).reduce((s, f) => s.add(f.qty), new Decimal(0));
    const incoming = sumOf('receipt');
    const outgoing = sumOf('delivery');
    projected = projected.add(incoming).sub(outgoing);
    out.push({ date, incoming: q(incoming), outgoing: q(outgoing), projected: q(projected) });
  }
  return { onHand: q(onHand), reserved: q(reserved), available: q(onHand.sub(reserved)), days: out };
}
