import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { companyCurrency } from '../../../platform/reference/currencies.ts';
import { cleanNames } from '../contract.ts';
import { checkProductReferences } from './checks.ts';
import type { Product, ProductInput } from './contract.ts';
import { findProductRow, productSearchText, productView } from './product.repo.ts';
import { checkProductShape } from './product.ts';

/** The packagings of a product, replaced as a whole. */
export async function writePackagings(
  tx: Tx,
  companyId: string,
  productId: string,
  units: ProductInput['units'],
): Promise<void> {
  await tx.execute(
    sql`delete from catalog_product_unit where company_id = ${companyId} and product_id = ${productId}`,
  );
  for (const u of units)
    await tx.execute(
      sql`insert into catalog_product_unit (company_id, id, product_id, uom_code, factor, barcode)
          values (${companyId}, ${newId()}, ${productId}, ${u.uomCode}, ${u.factor}, ${u.barcode ?? null})`,
    );
}

/** What the audit log keeps of a product (no timestamps, no derived display name). */
export function auditable(p: Product): Record<string, unknown> {
  const { displayName: _d, createdAt: _c, updatedAt: _u, version: _v, ...rest } = p;
  return rest;
}

export async function createProduct(tx: Tx, actor: Actor, input: ProductInput): Promise<Product> {
  requirePermission(actor, 'catalog.product.create');
  const shape = {
    ...input,
    name: cleanNames(input.name),
    categoryId: input.categoryId ?? null,
    saleUomCode: input.saleUomCode ?? null,
    barcode: input.barcode ?? null,
    taxCode: input.taxCode ?? null,
    currency: input.currency ?? (await companyCurrency(tx, actor.companyId)),
  };
  checkProductShape(shape);
  await checkProductReferences(tx, actor.companyId, shape, null);
  const id = newId();
  const search = productSearchText(shape.name, shape.sku, [
    shape.barcode,
    ...shape.units.map((u) => u.barcode),
  ]);
  await tx.execute(
    sql`insert into catalog_product (company_id, id, sku, name, search_text, description, category_id, kind, uom_code,
          sale_uom_code, barcode, sale_price, currency, tax_code, procure_method, lot_tracked, expiry_tracked,
          weight_kg, volume_m3, active)
        values (${actor.companyId}, ${id}, ${shape.sku}, ${JSON.stringify(shape.name)}::jsonb, ${search},
          ${shape.description}, ${shape.categoryId}, ${shape.kind}, ${shape.uomCode}, ${shape.saleUomCode},
          ${shape.barcode}, ${shape.salePrice}, ${shape.currency}, ${shape.taxCode}, ${shape.procureMethod},
          ${shape.lotTracked}, ${shape.expiryTracked}, ${shape.weightKg ?? null}, ${shape.volumeM3 ?? null},
          ${shape.active})`,
  );
  await writePackagings(tx, actor.companyId, id, shape.units);
  const created = await productView(
    tx,
    actor.companyId,
    actor.locale,
    await findProductRow(tx, actor.companyId, id),
  );
  await recordAudit(tx, actor, {
    entity: 'catalog.product',
    entityId: id,
    action: 'create',
    after: auditable(created),
  });
  await publish(tx, actor, {
    type: 'product.created',
    aggregateType: 'product',
    aggregateId: id,
    payload: { productId: id, sku: created.sku },
  });
  return created;
}
