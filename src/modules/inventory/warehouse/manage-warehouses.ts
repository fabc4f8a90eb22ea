import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { type Executor, one, rows, type Tx } from '../../../platform/db/tx.ts';
import { notFound, staleVersion, unprocessable } from '../../../platform/errors.ts';
import { isUuid, newId } from '../../../platform/ids.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import type { Location, LocationInput, WarehouseInput, WarehousePatch } from './contract.ts';
import { createWarehouseLocations, ensureVirtualLocations } from './locations.ts';
import { findWarehouse, type WarehouseRow } from './warehouse.repo.ts';

const snapshot = (w: WarehouseRow) => ({
  code: w.code,
  name: w.name,
  address: w.address,
  isDefault: w.isDefault,
  active: w.active,
});

/** A new warehouse with its stock, input, output and quality locations; the first one becomes the default. */
export async function createWarehouse(tx: Tx, actor: Actor, input: WarehouseInput): Promise<WarehouseRow> {
  requirePermission(actor, 'inventory.warehouse.manage');
  const companyId = actor.companyId;
  await ensureVirtualLocations(tx, companyId);
  const hasDefault = await one(
    tx,
    sql`select 1 from inventory_warehouse where company_id = ${companyId} and is_default`,
  );
  const makeDefault = input.isDefault === true || !hasDefault;
  if (makeDefault && hasDefault) await clearDefault(tx, companyId);
  const id = newId();
  await tx.execute(
    sql`insert into inventory_warehouse (company_id, id, code, name, address, is_default)
        values (${companyId}, ${id}, ${input.code}, ${JSON.stringify(input.name)}::jsonb, ${input.address ?? ''},
                ${makeDefault})`,
  );
  await createWarehouseLocations(tx, companyId, id, input.code);
  const created = (await findWarehouse(tx, companyId, id)) as WarehouseRow;
  await recordAudit(tx, actor, {
    entity: 'inventory.warehouse',
    entityId: id,
    action: 'create',
    after: snapshot(created),
  });
  return created;
}

async function clearDefault(tx: Tx, companyId: string) {
  await tx.execute(
    sql`update inventory_warehouse set is_default = false, version = version + 1, updated_at = now()
         where company_id = ${companyId} and is_default`,
  );
}

/** Name, address, active, or becoming the default (which the old default stops being). */
export async function updateWarehouse(
  tx: Tx,
  actor: Actor,
  id: string,
  patch: WarehousePatch,
): Promise<WarehouseRow> {
  requirePermission(actor, 'inventory.warehouse.manage');
  const companyId = actor.companyId;
  const before = await findWarehouse(tx, companyId, id, true);
  if (!before) throw notFound('warehouse', id);
  if (before.version !== patch.version) throw staleVersion('warehouse', patch.version, before.version);
  if (patch.active === false && (before.isDefault || patch.isDefault))
    throw unprocessable('inventory.default_warehouse', 'The default warehouse cannot be deactivated');
  if (patch.active === false) {
    const stock = await one(
      tx,
      sql`select 1 from inventory_balance where company_id = ${companyId} and warehouse_id = ${id}
            and (on_hand <> 0 or reserved <> 0) limit 1`,
    );
    if (stock) throw unprocessable('inventory.warehouse_has_stock', 'The warehouse still holds stock');
  }
  if (patch.isDefault && !before.isDefault) await clearDefault(tx, companyId);
  await tx.execute(
    sql`update inventory_warehouse
           set name = coalesce(${patch.name ? JSON.stringify(patch.name) : null}::jsonb, name),
               address = coalesce(${patch.address ?? null}, address),
               active = coalesce(${patch.active ?? null}::boolean, active),
               is_default = is_default or coalesce(${patch.isDefault ?? null}::boolean, false),
               version = version + 1, updated_at = now()
         where company_id = ${companyId} and id = ${id}`,
  );
  const after = (await findWarehouse(tx, companyId, id)) as WarehouseRow;
  await recordAudit(tx, actor, {
    entity: 'inventory.warehouse',
    entityId: id,
    action: 'update',
    before: snapshot(before),
    after: snapshot(after),
  });
  return after;
}

interface LocationRaw {
  id: string;
  warehouse_id: string | null;
  code: string;
  name: Record<string, string>;
  kind: Location['kind'];
  active: boolean;
  version: number;
}

const mapLocation = (r: LocationRaw): Location => ({
  id: r.id,
  warehouseId: r.warehouse_id,
  code: r.code,
  name: r.name,
  kind: r.kind,
  active: r.active,
  version: Number(r.version),
});

/** The warehouse's locations (main ones first, then shelves by code); 404 when not the company's. */
export async function listLocations(ex: Executor, actor: Actor, warehouseId: string): Promise<Location[]> {
  requirePermission(actor, 'inventory.stock.read');
  if (!isUuid(warehouseId) || !(await findWarehouse(ex, actor.companyId, warehouseId)))
    throw notFound('warehouse', warehouseId);
  const found = await rows<LocationRaw>(
    ex,
    sql`select id, warehouse_id, code, name, kind, active, version from inventory_location
         where company_id = ${actor.companyId} and warehouse_id = ${warehouseId} order by id`,
  );
  return found.map(mapLocation);
}

/** A shelf (kind 'stock') in a warehouse. */
export async function createLocation(tx: Tx, actor: Actor, input: LocationInput): Promise<Location> {
  requirePermission(actor, 'inventory.warehouse.manage');
  const w = await findWarehouse(tx, actor.companyId, input.warehouseId);
  if (!w) throw notFound('warehouse', input.warehouseId);
  const id = newId();
  await tx.execute(
    sql`insert into inventory_location (company_id, id, warehouse_id, code, name, kind)
        values (${actor.companyId}, ${id}, ${w.id}, ${input.code}, ${JSON.stringify(input.name)}::jsonb, 'stock')`,
  );
  await recordAudit(tx, actor, {
    entity: 'inventory.location',
    entityId: id,
    action: 'create',
    after: { warehouseId: w.id, code: input.code, name: input.name, kind: 'stock' },
  });
  return {
    id,
    warehouseId: w.id,
    code: input.code,
    name: input.name,
    kind: 'stock',
    active: true,
    version: 1,
  };
}
