import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { one, rows, type Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { resolveLot } from '../stock/lots.repo.ts';
import { type StockProduct, stockProducts } from '../stock/products.repo.ts';
import { warehouseLocations } from '../warehouse/locations.ts';
import type { CountLineInput } from './contract.ts';
import { assertCounting, COUNT_ENTITY, countLines, findCount } from './count.repo.ts';
import { resolveCode } from './scan-code.ts';

async function countLocation(
  tx: Tx,
  companyId: string,
  warehouseId: string,
  locationId?: string,
): Promise<string> {
  if (!locationId) return (await warehouseLocations(tx, companyId, warehouseId)).stock;
  const found = await one(
    tx,
    sql`select 1 from inventory_location where company_id = ${companyId} and id = ${locationId}
          and warehouse_id = ${warehouseId}`,
  );
  if (!found)
    throw unprocessable('inventory.location_unknown', 'Not a location of the counted warehouse', {
      locationId,
    });
  return locationId;
}

/**
 * Which lot a count line is for: the one named (created when first seen), else — for a lot-tracked
 * product — the only lot the count expects at that location (a scanner sends no lot), else 422.
 */
async function countLot(
  tx: Tx,
  companyId: string,
  countId: string,
  product: StockProduct,
  locationId: string,
  input: CountLineInput,
): Promise<string | null> {
  if (input.lotNo || !(product.lotTracked || product.expiryTracked))
    return (
      (await resolveLot(tx, companyId, product, { lotNo: input.lotNo, expiryDate: input.expiryDate }))?.id ??
      null
    );
  const lots = await rows<{ lot_id: string | null }>(
    tx,
    sql`select distinct lot_id from inventory_count_line
         where company_id = ${companyId} and count_id = ${countId} and product_id = ${product.id}
           and location_id = ${locationId}`,
  );
  if (lots.length === 1 && lots[0].lot_id) return lots[0].lot_id;
  throw unprocessable('inventory.lot_required', 'This product is tracked by lot; give the lot number', {
    productId: product.id,
    sku: product.sku,
  });
}

/**
 * Records a counted quantity — by scanned code (SKU, product or packaging barcode) or product id —
 * for a location and lot: sets it, or with `add` adds to it (one scan per item). A product or lot
 * the count did not expect there gets a line with expected 0.
 */
export async function recordCountLine(tx: Tx, actor: Actor, countId: string, input: CountLineInput) {
  requirePermission(actor, 'inventory.count.manage');
  const companyId = actor.companyId;
  const count = await findCount(tx, companyId, countId, true);
  assertCounting(count);
  const { productId, factor } = input.code
    ? await resolveCode(tx, companyId, input.code)
    : { productId: input.productId as string, factor: '1' };
  const product = (await stockProducts(tx, companyId, [productId])).get(productId) as StockProduct;
  if (product.kind !== 'stocked')
    throw unprocessable('inventory.not_stocked', 'Only stocked products are counted', { productId });
  const locationId = await countLocation(tx, companyId, count.warehouseId, input.locationId);
  const lotId = await countLot(tx, companyId, countId, product, locationId, input);
  const qty = new Decimal(input.countedQty).mul(factor).toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
  const existing = await one<{ id: string; counted: string | null }>(
    tx,
    sql`select id, counted_qty::text as counted from inventory_count_line
         where company_id = ${companyId} and count_id = ${countId} and product_id = ${product.id}
           and location_id = ${locationId} and lot_id is not distinct from ${lotId}::uuid
         for update`,
  );
  const before = existing?.counted ?? null;
  const counted = input.add && before !== null ? new Decimal(before).add(qty) : qty;
  const lineId = existing?.id ?? newId();
  if (existing)
    await tx.execute(
      sql`update inventory_count_line set counted_qty = ${counted.toFixed(4)}::numeric, version = version + 1,
             updated_at = now()
           where company_id = ${companyId} and id = ${lineId}`,
    );
  else
    await tx.execute(
      sql`insert into inventory_count_line (company_id, id, count_id, product_id, location_id, lot_id, expected_qty,
            counted_qty)
          values (${companyId}, ${lineId}, ${countId}, ${product.id}, ${locationId}, ${lotId}, 0,
            ${counted.toFixed(4)}::numeric)`,
    );
  await recordAudit(tx, actor, {
    entity: COUNT_ENTITY,
    entityId: countId,
    action: 'count',
    before: { lineId, countedQty: before },
    after: { lineId, productId: product.id, locationId, lotId, countedQty: counted.toFixed(4) },
  });
  const [line] = await countLines(tx, companyId, countId, actor.locale, sql`l.id = ${lineId}`);
  return line;
}
