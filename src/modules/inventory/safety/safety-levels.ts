import { Decimal } from 'decimal.js';
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/record.ts';
import { iso } from '../../../platform/db/time.ts';
import { type Executor, one, rows, type Tx } from '../../../platform/db/tx.ts';
import { notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { evaluateSafety } from './evaluate-safety.ts';

export const SafetyLevel = z
  .object({
    id: z.uuid(),
    productId: z.uuid(),
    sku: z.string(),
    productName: z.record(z.string(), z.string()),
    warehouseId: z.uuid(),
    safetyQty: z.string(),
    available: z.string(),
    belowSince: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'SafetyLevel' });
export type SafetyLevel = z.infer<typeof SafetyLevel>;

export const SafetyLevelInput = z
  .strictObject({
    productId: z.uuid(),
    warehouseId: z.uuid(),
    safetyQty: z.string().regex(/^\d{1,14}(\.\d{1,4})?$/, 'a decimal ≥ 0 such as "20"'),
  })
  .meta({ id: 'SafetyLevelSet' });
export type SafetyLevelInput = z.infer<typeof SafetyLevelInput>;

export const SafetyLevelQuery = z.object({
  warehouseId: z.uuid().optional(),
  productId: z.uuid().optional(),
  below: z.enum(['true', 'false']).optional(),
});

const columns = sql`s.id, s.product_id, p.sku, p.name, s.warehouse_id, s.safety_qty, s.below_since, s.version,
  coalesce((select sum(b.on_hand - b.reserved) from inventory_balance b
             join inventory_location l on l.company_id = b.company_id and l.id = b.location_id and l.kind = 'stock'
            where b.company_id = s.company_id and b.product_id = s.product_id and b.warehouse_id = s.warehouse_id), 0)
    as available`;

function map(r: Record<string, any>): SafetyLevel {
  return {
    id: r.id,
    productId: r.product_id,
    sku: r.sku,
    productName: r.name,
    warehouseId: r.warehouse_id,
    safetyQty: new Decimal(r.safety_qty).toFixed(4),
    available: new Decimal(r.available).toFixed(4),
    belowSince: r.below_since ? iso(r.below_since) : null,
    version: Number(r.version),
  };
}

export async function listSafetyLevels(
  ex: Executor,
  actor: Actor,
  query: z.infer<typeof SafetyLevelQuery>,
): Promise<SafetyLevel[]> {
  requirePermission(actor, 'inventory.stock.read');
  const where: SQL[] = [sql`s.company_id = ${actor.companyId}`];
  if (query.warehouseId) where.push(sql`s.warehouse_id = ${query.warehouseId}`);
  if (query.productId) where.push(sql`s.product_id = ${query.productId}`);
  if (query.below) where.push(sql`(s.below_since is not null) = ${query.below === 'true'}`);
  const found = await rows<Record<string, any>>(
    ex,
    sql`select ${columns} from inventory_safety_level s
          join catalog_product p on p.company_id = s.company_id and p.id = s.product_id
         where ${sql.join(where, sql` and `)} order by p.sku, s.warehouse_id limit 1000`,
  );
  return found.map(map);
}

/** Sets (creates or changes) the safety level of a product in a warehouse, then checks it at once. */
export async function putSafetyLevel(tx: Tx, actor: Actor, input: SafetyLevelInput): Promise<SafetyLevel> {
  requirePermission(actor, 'inventory.safety.manage');
  const companyId = actor.companyId;
  const ok = await one(
    tx,
    sql`select 1 from catalog_product p, inventory_warehouse w
         where p.company_id = ${companyId} and p.id = ${input.productId}
           and w.company_id = ${companyId} and w.id = ${input.warehouseId}`,
  );
  if (!ok) throw notFound('product or warehouse');
  const before = await one<{ id: string; safety_qty: string }>(
    tx,
    sql`select id, safety_qty from inventory_safety_level
         where company_id = ${companyId} and product_id = ${input.productId} and warehouse_id = ${input.warehouseId}
         for update`,
  );
  const qty = new Decimal(input.safetyQty).toFixed(4);
  const id = before?.id ?? newId();
  await tx.execute(
    sql`insert into inventory_safety_level (company_id, id, product_id, warehouse_id, safety_qty)
        values (${companyId}, ${id}, ${input.productId}, ${input.warehouseId}, ${qty})
        on conflict (company_id, product_id, warehouse_id)
        do update set safety_qty = excluded.safety_qty, version = inventory_safety_level.version + 1, updated_at = now()`,
  );
  await recordAudit(tx, actor, {
    entity: 'inventory.safety_level',
    entityId: id,
    action: before ? 'update' : 'create',
    before: before ? { safetyQty: new Decimal(before.safety_qty).toFixed(4) } : null,
    after: { productId: input.productId, warehouseId: input.warehouseId, safetyQty: qty },
  });
  await evaluateSafety(tx, actor, [{ productId: input.productId, warehouseId: input.warehouseId }]);
  const row = await one<Record<string, any>>(
    tx,
    sql`select ${columns} from inventory_safety_level s
          join catalog_product p on p.company_id = s.company_id and p.id = s.product_id
         where s.company_id = ${companyId} and s.id = ${id}`,
  );
  return map(row as Record<string, any>);
}
