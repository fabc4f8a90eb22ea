import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { staleVersion } from '../../../platform/errors.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { cleanNames } from '../contract.ts';
import { checkProductReferences } from './checks.ts';
import type { Product, ProductPatch } from './contract.ts';
import { auditable, writePackagings } from './create-product.ts';
import { findProductRow, productSearchText, productView } from './product.repo.ts';
import { checkProductShape } from './product.ts';

export async function updateProduct(tx: Tx, actor: Actor, id: string, patch: ProductPatch): Promise<Product> {
  requirePermission(actor, 'catalog.product.update');
  const row = await findProductRow(tx, actor.companyId, id, true);
  const before = await productView(tx, actor.companyId, actor.locale, row);
  if (row.version !== patch.version) throw staleVersion('product', patch.version, row.version);
  const { version: _v, ...changes } = patch;
  const next = {
    ...before,
    // The stored sale unit (null = the stock unit), so a new stock unit carries the default along.
    saleUomCode: row.sale_uom_code,
    ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
  } as Omit<Product, 'saleUomCode'> & { saleUomCode: string | null };
  next.name = cleanNames(next.name);
  if (next.saleUomCode === next.uomCode) next.saleUomCode = null;
  checkProductShape(next);
  await checkProductReferences(tx, actor.companyId, next, id);
  const search = productSearchText(next.name, next.sku, [next.barcode, ...next.units.map((u) => u.barcode)]);
  await tx.execute(
    sql`update catalog_product set sku = ${next.sku}, name = ${JSON.stringify(next.name)}::jsonb, search_text = ${search},
          description = ${next.description}, category_id = ${next.categoryId}, kind = ${next.kind},
          uom_code = ${next.uomCode}, sale_uom_code = ${next.saleUomCode}, barcode = ${next.barcode},
          sale_price = ${next.salePrice}, currency = ${next.currency}, tax_code = ${next.taxCode},
          procure_method = ${next.procureMethod}, lot_tracked = ${next.lotTracked}, expiry_tracked = ${next.expiryTracked},
          weight_kg = ${next.weightKg}, volume_m3 = ${next.volumeM3}, active = ${next.active},
          version = version + 1, updated_at = now()
        where company_id = ${actor.companyId} and id = ${id}`,
  );
  if (patch.units !== undefined) await writePackagings(tx, actor.companyId, id, patch.units);
  const after = await productView(
    tx,
    actor.companyId,
    actor.locale,
    await findProductRow(tx, actor.companyId, id),
  );
  const changed = Object.keys(auditable(after)).filter(
    (k) =>
      JSON.stringify((before as Record<string, unknown>)[k]) !==
      JSON.stringify((after as Record<string, unknown>)[k]),
  );
  await recordAudit(tx, actor, {
    entity: 'catalog.product',
    entityId: id,
    action: 'update',
    before: auditable(before),
    after: auditable(after),
  });
  await publish(tx, actor, {
    type: 'product.updated',
    aggregateType: 'product',
    aggregateId: id,
    payload: { productId: id, sku: after.sku, changed },
  });
  return after;
}
