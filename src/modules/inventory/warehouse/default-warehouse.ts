import { sql } from 'drizzle-orm';
import { type Executor, one } from '../../../platform/db/tx.ts';
import { notFound } from '../../../platform/errors.ts';
import { isUuid, newId } from '../../../platform/ids.ts';
import { createWarehouseLocations, ensureVirtualLocations } from './locations.ts';
import { findDefaultWarehouse, findWarehouse, type WarehouseRow } from './warehouse.repo.ts';

export interface WarehouseInfo {
  id: string;
  code: string;
  name: Record<string, string>;
  stockLocationId: string;
}

const info = (w: WarehouseRow & { stockLocationId: string }): WarehouseInfo => ({
  id: w.id,
  code: w.code,
  name: w.name,
  stockLocationId: w.stockLocationId,
});

/**
 * Sets a company up for stock: its virtual locations and the default warehouse `WH` with its
 * internal locations. Safe to run again and concurrently (every insert is on-conflict-do-nothing).
 */
export async function setUpCompanyStock(ex: Executor, companyId: string): Promise<void> {
  await ensureVirtualLocations(ex, companyId);
  const existing = await one<{ id: string }>(
    ex,
    sql`select id from inventory_warehouse where company_id = ${companyId} and is_default`,
  );
  if (existing) return;
  await ex.execute(
    sql`insert into inventory_warehouse (company_id, id, code, name, is_default)
        values (${companyId}, ${newId()}, 'WH', ${JSON.stringify({ 'zh-CN': '主仓库', en: 'Main warehouse' })}::jsonb, true)
        on conflict do nothing`,
  );
  const wh = await one<{ id: string; code: string }>(
    ex,
    sql`select id, code from inventory_warehouse where company_id = ${companyId} order by is_default desc, id limit 1`,
  );
  if (wh) await createWarehouseLocations(ex, companyId, wh.id, wh.code);
}

/** The company's default warehouse (created with its locations for companies that predate inventory). */
export async function defaultWarehouse(ex: Executor, companyId: string): Promise<WarehouseInfo> {
  let w = await findDefaultWarehouse(ex, companyId);
  if (!w?.stockLocationId) {
    await setUpCompanyStock(ex, companyId);
    w = await findDefaultWarehouse(ex, companyId);
  }
  if (!w?.stockLocationId) throw new Error(`company ${companyId} has no usable warehouse`);
  return info({ ...w, stockLocationId: w.stockLocationId });
}

/** A warehouse of the company; 404 `not_found` when not the company's, inactive, or without locations. */
export async function getWarehouse(ex: Executor, companyId: string, id: string): Promise<WarehouseInfo> {
  const w = isUuid(id) ? await findWarehouse(ex, companyId, id) : undefined;
  if (!w?.active || !w.stockLocationId) throw notFound('warehouse', id);
  return info({ ...w, stockLocationId: w.stockLocationId });
}
