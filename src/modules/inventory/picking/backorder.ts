import type { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { endLineReservations } from './line-reservations.ts';
import { insertPicking, PICKING_ENTITY, type PickingRow } from './picking.repo.ts';
import type { PickingKind } from './picking.ts';
import { moveReservations, readiness, reservedByLine } from './reservation-links.ts';

export interface Remainder {
  lineId: string;
  productId: string;
  originLineId: string | null;
  qty: Decimal;
  lotNo?: string | null;
  expiryDate?: string | null;
  unitCost?: string | null;
}

/**
 * Frees what a finished document still holds beyond what remains to do (the packer shipped another
 * lot, or less was needed), then — when something remains — opens a backorder of the same kind for
 * it, whose lines take over the remaining reservations. Returns the backorder's id or null.
 */
export async function splitBackorder(
  tx: Tx,
  actor: Actor,
  picking: PickingRow,
  lineIds: string[],
  remainders: Remainder[],
): Promise<string | null> {
  const companyId = actor.companyId;
  const held = await reservedByLine(tx, companyId, picking.id);
  for (const lineId of lineIds) {
    const keep = remainders.find((r) => r.lineId === lineId)?.qty;
    const has = held.get(lineId);
    if (has && (!keep || has.gt(keep)))
      await endLineReservations(tx, companyId, {
        pickingLineId: lineId,
        qty: keep ? has.sub(keep) : has,
        state: 'released',
      });
  }
  if (remainders.length === 0) return null;
  const created = await insertPicking(
    tx,
    companyId,
    {
      kind: picking.kind as PickingKind,
      state: picking.kind === 'delivery' ? 'waiting' : 'draft',
      warehouseId: picking.warehouseId,
      partyId: picking.partyId,
      originType: picking.originType,
      originId: picking.originId,
      originNumber: picking.originNumber,
      scheduledDate: picking.scheduledDate,
      shipTo: picking.shipTo,
      notes: picking.notes,
      backorderOfId: picking.id,
    },
    remainders.map((r) => ({
      productId: r.productId,
      qty: r.qty.toFixed(4),
      originLineId: r.originLineId,
      lotNo: r.lotNo ?? null,
      expiryDate: r.expiryDate ?? null,
      unitCost: r.unitCost ?? null,
    })),
  );
  for (const [i, r] of remainders.entries())
    await moveReservations(tx, companyId, r.lineId, created.lineIds[i]);
  if (picking.kind === 'delivery') {
    const reserved = await reservedByLine(tx, companyId, created.id);
    const state = readiness(
      remainders.map((r, i) => ({ id: created.lineIds[i], qty: r.qty })),
      reserved,
    );
    if (state === 'ready')
      await tx.execute(
        sql`update inventory_picking set state = 'ready' where company_id = ${companyId} and id = ${created.id}`,
      );
  }
  await recordAudit(tx, actor, {
    entity: PICKING_ENTITY,
    entityId: created.id,
    action: 'create',
    after: {
      number: created.number,
      kind: picking.kind,
      backorderOfId: picking.id,
      lines: remainders.map((r) => ({ productId: r.productId, qty: r.qty.toFixed(4) })),
    },
  });
  return created.id;
}
