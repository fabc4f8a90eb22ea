// SQL in and out for MRP proposals; always scoped by company, no rules.
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, one, rows, textArray } from '../../../platform/db/tx.ts';
import { badRequest, notFound } from '../../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/schemas.ts';
import type { MrpProposal, MrpProposalQuery } from './contract.ts';

type View = import('zod').infer<typeof MrpProposal>;

/** The company's latest finished run (one uncorrelated subquery, evaluated once per statement). */
const latestRun = (companyId: string) =>
  sql`(select id from manufacturing_mrp_run where company_id = ${companyId} and state = 'done'
        order by finished_at desc, id desc limit 1)`;

/**
 * A proposal still `proposed` in a finished run that is no longer the latest is superseded. Computed,
 * not written: marking 147,000 rows of the previous run at the end of every run cost seconds.
 */
const stateOf = (companyId: string) =>
  sql`case when p.state = 'proposed' and r.state = 'done' and r.id <> ${latestRun(companyId)}
           then 'superseded' else p.state end`;

const columns = (companyId: string) => sql`p.id, p.run_id, p.product_id, pr.sku, pr.name, p.warehouse_id,
  w.code as warehouse_code, p.kind, p.bom_id, p.qty::text as qty, to_char(p.release_date, 'YYYY-MM-DD') as release_date,
  to_char(p.need_date, 'YYYY-MM-DD') as need_date, p.late, p.pegging, ${stateOf(companyId)} as state, p.document_type,
  p.document_id, p.document_number, p.version`;

const FROM = sql`manufacturing_mrp_proposal p
  join manufacturing_mrp_run r on r.company_id = p.company_id and r.id = p.run_id
  join catalog_product pr on pr.company_id = p.company_id and pr.id = p.product_id
  join inventory_warehouse w on w.company_id = p.company_id and w.id = p.warehouse_id`;

function view(r: Record<string, any>): View {
  return {
    id: r.id,
    runId: r.run_id,
    productId: r.product_id,
    productSku: r.sku,
    productName: r.name,
    warehouseId: r.warehouse_id,
    warehouseCode: r.warehouse_code,
    kind: r.kind,
    bomId: r.bom_id ?? null,
    qty: r.qty,
    releaseDate: r.release_date,
    needDate: r.need_date,
    late: r.late === true,
    pegging: r.pegging ?? [],
    state: r.state,
    documentType: r.document_type ?? null,
    documentId: r.document_id ?? null,
    documentNumber: r.document_number ?? null,
    version: Number(r.version),
  };
}

/** Proposals of a run (default: the latest finished one) by release date, filtered; keyset pages. */
export async function listProposals(ex: Executor, companyId: string, q: MrpProposalQuery) {
  const run = q.runId ? sql`${q.runId}::uuid` : latestRun(companyId);
  const where: SQL[] = [sql`p.company_id = ${companyId}`, sql`p.run_id = ${run}`];
  if (q.kind) where.push(sql`p.kind = ${q.kind}`);
  if (q.productId) where.push(sql`p.product_id = ${q.productId}`);
  if (q.state) where.push(sql`${stateOf(companyId)} = ${q.state}`);
  if (q.late) where.push(sql`p.late = ${q.late === 'true'}`);
  const after = decodeCursor(q.cursor, 2);
  if (after && !validCursor(after)) throw badRequest('bad_cursor', 'The cursor is not valid');
  if (after) where.push(sql`(p.release_date, p.id) > (${String(after[0])}::date, ${String(after[1])}::uuid)`);
  const found = await rows(
    ex,
    sql`select ${columns(companyId)} from ${FROM} where ${sql.join(where, sql` and `)}
         order by p.release_date, p.id limit ${q.limit + 1}`,
  );
  const items = found.slice(0, q.limit).map(view);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: found.length > q.limit && last ? encodeCursor([last.releaseDate, last.id]) : null,
  };
}

export async function proposalsByIds(ex: Executor, companyId: string, ids: string[]): Promise<View[]> {
  const found = await rows(
    ex,
    sql`select ${columns(companyId)} from ${FROM}
         where p.company_id = ${companyId} and p.id::text = any(${textArray(ids)}) order by p.release_date, p.id`,
  );
  return found.map(view);
}

/** Locks the proposals (in id order, so two confirmations never deadlock); 404 names the first unknown id. */
export async function lockProposals(ex: Executor, companyId: string, ids: string[]): Promise<View[]> {
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))].sort();
  await rows(
    ex,
    sql`select id from manufacturing_mrp_proposal
         where company_id = ${companyId} and id::text = any(${textArray(unique)}) order by id for update`,
  );
  const found = await proposalsByIds(ex, companyId, unique);
  const known = new Set(found.map((p) => p.id.toLowerCase()));
  const missing = unique.find((id) => !known.has(id));
  if (missing) throw notFound('mrp proposal', missing);
  return found;
}

export interface Outcome {
  id: string;
  state: 'confirmed' | 'dismissed';
  documentType: string | null;
  documentId: string | null;
  documentNumber: string | null;
}

export async function markProposals(ex: Executor, companyId: string, outcomes: Outcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  await ex.execute(
    sql`update manufacturing_mrp_proposal p
           set state = o.state, document_type = o."documentType", document_id = o."documentId",
               document_number = o."documentNumber", version = p.version + 1, updated_at = now()
          from jsonb_to_recordset(${JSON.stringify(outcomes)}::jsonb) as o(id uuid, state text, "documentType" text,
            "documentId" uuid, "documentNumber" text)
         where p.company_id = ${companyId} and p.id = o.id`,
  );
}

export async function runExists(ex: Executor, companyId: string, runId: string): Promise<boolean> {
  return !!(await one(
    ex,
    sql`select 1 from manufacturing_mrp_run where company_id = ${companyId} and id = ${runId}`,
  ));
}

/** A cursor this list handed out: [date, uuid]; anything else is a 400, never SQL. */
function validCursor(after: unknown[]): boolean {
  return (
    after.length === 2 &&
    /^\\d{4}-\\d{2}-\\d{2}$/.test(String(after[0])) &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(String(after[1]))
  );
}
