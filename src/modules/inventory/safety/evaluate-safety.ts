import { Decimal } from 'decimal.js';
import { type SQL, sql } from 'drizzle-orm';
import { rows, type Tx } from '../../../platform/db/tx.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';

export interface ProductWarehouse {
  productId: string;
  warehouseId: string;
}

interface LevelRow {
  id: string;
  product_id: string;
  warehouse_id: string;
  safety_qty: string;
  below: boolean;
  sku: string;
  available: string;
}

/**
 * After stock or reservations changed: a (product, warehouse) with a safety level whose available
 * quantity falls below it raises `stock.below_safety` once (remembered in `below_since`); climbing back to
 * the level re-arms the alert. The notification is integration's built-in trigger rule on that event.
 */
export async function evaluateSafety(tx: Tx, actor: Actor, pairs: ProductWarehouse[]): Promise<void> {
  const unique = [...new Map(pairs.map((p) => [`${p.productId}|${p.warehouseId}`, p])).values()];
  if (unique.length === 0) return;
  const match: SQL[] = unique.map(
    (p) => sql`(s.product_id = ${p.productId} and s.warehouse_id = ${p.warehouseId})`,
  );
  const levels = await rows<LevelRow>(
    tx,
    sql`select s.id, s.product_id, s.warehouse_id, s.safety_qty, s.below_since is not null as below, p.sku,
               coalesce((select sum(b.on_hand - b.reserved) from inventory_balance b
                           join inventory_location l on l.company_id = b.company_id and l.id = b.location_id
                          where b.company_id = s.company_id and b.product_id = s.product_id
                            and b.warehouse_id = s.warehouse_id and l.kind = 'stock'), 0) as available
          from inventory_safety_level s
          join catalog_product p on p.company_id = s.company_id and p.id = s.product_id
         where s.company_id = ${actor.companyId} and (${sql.join(match, sql` or `)})
         order by s.id`, // one update order for every writer, so two crossings never deadlock
  );
  for (const level of levels) {
    const available = new Decimal(level.available);
    const safety = new Decimal(level.safety_qty);
    if (available.lt(safety) && !level.below) await raiseAlert(tx, actor, level, available, safety);
    else if (available.gte(safety) && level.below)
      await tx.execute(
        sql`update inventory_safety_level set below_since = null, version = version + 1, updated_at = now()
             where company_id = ${actor.companyId} and id = ${level.id}`,
      );
  }
}

async function raiseAlert(tx: Tx, actor: Actor, level: LevelRow, available: Decimal, safety: Decimal) {
  // The conditional update makes the alert once-only even if two transactions cross the level together.
  const marked = await rows(
    tx,
    sql`update inventory_safety_level set below_since = now(), version = version + 1, updated_at = now()
         where company_id = ${actor.companyId} and id = ${level.id} and below_since is null returning id`,
  );
  if (marked.length === 0) return;
  const payload = {
    productId: level.product_id,
    warehouseId: level.warehouse_id,
    available: available.toFixed(4),
    safetyQty: safety.toFixed(4),
    sku: level.sku,
  };
  await publish(tx, actor, {
    type: 'stock.below_safety',
    aggregateType: 'inventory.safety_level',
    aggregateId: level.id,
    payload,
  });
  // Who hears of it is a trigger rule (integration's built-in `safety_stock_alert`), which users can edit or disable.
}
