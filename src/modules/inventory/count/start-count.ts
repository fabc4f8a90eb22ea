import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { rows, type Tx, textArray } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { assertWarehouse } from '../picking/create-delivery.ts';
import { nextPickingNumber } from '../picking/picking.repo.ts';
import { inventorySettings } from '../settings.ts';
import { stockProducts } from '../stock/products.repo.ts';
import type { CountInput } from './contract.ts';
import { COUNT_ENTITY, loadCount } from './count.repo.ts';

/**
 * Starts a stock count (盘点) of a warehouse, or of some products in it: the quantities on hand now,
 * per product, internal location and lot, are frozen as the expected ones; posting books counted −
 * expected, so moves made while people count are not mistaken for differences of the count.
 */
export async function startCount(tx: Tx, actor: Actor, input: CountInput) {
  requirePermission(actor, 'inventory.count.manage');
  const companyId = actor.companyId;
  await assertWarehouse(tx, companyId, input.warehouseId);
  if (input.productIds) await stockProducts(tx, companyId, input.productIds);
  const id = newId();
  const number = await nextPickingNumber(tx, companyId, 'count');
  const { today } = await inventorySettings(tx, companyId);
  await tx.execute(
    sql`insert into inventory_count (company_id, id, number, warehouse_id, state, count_date, notes)
        values (${companyId}, ${id}, ${number}, ${input.warehouseId}, 'counting', ${today}, ${input.notes ?? ''})`,
  );
  const products = input.productIds
    ? sql`and b.product_id::text = any(${textArray(input.productIds.map((p) => p.toLowerCase()))})`
    : sql``;
  const frozen = await rows<{
    product_id: string;
    location_id: string;
    lot_id: string | null;
    on_hand: string;
  }>(
    tx,
    sql`select b.product_id, b.location_id, b.lot_id, b.on_hand::text as on_hand
          from inventory_balance b
          join inventory_location l on l.company_id = b.company_id and l.id = b.location_id
         where b.company_id = ${companyId} and b.warehouse_id = ${input.warehouseId} and l.warehouse_id is not null
           and b.on_hand <> 0 ${products}
         order by b.product_id, b.location_id, b.lot_id nulls first`,
  );
  if (frozen.length > 0) {
    const doc = JSON.stringify(frozen.map((f) => ({ id: newId(), ...f })));
    // One JSON document rather than thousands of bound tuples: a whole warehouse stays one statement.
    await tx.execute(
      sql`insert into inventory_count_line (company_id, id, count_id, product_id, location_id, lot_id, expected_qty)
          select ${companyId}, r.id, ${id}, r.product_id, r.location_id, r.lot_id, r.on_hand
            from jsonb_to_recordset(${doc}::jsonb)
                 as r(id uuid, product_id uuid, location_id uuid, lot_id uuid, on_hand numeric)`,
    );
  }
  await recordAudit(tx, actor, {
    entity: COUNT_ENTITY,
    entityId: id,
    action: 'create',
    after: {
      number,
      warehouseId: input.warehouseId,
      productIds: input.productIds ?? null,
      lines: frozen.length,
    },
  });
  return loadCount(tx, companyId, id, actor.locale);
}
