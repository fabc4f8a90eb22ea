import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { notFound, unprocessable } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import type { StockProduct } from '../stock/products.repo.ts';
import { productsFor } from '../stock/reservations.ts';
import { assignPickingNumber, insertPicking, PICKING_ENTITY } from './picking.repo.ts';
import { linkReservations, readiness } from './reservation-links.ts';

export interface CreateDeliveryInput {
  warehouseId: string;
  partyId: string;
  originType: string;
  originId: string;
  originNumber: string;
  scheduledDate: string | null;
  shipTo: Record<string, string> | null;
  lines: Array<{ originLineId: string; productId: string; qty: string }>;
  /** The lines' products as the caller read them from catalog in this transaction. */
  products?: Map<string, StockProduct>;
}

export async function assertWarehouse(ex: Tx, companyId: string, warehouseId: string): Promise<void> {
  const found = await one(
    ex,
    sql`select 1 from inventory_warehouse where company_id = ${companyId} and id = ${warehouseId} and active`,
  );
  if (!found) throw notFound('warehouse', warehouseId);
}

export async function assertParty(
  ex: Tx,
  companyId: string,
  partyId: string | null | undefined,
): Promise<void> {
  if (!partyId) return;
  const found = await one(
    ex,
    sql`select 1 from crm_customer where company_id = ${companyId} and id = ${partyId}`,
  );
  if (!found) throw unprocessable('inventory.party_unknown', 'Unknown customer or supplier', { partyId });
}

/** Both checks of a new delivery in one statement: 404 for the warehouse, 422 for the party. */
async function assertWarehouseAndParty(tx: Tx, companyId: string, warehouseId: string, partyId: string) {
  const found = await one<{ warehouse: boolean; party: boolean }>(
    tx,
    sql`select exists (select 1 from inventory_warehouse where company_id = ${companyId} and id = ${warehouseId} and active)
                 as warehouse,
               exists (select 1 from crm_customer where company_id = ${companyId} and id = ${partyId}) as party`,
  );
  if (!found?.warehouse) throw notFound('warehouse', warehouseId);
  if (!found.party)
    throw unprocessable('inventory.party_unknown', 'Unknown customer or supplier', { partyId });
}

/**
 * A delivery order for a document's stocked lines. The caller (sales' confirm step) has authorized the
 * action; this runs in its transaction right after `reserveStock`, so the reservations it links are
 * the ones just made. Returns null when no line is of a stocked product (nothing to deliver).
 */
export async function createDelivery(
  tx: Tx,
  actor: Actor,
  input: CreateDeliveryInput,
): Promise<{ id: string; number: string; state: 'ready' | 'waiting' } | null> {
  await assertWarehouseAndParty(tx, actor.companyId, input.warehouseId, input.partyId);
  const products = await productsFor(
    tx,
    actor.companyId,
    input.lines.map((l) => l.productId),
    input.products,
  );
  const lines = input.lines
    .filter((l) => products.get(l.productId)?.kind === 'stocked')
    .map((l) => ({ ...l, qty: new Decimal(l.qty).toDecimalPlaces(4, Decimal.ROUND_HALF_UP) }))
    .filter((l) => l.qty.gt(0));
  if (lines.length === 0) return null;
  const origin = { originType: input.originType, originId: input.originId };
  const created = await insertPicking(
    tx,
    actor.companyId,
    {
      kind: 'delivery',
      state: 'waiting',
      warehouseId: input.warehouseId,
      partyId: input.partyId,
      ...origin,
      originNumber: input.originNumber,
      scheduledDate: input.scheduledDate,
      shipTo: input.shipTo,
    },
    lines.map((l) => ({ productId: l.productId, qty: l.qty.toFixed(4), originLineId: l.originLineId })),
    { numberLater: true },
  );
  const pairs = lines.map((l, i) => ({ originLineId: l.originLineId, pickingLineId: created.lineIds[i] }));
  // The delivery is new: what gets linked to its lines is all that is reserved for them.
  const reserved = await linkReservations(tx, actor.companyId, origin, pairs);
  const state = readiness(
    lines.map((l, i) => ({ id: created.lineIds[i], qty: l.qty })),
    reserved,
  );
  // Last: the number (its counter stays locked until commit) together with the state.
  const number = await assignPickingNumber(tx, actor.companyId, created.id, 'delivery', state);
  await recordAudit(tx, actor, {
    entity: PICKING_ENTITY,
    entityId: created.id,
    action: 'create',
    after: {
      number,
      kind: 'delivery',
      state,
      warehouseId: input.warehouseId,
      partyId: input.partyId,
      originType: input.originType,
      originId: input.originId,
      originNumber: input.originNumber,
      lines: lines.map((l) => ({
        productId: l.productId,
        qty: l.qty.toFixed(4),
        originLineId: l.originLineId,
      })),
    },
  });
  return { id: created.id, number, state };
}
