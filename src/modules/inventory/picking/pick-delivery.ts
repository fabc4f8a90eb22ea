import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { rows, type Tx } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import {
  assertVersion,
  auditablePicking,
  findPicking,
  loadPicking,
  PICKING_ENTITY,
  updatePicking,
} from './picking.repo.ts';
import { transition } from './picking.ts';
import { adoptReservations } from './reservation-links.ts';

/**
 * Marks a delivery picked and writes the pick list on its lines: the location and lot each line takes
 * first (its reservations in FEFO order). Lines reserved across several lots keep the full list in
 * `lots`; the line shows the first one.
 */
export async function pickDelivery(tx: Tx, actor: Actor, id: string, input: { version: number }) {
  requirePermission(actor, 'inventory.delivery.ship');
  const before = await findPicking(tx, actor.companyId, id, 'delivery', true);
  assertVersion(before, input.version);
  const state = transition('delivery', before.state, 'pick');
  await adoptReservations(tx, actor.companyId, before);
  const first = await rows<{
    line_id: string;
    location_id: string;
    lot_no: string | null;
    expiry: string | null;
  }>(
    tx,
    sql`select distinct on (l.id) l.id as line_id, b.location_id, lot.lot_no, lot.expiry_date::text as expiry
          from inventory_picking_line l
          join inventory_reservation r on r.company_id = l.company_id and r.picking_line_id = l.id and r.state = 'active'
          join inventory_balance b on b.company_id = r.company_id and b.id = r.balance_id
          join inventory_location loc on loc.company_id = b.company_id and loc.id = b.location_id
          left join inventory_lot lot on lot.company_id = b.company_id and lot.id = b.lot_id
         where l.company_id = ${actor.companyId} and l.picking_id = ${id}
         order by l.id, lot.expiry_date nulls last, lot.lot_no nulls first, loc.code`,
  );
  for (const f of first)
    await tx.execute(
      sql`update inventory_picking_line set location_id = ${f.location_id}, lot_no = ${f.lot_no},
             expiry_date = ${f.expiry}::date, version = version + 1, updated_at = now()
           where company_id = ${actor.companyId} and id = ${f.line_id}`,
    );
  await updatePicking(tx, actor.companyId, id, sql`state = ${state}, picked_at = now()`);
  await recordAudit(tx, actor, {
    entity: PICKING_ENTITY,
    entityId: id,
    action: 'pick',
    before: auditablePicking(before),
    after: auditablePicking({ ...before, state }),
  });
  return loadPicking(tx, actor.companyId, id, 'delivery', actor.locale);
}
