import { sql } from 'drizzle-orm';
import type { Translations } from '../../../platform/db/columns.ts';
import { type Executor, one, rows } from '../../../platform/db/tx.ts';
import { notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';

export type InternalKind = 'stock' | 'input' | 'output' | 'quality';
export type VirtualKind = 'customer' | 'supplier' | 'scrap' | 'adjustment' | 'production';

const INTERNAL: Array<{ kind: InternalKind; suffix: string; zh: string; en: string }> = [
  { kind: 'stock', suffix: 'STOCK', zh: '库存', en: 'Stock' },
  { kind: 'input', suffix: 'INPUT', zh: '收货区', en: 'Input' },
  { kind: 'output', suffix: 'OUTPUT', zh: '发货区', en: 'Output' },
  { kind: 'quality', suffix: 'QC', zh: '质检区', en: 'Quality' },
];

const VIRTUAL: Record<VirtualKind, Translations> = {
  customer: { 'zh-CN': '客户', en: 'Customers' },
  supplier: { 'zh-CN': '供应商', en: 'Suppliers' },
  scrap: { 'zh-CN': '报废', en: 'Scrap' },
  adjustment: { 'zh-CN': '库存调整', en: 'Inventory adjustment' },
  production: { 'zh-CN': '生产', en: 'Production' },
};

/** Creates a warehouse's four internal locations (codes `<WH>/STOCK` …); existing ones are kept. */
export async function createWarehouseLocations(
  ex: Executor,
  companyId: string,
  warehouseId: string,
  warehouseCode: string,
): Promise<void> {
  for (const l of INTERNAL) {
    await ex.execute(
      sql`insert into inventory_location (company_id, id, warehouse_id, code, name, kind)
          values (${companyId}, ${newId()}, ${warehouseId}, ${`${warehouseCode}/${l.suffix}`},
                  ${JSON.stringify({ 'zh-CN': l.zh, en: l.en })}::jsonb, ${l.kind})
          on conflict (company_id, code) do nothing`,
    );
  }
}

/** The company's virtual locations (where goods come from and go to); created when missing. */
export async function ensureVirtualLocations(ex: Executor, companyId: string): Promise<void> {
  for (const [kind, name] of Object.entries(VIRTUAL)) {
    await ex.execute(
      sql`insert into inventory_location (company_id, id, warehouse_id, code, name, kind)
          values (${companyId}, ${newId()}, null, ${`VIRTUAL/${kind.toUpperCase()}`}, ${JSON.stringify(name)}::jsonb, ${kind})
          on conflict (company_id, code) do nothing`,
    );
  }
}

/**
 * The warehouse's main locations. Shelves are also of kind 'stock'; the main stock location is the
 * first one created with the warehouse (ids are time-ordered).
 */
export async function warehouseLocations(
  ex: Executor,
  companyId: string,
  warehouseId: string,
): Promise<{ stock: string; input: string; output: string; quality: string }> {
  const found = await rows<{ kind: InternalKind; id: string }>(
    ex,
    sql`select distinct on (kind) kind, id from inventory_location
         where company_id = ${companyId} and warehouse_id = ${warehouseId}
         order by kind, id`,
  );
  const byKind = new Map(found.map((r) => [r.kind, r.id]));
  const stock = byKind.get('stock');
  const input = byKind.get('input');
  const output = byKind.get('output');
  const quality = byKind.get('quality');
  if (!stock || !input || !output || !quality) throw notFound('warehouse', warehouseId);
  return { stock, input, output, quality };
}

/** The id of the company's virtual location of that kind (created on first use). */
export async function virtualLocation(ex: Executor, companyId: string, kind: VirtualKind): Promise<string> {
  if (!(kind in VIRTUAL)) throw new Error(`unknown virtual location kind ${kind}`);
  const find = () =>
    one<{ id: string }>(
      ex,
      sql`select id from inventory_location
           where company_id = ${companyId} and warehouse_id is null and kind = ${kind}
           order by id limit 1`,
    );
  let row = await find();
  if (!row) {
    await ensureVirtualLocations(ex, companyId);
    row = await find();
  }
  if (!row) throw new Error(`virtual location ${kind} missing`);
  return row.id;
}
