import { Decimal } from 'decimal.js';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { stockProducts } from '../stock/products.repo.ts';
import { warehouseLocations } from '../warehouse/locations.ts';
import { assertParty, assertWarehouse } from './create-delivery.ts';
import { insertPicking, PICKING_ENTITY } from './picking.repo.ts';

export interface OriginReceiptInput {
  warehouseId: string;
  partyId: string | null;
  scheduledDate: string | null;
  /** The document that buys the goods (a purchase order): its lines come back in `receipt.done`. */
  originType: string;
  originId: string;
  originNumber: string;
  notes?: string;
  lines: Array<{ originLineId: string; productId: string; qty: string; unitCost: string }>;
}

/**
 * Service API for the modules that buy (purchasing): a draft receipt for an origin document, one line
 * per origin line with the unit cost in company currency. Lines of products that are not stocked are
 * left out (null when none is left). No permission check: the calling use case authorised it.
 */
export async function createOriginReceipt(
  tx: Tx,
  actor: Actor,
  input: OriginReceiptInput,
): Promise<{ id: string; number: string; lineIds: Map<string, string> } | null> {
  await assertWarehouse(tx, actor.companyId, input.warehouseId);
  await assertParty(tx, actor.companyId, input.partyId);
  const products = await stockProducts(
    tx,
    actor.companyId,
    input.lines.map((l) => l.productId),
  );
  const stocked = input.lines.filter((l) => products.get(l.productId)?.kind === 'stocked');
  if (stocked.length === 0) return null;
  for (const l of stocked)
    if (!new Decimal(l.qty).gt(0))
      throw unprocessable('inventory.qty_invalid', 'A receipt line needs a quantity > 0', { qty: l.qty });
  const { stock } = await warehouseLocations(tx, actor.companyId, input.warehouseId);
  const lines = stocked.map((l) => ({
    productId: l.productId,
    qty: new Decimal(l.qty).toFixed(4),
    unitCost: new Decimal(l.unitCost).toDecimalPlaces(6).toString(),
    originLineId: l.originLineId,
    locationId: stock,
  }));
  const created = await insertPicking(
    tx,
    actor.companyId,
    {
      kind: 'receipt',
      state: 'draft',
      warehouseId: input.warehouseId,
      partyId: input.partyId,
      originType: input.originType,
      originId: input.originId,
      originNumber: input.originNumber,
      scheduledDate: input.scheduledDate,
      notes: input.notes ?? '',
    },
    lines,
  );
  await recordAudit(tx, actor, {
    entity: PICKING_ENTITY,
    entityId: created.id,
    action: 'create',
    after: {
      number: created.number,
      kind: 'receipt',
      state: 'draft',
      warehouseId: input.warehouseId,
      partyId: input.partyId,
      originType: input.originType,
      originNumber: input.originNumber,
      scheduledDate: input.scheduledDate,
      lines: lines.map(({ locationId: _l, ...l }) => l),
    },
  });
  return {
    id: created.id,
    number: created.number,
    lineIds: new Map(stocked.map((l, i) => [l.originLineId, created.lineIds[i]])),
  };
}
