import { Decimal } from 'decimal.js';
import { type SQL, sql } from 'drizzle-orm';
import { iso, isoOrNull } from '../../../platform/db/time.ts';
import { type Executor, one, rows, type Tx } from '../../../platform/db/tx.ts';
import { notFound, staleVersion, unprocessable } from '../../../platform/errors.ts';
import { productName } from '../picking/picking.repo.ts';
import type { CountLine, CountSummary, StockCount } from './contract.ts';

export const COUNT_ENTITY = 'inventory.count';

export function toCountSummary(r: Record<string, any>): CountSummary {
  return {
    id: r.id,
    number: r.number,
    warehouseId: r.warehouse_id,
    state: r.state,
    countDate: r.count_date_text,
    notes: r.notes,
    postedAt: isoOrNull(r.posted_at),
    postedBy: r.posted_by,
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export const selectCount = sql`select c.*, to_char(c.count_date, 'YYYY-MM-DD') as count_date_text from inventory_count c`;

export async function findCount(
  ex: Executor,
  companyId: string,
  id: string,
  lock = false,
): Promise<CountSummary> {
  const row = await one<Record<string, any>>(
    ex,
    sql`${selectCount} where c.company_id = ${companyId} and c.id = ${id} ${lock ? sql`for update` : sql``}`,
  );
  if (!row) throw notFound('stock count', id);
  return toCountSummary(row);
}

export function assertCounting(c: CountSummary, version?: number): void {
  if (version !== undefined && c.version !== version) throw staleVersion('stock count', version, c.version);
  if (c.state !== 'counting')
    throw unprocessable('inventory.count_state', `The count is ${c.state}`, { state: c.state });
}

export async function countLines(
  ex: Executor,
  companyId: string,
  countId: string,
  locale: string,
  only?: SQL,
) {
  const found = await rows<Record<string, any>>(
    ex,
    sql`select l.id, l.product_id, pr.sku, pr.uom_code, ${productName(sql`pr`, locale)} as product_name,
               l.location_id, loc.code as location_code, l.lot_id, lot.lot_no,
               l.expected_qty::text as expected, l.counted_qty::text as counted, l.version
          from inventory_count_line l
          join catalog_product pr on pr.company_id = l.company_id and pr.id = l.product_id
          join inventory_location loc on loc.company_id = l.company_id and loc.id = l.location_id
          left join inventory_lot lot on lot.company_id = l.company_id and lot.id = l.lot_id
         where l.company_id = ${companyId} and l.count_id = ${countId} ${only ? sql`and ${only}` : sql``}
         order by loc.code, pr.sku, lot.lot_no nulls first, l.id`,
  );
  return found.map(
    (r): CountLine => ({
      id: r.id,
      productId: r.product_id,
      sku: r.sku,
      productName: r.product_name,
      uomCode: r.uom_code,
      locationId: r.location_id,
      locationCode: r.location_code,
      lotId: r.lot_id,
      lotNo: r.lot_no ?? null,
      expectedQty: r.expected,
      countedQty: r.counted ?? null,
      difference: r.counted == null ? null : new Decimal(r.counted).sub(r.expected).toFixed(4),
      version: r.version,
    }),
  );
}

export async function loadCount(
  ex: Executor,
  companyId: string,
  id: string,
  locale: string,
): Promise<StockCount> {
  const c = await findCount(ex, companyId, id);
  return { ...c, lines: await countLines(ex, companyId, id, locale) };
}

export async function bumpCount(tx: Tx, companyId: string, id: string, set: SQL): Promise<void> {
  await tx.execute(
    sql`update inventory_count set ${set}, version = version + 1, updated_at = now()
         where company_id = ${companyId} and id = ${id}`,
  );
}
