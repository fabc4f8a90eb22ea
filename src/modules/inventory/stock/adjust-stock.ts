import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { notFound, unprocessable } from '../../../platform/errors.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, can, requirePermission } from '../../../platform/permissions/actor.ts';
import { getWarehouse } from '../warehouse/default-warehouse.ts';
import { virtualLocation } from '../warehouse/locations.ts';
import { applyMoves } from './apply-moves.ts';
import { bookStock } from './book-stock.ts';
import type { AdjustmentInput } from './contract.ts';

/**
 * Quick stock entry or correction: a positive quantity comes in from the adjustment location at the
 * given unit cost (default: the current average), a negative one goes out to it at the average.
 */
export async function adjustStock(tx: Tx, actor: Actor, input: AdjustmentInput) {
  requirePermission(actor, 'inventory.stock.adjust');
  const companyId = actor.companyId;
  const wh = await getWarehouse(tx, companyId, input.warehouseId);
  let locationId = wh.stockLocationId;
  if (input.locationId) {
    const loc = await one(
      tx,
      sql`select 1 from inventory_location where company_id = ${companyId} and id = ${input.locationId}
            and warehouse_id = ${wh.id}`,
    );
    if (!loc) throw notFound('location', input.locationId);
    locationId = input.locationId;
  }
  const product = await one(
    tx,
    sql`select 1 from catalog_product where company_id = ${companyId} and id = ${input.productId}`,
  );
  if (!product) throw notFound('product', input.productId);
  if (input.unitCost !== undefined && !can(actor, 'inventory.valuation.read'))
    throw unprocessable('inventory.cost_not_allowed', 'Only people who see stock values may set a unit cost');
  const qty = new Decimal(input.qty);
  const adjustment = await virtualLocation(tx, companyId, 'adjustment');
  const incoming = qty.gt(0);
  const [moved] = await applyMoves(tx, actor, [
    {
      kind: 'adjustment',
      productId: input.productId,
      fromLocationId: incoming ? adjustment : locationId,
      toLocationId: incoming ? locationId : adjustment,
      qty: qty.abs().toFixed(4),
      lotNo: input.lotNo ?? null,
      expiryDate: input.expiryDate ?? null,
      unitCost: incoming ? (input.unitCost ?? null) : null,
      note: input.reason,
    },
  ]);
  await bookStock(
    tx,
    actor,
    { type: 'inventory.move', id: moved.id },
    `Stock adjustment: ${input.reason}`.slice(0, 200),
    [
      incoming
        ? { debit: 'inventory', credit: 'inventory_adjustment', value: moved.value }
        : { debit: 'inventory_adjustment', credit: 'inventory', value: moved.value },
    ],
  );
  const balance = await one<{ on_hand: string }>(
    tx,
    sql`select on_hand from inventory_balance where company_id = ${companyId} and product_id = ${input.productId}
          and location_id = ${locationId} and lot_id is not distinct from ${moved.lotId}::uuid`,
  );
  await recordAudit(tx, actor, {
    entity: 'inventory.adjustment',
    entityId: moved.id,
    action: 'create',
    after: {
      productId: input.productId,
      warehouseId: wh.id,
      locationId,
      qty: qty.toFixed(4),
      lotNo: input.lotNo ?? null,
    },
    reason: input.reason,
  });
  await publish(tx, actor, {
    type: 'stock.adjusted',
    aggregateType: 'inventory.move',
    aggregateId: moved.id,
    payload: {
      productId: input.productId,
      warehouseId: wh.id,
      qty: qty.toFixed(4),
      moveId: moved.id,
      reason: input.reason,
    },
  });
  const result: Record<string, unknown> = {
    moveId: moved.id,
    productId: input.productId,
    warehouseId: wh.id,
    locationId,
    lotId: moved.lotId,
    qty: qty.toFixed(4),
    onHand: new Decimal(balance?.on_hand ?? 0).toFixed(4),
  };
  if (can(actor, 'inventory.valuation.read')) {
    result.unitCost = moved.unitCost;
    result.value = moved.value;
  }
  return result as {
    moveId: string;
    productId: string;
    warehouseId: string;
    locationId: string;
    lotId: string | null;
    qty: string;
    onHand: string;
    unitCost?: string;
    value?: string;
  };
}
