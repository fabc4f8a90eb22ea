// Reorder rules and forecasts: two small tables with the same life (create, edit with version, delete),
// so one set of use cases serves both, each kind declaring its table and editable columns.
import { Decimal } from 'decimal.js';
import { type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { type Executor, one, rows, type Tx } from '../../../platform/db/tx.ts';
import { notFound, staleVersion, unprocessable } from '../../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/schemas.ts';
import { newId } from '../../../platform/ids.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import type { PlanningListQuery } from './contract.ts';

export type PlanningKind = 'reorder_rule' | 'forecast';

interface Spec {
  table: string;
  entity: string;
  /** Editable field → column; quantities are formatted to 4 decimals on the way out. */
  fields: Record<string, string>;
  quantities: string[];
}

const SPECS: Record<PlanningKind, Spec> = {
  reorder_rule: {
    table: 'manufacturing_reorder_rule',
    entity: 'manufacturing.reorder_rule',
    fields: { route: 'route', minQty: 'min_qty', maxQty: 'max_qty', multiple: 'multiple', notes: 'notes' },
    quantities: ['minQty', 'maxQty', 'multiple'],
  },
  forecast: {
    table: 'manufacturing_forecast',
    entity: 'manufacturing.forecast',
    fields: { month: 'month', qty: 'qty', notes: 'notes' },
    quantities: ['qty'],
  },
};

type Rec = Record<string, any>;

function select(spec: Spec): SQL {
  const extra = Object.entries(spec.fields).map(([f, c]) =>
    c === 'month'
      ? sql`to_char(t.month, 'YYYY-MM') as "month"`
      : sql`t.${sql.raw(c)}::text as ${sql.raw(`"${f}"`)}`,
  );
  return sql`select t.id, t.product_id as "productId", p.sku as "productSku", p.name as "productName",
                    t.warehouse_id as "warehouseId", w.code as "warehouseCode", t.version, ${sql.join(extra, sql`, `)}
               from ${sql.raw(spec.table)} t
               join catalog_product p on p.company_id = t.company_id and p.id = t.product_id
               join inventory_warehouse w on w.company_id = t.company_id and w.id = t.warehouse_id`;
}

function view(spec: Spec, r: Rec): Rec {
  const out: Rec = { ...r, version: Number(r.version) };
  for (const q of spec.quantities) out[q] = new Decimal(r[q]).toFixed(4);
  return out;
}

async function fetch(ex: Executor, spec: Spec, companyId: string, id: string, lock = false): Promise<Rec> {
  const row = await one<Rec>(
    ex,
    sql`${select(spec)} where t.company_id = ${companyId} and t.id = ${id} ${lock ? sql`for update of t` : sql``}`,
  );
  if (!row) throw notFound(spec.entity, id);
  return view(spec, row);
}

function checkRange(kind: PlanningKind, rec: Rec): void {
  if (kind === 'reorder_rule' && new Decimal(rec.maxQty).lt(rec.minQty))
    throw unprocessable('manufacturing.reorder_rule_range', 'The maximum must be at least the minimum', {
      minQty: rec.minQty,
      maxQty: rec.maxQty,
    });
}

const storeValue = (field: string, value: unknown) => (field === 'month' ? `${value}-01` : value);

export async function listPlanning(ex: Executor, actor: Actor, kind: PlanningKind, q: PlanningListQuery) {
  requirePermission(actor, 'manufacturing.planning.read');
  const spec = SPECS[kind];
  const where: SQL[] = [sql`t.company_id = ${actor.companyId}`];
  if (q.productId) where.push(sql`t.product_id = ${q.productId}`);
  if (q.warehouseId) where.push(sql`t.warehouse_id = ${q.warehouseId}`);
  if (q.q) where.push(sql`p.search_text like ${`%${q.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`}`);
  const after = decodeCursor(q.cursor, 2);
  if (after) where.push(sql`(p.sku, t.id) > (${String(after[0])}, ${String(after[1])}::uuid)`);
  const found = await rows<Rec>(
    ex,
    sql`${select(spec)} where ${sql.join(where, sql` and `)} order by p.sku, t.id limit ${q.limit + 1}`,
  );
  const items = found.slice(0, q.limit).map((r) => view(spec, r));
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: found.length > q.limit && last ? encodeCursor([last.productSku, last.id]) : null,
  };
}

export async function getPlanning(ex: Executor, actor: Actor, kind: PlanningKind, id: string) {
  requirePermission(actor, 'manufacturing.planning.read');
  return fetch(ex, SPECS[kind], actor.companyId, id);
}

/** Creates a rule or forecast; 404 for a product or warehouse outside the company, 409 for a duplicate. */
export async function createPlanning(tx: Tx, actor: Actor, kind: PlanningKind, input: Rec) {
  requirePermission(actor, 'manufacturing.planning.manage');
  const spec = SPECS[kind];
  checkRange(kind, input);
  const ok = await one(
    tx,
    sql`select 1 from catalog_product p, inventory_warehouse w
         where p.company_id = ${actor.companyId} and p.id = ${input.productId}
           and w.company_id = ${actor.companyId} and w.id = ${input.warehouseId}`,
  );
  if (!ok) throw notFound('product or warehouse');
  const id = newId();
  const fields = Object.keys(spec.fields).filter((f) => input[f] !== undefined);
  await tx.execute(
    sql`insert into ${sql.raw(spec.table)} (company_id, id, product_id, warehouse_id,
          ${sql.raw(fields.map((f) => spec.fields[f]).join(', '))})
        values (${actor.companyId}, ${id}, ${input.productId}, ${input.warehouseId},
          ${sql.join(
            fields.map((f) => sql`${storeValue(f, input[f])}`),
            sql`, `,
          )})`,
  );
  const created = await fetch(tx, spec, actor.companyId, id);
  await recordAudit(tx, actor, { entity: spec.entity, entityId: id, action: 'create', after: created });
  return created;
}

/** Changes the given fields; 409 when `version` is stale. */
export async function updatePlanning(tx: Tx, actor: Actor, kind: PlanningKind, id: string, input: Rec) {
  requirePermission(actor, 'manufacturing.planning.manage');
  const spec = SPECS[kind];
  const before = await fetch(tx, spec, actor.companyId, id, true);
  if (before.version !== input.version) throw staleVersion(spec.entity, input.version, before.version);
  const fields = Object.keys(spec.fields).filter((f) => f !== 'month' && input[f] !== undefined);
  checkRange(kind, { ...before, ...input });
  if (fields.length > 0)
    await tx.execute(
      sql`update ${sql.raw(spec.table)} set ${sql.join(
        fields.map((f) => sql`${sql.raw(spec.fields[f])} = ${input[f]}`),
        sql`, `,
      )}, version = version + 1, updated_at = now()
           where company_id = ${actor.companyId} and id = ${id}`,
    );
  const after = await fetch(tx, spec, actor.companyId, id);
  await recordAudit(tx, actor, { entity: spec.entity, entityId: id, action: 'update', before, after });
  return after;
}

export async function deletePlanning(tx: Tx, actor: Actor, kind: PlanningKind, id: string, version: number) {
  requirePermission(actor, 'manufacturing.planning.manage');
  const spec = SPECS[kind];
  const before = await fetch(tx, spec, actor.companyId, id, true);
  if (before.version !== version) throw staleVersion(spec.entity, version, before.version);
  await tx.execute(
    sql`delete from ${sql.raw(spec.table)} where company_id = ${actor.companyId} and id = ${id}`,
  );
  await recordAudit(tx, actor, { entity: spec.entity, entityId: id, action: 'delete', before });
}
