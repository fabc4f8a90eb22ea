import { Decimal } from 'decimal.js';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { stockProducts } from '../stock/products.repo.ts';
import { warehouseLocations } from '../warehouse/locations.ts';
import type { ReceiptInput } from './contract.ts';
import { assertParty, assertWarehouse } from './create-delivery.ts';
import { insertPicking, loadPicking, PICKING_ENTITY } from './picking.repo.ts';

/**
 * A manual goods receipt (until purchasing exists), in draft: its open lines are the "incoming" of
 * the availability projection on the scheduled date. Goods land in the warehouse's stock location.
 */
export async function createReceipt(tx: Tx, actor: Actor, input: ReceiptInput) {
  requirePermission(actor, 'inventory.receipt.validate');
  await assertWarehouse(tx, actor.companyId, input.warehouseId);
  await assertParty(tx, actor.companyId, input.partyId);
  const products = await stockProducts(
    tx,
    actor.companyId,
    input.lines.map((l) => l.productId),
  );
  const notStocked = input.lines.filter((l) => products.get(l.productId)?.kind !== 'stocked');
  if (notStocked.length > 0)
    throw unprocessable('inventory.not_stocked', 'Only stocked products are received into stock', {
      ids: notStocked.map((l) => l.productId),
    });
  const { stock } = await warehouseLocations(tx, actor.companyId, input.warehouseId);
  const lines = input.lines.map((l) => ({
    productId: l.productId,
    qty: new Decimal(l.qty).toFixed(4),
    unitCost: l.unitCost,
    lotNo: l.lotNo ?? null,
    expiryDate: l.expiryDate ?? null,
    locationId: stock,
  }));
  const created = await insertPicking(
    tx,
    actor.companyId,
    {
      kind: 'receipt',
      state: 'draft',
      warehouseId: input.warehouseId,
      partyId: input.partyId ?? null,
      scheduledDate: input.scheduledDate ?? null,
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
      partyId: input.partyId ?? null,
      scheduledDate: input.scheduledDate ?? null,
      lines: lines.map(({ locationId: _l, ...l }) => l),
    },
  });
  return loadPicking(tx, actor.companyId, created.id, 'receipt', actor.locale);
}
