import { type SQL, sql } from 'drizzle-orm';
import { iso, isoOrNull } from '../../../platform/db/time.ts';
import { type Executor, one, rows, type Tx, textArray } from '../../../platform/db/tx.ts';
import { notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { productName } from '../contract-common.ts';
import { plain, qtyPerUnit } from './bom.ts';
import type { Bom, BomLine, BomLineInput, BomSummary } from './contract.ts';
import { bomInForce } from './explosion-data.ts';

export const BOM_ENTITY = 'manufacturing.bom';

export const selectBom = (locale: string) =>
  sql`select b.*, pr.sku, ${productName(sql`pr`, locale)} as product_name,
             b.output_qty::text as output_text, to_char(b.valid_from, 'YYYY-MM-DD') as valid_from_text,
             to_char(b.valid_to, 'YYYY-MM-DD') as valid_to_text,
             b.labour_cost_per_unit::text as labour_text, b.overhead_cost_per_unit::text as overhead_text
        from manufacturing_bom b
        join catalog_product pr on pr.company_id = b.company_id and pr.id = b.product_id`;

export function toBomSummary(r: Record<string, any>): BomSummary {
  return {
    id: r.id,
    productId: r.product_id,
    sku: r.sku,
    productName: r.product_name,
    code: r.code,
    revision: Number(r.revision),
    outputQty: r.output_text,
    validFrom: r.valid_from_text,
    validTo: r.valid_to_text,
    state: r.state,
    leadTimeDays: Number(r.lead_time_days),
    labourCostPerUnit: r.labour_text,
    overheadCostPerUnit: r.overhead_text,
    notes: r.notes,
    activatedAt: isoOrNull(r.activated_at),
    archivedAt: isoOrNull(r.archived_at),
    version: Number(r.version),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** One BOM of the company; 404 for an unknown id or another company's. */
export async function findBom(ex: Executor, companyId: string, id: string, lock = false, locale = 'zh-CN') {
  const row = await one<Record<string, any>>(
    ex,
    sql`${selectBom(locale)} where b.company_id = ${companyId} and b.id = ${id} ${lock ? sql`for update of b` : sql``}`,
  );
  if (!row) throw notFound('BOM', id);
  return toBomSummary(row);
}

export async function bomLines(ex: Executor, companyId: string, bom: BomSummary, locale: string) {
  const found = await rows<Record<string, any>>(
    ex,
    sql`select l.id, l.position, l.component_id, pr.sku, pr.uom_code, ${productName(sql`pr`, locale)} as product_name,
               l.qty::text as qty, l.scrap_pct::text as scrap_pct, l.substitute_of, s.position as substitute_position,
               l.notes
          from manufacturing_bom_line l
          join catalog_product pr on pr.company_id = l.company_id and pr.id = l.component_id
          left join manufacturing_bom_line s on s.company_id = l.company_id and s.id = l.substitute_of
         where l.company_id = ${companyId} and l.bom_id = ${bom.id}
         order by l.position`,
  );
  return found.map(
    (l): BomLine => ({
      id: l.id,
      position: Number(l.position),
      componentId: l.component_id,
      sku: l.sku,
      productName: l.product_name,
      uomCode: l.uom_code,
      qty: l.qty,
      scrapPct: l.scrap_pct,
      qtyPerUnit: plain(qtyPerUnit({ qty: l.qty, scrapPct: l.scrap_pct }, bom.outputQty)),
      substituteOf: l.substitute_of,
      substituteOfPosition: l.substitute_position === null ? null : Number(l.substitute_position),
      notes: l.notes,
    }),
  );
}

export async function loadBom(ex: Executor, companyId: string, id: string, locale: string): Promise<Bom> {
  const bom = await findBom(ex, companyId, id, false, locale);
  return { ...bom, lines: await bomLines(ex, companyId, bom, locale) };
}

/** Writes a BOM's lines (after deleting the old ones when replacing); substitutes point by position. */
export async function writeLines(
  tx: Tx,
  companyId: string,
  bomId: string,
  lines: BomLineInput[],
): Promise<void> {
  await tx.execute(
    sql`delete from manufacturing_bom_line where company_id = ${companyId} and bom_id = ${bomId}`,
  );
  const withIds = lines.map((l, i) => ({ ...l, id: newId(), position: l.position ?? i + 1 }));
  const idAt = new Map(withIds.map((l) => [l.position, l.id]));
  const doc = withIds.map((l) => ({
    id: l.id,
    position: l.position,
    component_id: l.componentId,
    qty: l.qty,
    scrap_pct: l.scrapPct ?? '0',
    substitute_of: l.substituteOfPosition == null ? null : (idAt.get(l.substituteOfPosition) ?? null),
    notes: l.notes ?? '',
  }));
  await tx.execute(
    sql`insert into manufacturing_bom_line (company_id, id, bom_id, position, component_id, qty, scrap_pct, substitute_of, notes)
        select ${companyId}, r.id, ${bomId}, r.position, r.component_id, r.qty, r.scrap_pct, r.substitute_of, r.notes
          from jsonb_to_recordset(${JSON.stringify(doc)}::jsonb)
               as r(id uuid, position int, component_id uuid, qty numeric, scrap_pct numeric, substitute_of uuid, notes text)`,
  );
}

/** Bumps the optimistic version with the given changes; the caller checked the version under the lock. */
export async function bumpBom(tx: Tx, companyId: string, id: string, set: SQL): Promise<void> {
  await tx.execute(
    sql`update manufacturing_bom set ${set}, version = version + 1, updated_at = now()
         where company_id = ${companyId} and id = ${id}`,
  );
}

export interface BomInForce {
  id: string;
  productId: string;
  outputQty: string;
  leadTimeDays: number;
  labourCostPerUnit: string;
  overheadCostPerUnit: string;
  lines: Array<{
    id: string;
    componentId: string;
    qty: string;
    scrapPct: string;
    substituteOf: string | null;
  }>;
}

/** The BOM in force on a date of each of the given products (those without one are absent). */
export async function bomsInForce(
  ex: Executor,
  companyId: string,
  productIds: string[],
  onDate: string,
): Promise<Map<string, BomInForce>> {
  if (productIds.length === 0) return new Map();
  const found = await rows<Record<string, any>>(
    ex,
    sql`select distinct on (b.product_id) b.id, b.product_id
          from manufacturing_bom b
         where b.company_id = ${companyId} and b.product_id::text = any(${textArray(productIds)}) and ${bomInForce(onDate)}
         order by b.product_id, b.revision desc`,
  );
  return bomsById(
    ex,
    companyId,
    found.map((f) => f.id),
  );
}

/** BOMs with their lines by id, keyed by product id. */
export async function bomsById(
  ex: Executor,
  companyId: string,
  ids: string[],
): Promise<Map<string, BomInForce>> {
  if (ids.length === 0) return new Map();
  const found = await rows<Record<string, any>>(
    ex,
    sql`select b.id, b.product_id, b.output_qty::text as output_qty, b.lead_time_days, b.labour_cost_per_unit::text as labour,
               b.overhead_cost_per_unit::text as overhead, l.id as line_id, l.component_id, l.qty::text as qty,
               l.scrap_pct::text as scrap_pct, l.substitute_of
          from manufacturing_bom b
          left join manufacturing_bom_line l on l.company_id = b.company_id and l.bom_id = b.id
         where b.company_id = ${companyId} and b.id::text = any(${textArray(ids)})
         order by b.id, l.position`,
  );
  const out = new Map<string, BomInForce>();
  for (const r of found) {
    let bom = out.get(r.product_id);
    if (!bom) {
      bom = {
        id: r.id,
        productId: r.product_id,
        outputQty: r.output_qty,
        leadTimeDays: Number(r.lead_time_days),
        labourCostPerUnit: r.labour,
        overheadCostPerUnit: r.overhead,
        lines: [],
      };
      out.set(r.product_id, bom);
    }
    if (r.line_id)
      bom.lines.push({
        id: r.line_id,
        componentId: r.component_id,
        qty: r.qty,
        scrapPct: r.scrap_pct,
        substituteOf: r.substitute_of,
      });
  }
  return out;
}

/** Component ids of every non-archived BOM of each product (except one BOM being replaced), for the cycle check. */
export async function componentsOf(
  ex: Executor,
  companyId: string,
  productIds: string[],
  exceptBomId: string | null,
): Promise<Map<string, string[]>> {
  const found = await rows<{ product_id: string; component_id: string }>(
    ex,
    sql`select distinct b.product_id, l.component_id
          from manufacturing_bom b
          join manufacturing_bom_line l on l.company_id = b.company_id and l.bom_id = b.id
         where b.company_id = ${companyId} and b.state <> 'archived' and b.product_id::text = any(${textArray(productIds)})
           ${exceptBomId ? sql`and b.id <> ${exceptBomId}` : sql``}`,
  );
  const out = new Map<string, string[]>();
  for (const f of found) out.set(f.product_id, [...(out.get(f.product_id) ?? []), f.component_id]);
  return out;
}
