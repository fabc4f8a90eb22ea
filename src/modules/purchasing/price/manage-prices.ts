import { type SQL, sql } from 'drizzle-orm';
import { diff, recordAudit } from '../../../platform/audit/record.ts';
import { type Executor, one, rows, type Tx } from '../../../platform/db/tx.ts';
import { notFound, unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { idCursor, page } from '../shared.ts';
import { assertVersion, findSupplier } from '../supplier/supplier.repo.ts';
import type {
  SupplierPriceInput,
  SupplierPriceListQuery,
  SupplierPricePatch,
  SupplierPriceView,
} from './contract.ts';
import { findPrice, PRICE_ENTITY, selectPrice, toPrice } from './price.repo.ts';

function assertWindow(from: string | null | undefined, to: string | null | undefined) {
  if (from && to && to < from)
    throw unprocessable('purchasing.validity_invalid', 'A price cannot end before it starts', {
      validFrom: from,
      validTo: to,
    });
}

async function assertProduct(tx: Tx, companyId: string, productId: string) {
  const found = await one(
    tx,
    sql`select 1 from catalog_product where company_id = ${companyId} and id = ${productId}`,
  );
  if (!found) throw notFound('product', productId);
}

/** A supplier's price for a product (currency: the supplier's unless given). */
export async function createSupplierPrice(
  tx: Tx,
  actor: Actor,
  input: SupplierPriceInput,
): Promise<SupplierPriceView> {
  requirePermission(actor, 'purchasing.supplier.manage');
  const supplier = await findSupplier(tx, actor.companyId, input.supplierId);
  await assertProduct(tx, actor.companyId, input.productId);
  assertWindow(input.validFrom, input.validTo);
  const id = newId();
  await tx.execute(
    sql`insert into purchasing_supplier_price (company_id, id, supplier_id, product_id, price, currency, min_qty,
          lead_time_days, valid_from, valid_to, preferred)
        values (${actor.companyId}, ${id}, ${supplier.id}, ${input.productId}, ${input.price},
          ${input.currency ?? supplier.currency}, ${input.minQty}, ${input.leadTimeDays ?? null},
          ${input.validFrom ?? null}, ${input.validTo ?? null}, ${input.preferred})`,
  );
  const created = await findPrice(tx, actor.companyId, id);
  await recordAudit(tx, actor, { entity: PRICE_ENTITY, entityId: id, action: 'create', after: created });
  return created;
}

const COLUMNS: Record<string, string> = {
  price: 'price',
  currency: 'currency',
  minQty: 'min_qty',
  leadTimeDays: 'lead_time_days',
  validFrom: 'valid_from',
  validTo: 'valid_to',
  preferred: 'preferred',
};

export async function updateSupplierPrice(
  tx: Tx,
  actor: Actor,
  id: string,
  patch: SupplierPricePatch,
): Promise<SupplierPriceView> {
  requirePermission(actor, 'purchasing.supplier.manage');
  const before = await findPrice(tx, actor.companyId, id, true);
  assertVersion(before, patch.version, 'supplier_price');
  assertWindow(
    patch.validFrom === undefined ? before.validFrom : patch.validFrom,
    patch.validTo === undefined ? before.validTo : patch.validTo,
  );
  const sets: SQL[] = [];
  for (const [key, column] of Object.entries(COLUMNS)) {
    const value = (patch as Record<string, unknown>)[key];
    if (value !== undefined) sets.push(sql`${sql.raw(column)} = ${value}`);
  }
  if (sets.length > 0)
    await tx.execute(
      sql`update purchasing_supplier_price set ${sql.join(sets, sql`, `)}, version = version + 1, updated_at = now()
           where company_id = ${actor.companyId} and id = ${id}`,
    );
  const after = await findPrice(tx, actor.companyId, id);
  if (Object.keys(diff(before, after)).length > 0)
    await recordAudit(tx, actor, { entity: PRICE_ENTITY, entityId: id, action: 'update', before, after });
  return after;
}

export async function deleteSupplierPrice(tx: Tx, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'purchasing.supplier.manage');
  const before = await findPrice(tx, actor.companyId, id, true);
  await tx.execute(
    sql`delete from purchasing_supplier_price where company_id = ${actor.companyId} and id = ${id}`,
  );
  await recordAudit(tx, actor, { entity: PRICE_ENTITY, entityId: id, action: 'delete', before });
}

/** Prices, newest first, of a supplier and/or a product. */
export async function listSupplierPrices(ex: Executor, actor: Actor, query: SupplierPriceListQuery) {
  requirePermission(actor, 'purchasing.supplier.read');
  const where: SQL[] = [sql`sp.company_id = ${actor.companyId}`];
  if (query.supplierId) where.push(sql`sp.supplier_id = ${query.supplierId}`);
  if (query.productId) where.push(sql`sp.product_id = ${query.productId}`);
  const cursor = idCursor(query.cursor, sql`sp.id`);
  if (cursor) where.push(cursor);
  const list = await rows<Record<string, any>>(
    ex,
    sql`${selectPrice} where ${sql.join(where, sql` and `)} order by sp.id desc limit ${query.limit + 1}`,
  );
  return page(list.map(toPrice), query.limit);
}
