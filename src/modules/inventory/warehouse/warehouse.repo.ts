import { sql } from 'drizzle-orm';
import type { Translations } from '../../../platform/db/columns.ts';
import { iso } from '../../../platform/db/time.ts';
import { type Executor, one, rows } from '../../../platform/db/tx.ts';

export interface WarehouseRow {
  id: string;
  code: string;
  name: Translations;
  address: string;
  isDefault: boolean;
  active: boolean;
  stockLocationId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

interface Raw {
  id: string;
  code: string;
  name: Translations;
  address: string;
  is_default: boolean;
  active: boolean;
  stock_location_id: string | null;
  version: number;
  created_at: unknown;
  updated_at: unknown;
}

const select = sql`select w.id, w.code, w.name, w.address, w.is_default, w.active, w.version, w.created_at, w.updated_at,
    (select l.id from inventory_location l where l.company_id = w.company_id and l.warehouse_id = w.id
        and l.kind = 'stock' order by l.id limit 1) as stock_location_id
  from inventory_warehouse w`;

function map(r: Raw): WarehouseRow {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    address: r.address,
    isDefault: r.is_default,
    active: r.active,
    stockLocationId: r.stock_location_id,
    version: Number(r.version),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export async function findWarehouse(ex: Executor, companyId: string, id: string, lock = false) {
  const r = await one<Raw>(
    ex,
    sql`${select} where w.company_id = ${companyId} and w.id = ${id} ${lock ? sql`for update of w` : sql``}`,
  );
  return r ? map(r) : undefined;
}

export async function findDefaultWarehouse(ex: Executor, companyId: string) {
  const r = await one<Raw>(
    ex,
    sql`${select} where w.company_id = ${companyId} and w.active
         order by w.is_default desc, w.id limit 1`,
  );
  return r ? map(r) : undefined;
}

export async function listWarehouses(ex: Executor, companyId: string, includeInactive: boolean) {
  const found = await rows<Raw>(
    ex,
    sql`${select} where w.company_id = ${companyId} ${includeInactive ? sql`` : sql`and w.active`}
         order by w.is_default desc, w.code`,
  );
  return found.map(map);
}
