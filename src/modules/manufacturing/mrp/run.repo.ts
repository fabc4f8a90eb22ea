// SQL in and out for MRP runs and their proposals; always scoped by company, no rules.
import { type SQL, sql } from 'drizzle-orm';
import { iso } from '../../../platform/db/time.ts';
import { type Executor, one, rows } from '../../../platform/db/tx.ts';
import { badRequest, notFound } from '../../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/schemas.ts';
import type { MrpPlannedItem, MrpProposal } from './mrp.ts';

export type RunState = 'queued' | 'running' | 'done' | 'failed';

export interface MrpRunView {
  id: string;
  state: RunState;
  progress: number;
  planDate: string | null;
  itemCount: number;
  demandCount: number;
  proposalCount: number;
  lateCount: number;
  requestedBy: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  createdAt: string;
  version: number;
}

const RUN_COLUMNS = sql`id, state, progress, to_char(plan_date, 'YYYY-MM-DD') as plan_date, item_count,
  demand_count, proposal_count, late_count, requested_by, started_at, finished_at, error, created_at, version`;

export function runView(r: Record<string, any>): MrpRunView {
  return {
    id: r.id,
    state: r.state,
    progress: Number(r.progress),
    planDate: r.plan_date ?? null,
    itemCount: Number(r.item_count),
    demandCount: Number(r.demand_count),
    proposalCount: Number(r.proposal_count),
    lateCount: Number(r.late_count),
    requestedBy: r.requested_by ?? null,
    startedAt: r.started_at ? iso(r.started_at) : null,
    finishedAt: r.finished_at ? iso(r.finished_at) : null,
    error: r.error ?? null,
    createdAt: iso(r.created_at),
    version: Number(r.version),
  };
}

export async function getRun(ex: Executor, companyId: string, id: string): Promise<MrpRunView> {
  const row = await one(
    ex,
    sql`select ${RUN_COLUMNS} from manufacturing_mrp_run where company_id = ${companyId} and id = ${id}`,
  );
  if (!row) throw notFound('mrp run', id);
  return runView(row);
}

export async function activeRun(ex: Executor, companyId: string): Promise<MrpRunView | undefined> {
  const row = await one(
    ex,
    sql`select ${RUN_COLUMNS} from manufacturing_mrp_run
         where company_id = ${companyId} and state in ('queued', 'running')`,
  );
  return row ? runView(row) : undefined;
}

export async function insertRun(ex: Executor, companyId: string, id: string, userId: string | null) {
  const row = await one(
    ex,
    sql`insert into manufacturing_mrp_run (company_id, id, requested_by) values (${companyId}, ${id}, ${userId})
        returning ${RUN_COLUMNS}`,
  );
  return runView(row!);
}

/** queued → running for exactly one caller (two workers offered the same run: one gets it). */
export async function claimRun(ex: Executor, companyId: string, id: string): Promise<boolean> {
  const claimed = await rows(
    ex,
    sql`update manufacturing_mrp_run set state = 'running', progress = 1, started_at = now(), updated_at = now(),
               version = version + 1
         where company_id = ${companyId} and id = ${id} and state = 'queued' returning id`,
  );
  return claimed.length === 1;
}

export async function setProgress(ex: Executor, companyId: string, id: string, progress: number) {
  await ex.execute(
    sql`update manufacturing_mrp_run set progress = ${Math.max(1, Math.min(99, Math.round(progress)))},
               updated_at = now()
         where company_id = ${companyId} and id = ${id} and state = 'running'`,
  );
}

/**
 * A PostgreSQL array literal sent as ONE text parameter and cast in SQL (`$1::uuid[]`): a batch of
 * 5,000 rows binds 10 parameters and parses 10 arrays, where multi-row VALUES or a JSON document made
 * the server parse far more per row. Elements are quoted (backslash and double quote escaped); null is NULL.
 */
export function arrayLiteral(values: ReadonlyArray<string | number | boolean | null>): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) out += ',';
    if (v === null) out += 'NULL';
    else if (typeof v !== 'string') out += String(v);
    else if (/^[0-9a-zA-Z._-]+$/.test(v)) out += v;
    else out += `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`;
  }
  return `${out}}`;
}

/** The products a run netted: every proposal references its item (see schema.ts). */
export async function insertRunItems(ex: Executor, companyId: string, runId: string, list: MrpPlannedItem[]) {
  if (list.length === 0) return;
  await ex.execute(
    sql`insert into manufacturing_mrp_run_item (company_id, run_id, product_id, warehouse_id, level, proposal_count)
        select ${companyId}, ${runId}, u.product_id, u.warehouse_id, u.level, u.proposals
          from unnest(${arrayLiteral(list.map((i) => i.productId))}::uuid[],
                      ${arrayLiteral(list.map((i) => i.warehouseId))}::uuid[],
                      ${arrayLiteral(list.map((i) => i.level))}::int[],
                      ${arrayLiteral(list.map((i) => i.proposals))}::int[])
               as u(product_id, warehouse_id, level, proposals)`,
  );
}

/**
 * The statement writing a batch of proposals: `insert … select from rows from (unnest(…), …)`, one
 * array parameter per scalar column and the pegging of the whole batch as ONE JSON array (zipped in
 * by `jsonb_array_elements`: no per-row JSON quoting inside an array literal). Built apart from its
 * execution so the run builds the next batch while the database writes this one.
 */
export function proposalsInsert(
  companyId: string,
  runId: string,
  list: MrpProposal[],
  /** Another table of the same columns (the bench's plain-SQL baseline). */
  table = 'manufacturing_mrp_proposal',
): SQL {
  const col = <T extends string | number | boolean | null>(f: (p: MrpProposal) => T) =>
    arrayLiteral(list.map(f));
  return sql`insert into ${sql.identifier(table)} (company_id, id, run_id, product_id, warehouse_id, kind, bom_id,
          qty, release_date, need_date, late, pegging)
        select ${companyId}, u.id, ${runId}, u.product_id, u.warehouse_id, u.kind, u.bom_id, u.qty,
               u.release_date, u.need_date, u.late, u.pegging
          from rows from (unnest(${col((p) => p.id)}::uuid[]), unnest(${col((p) => p.productId)}::uuid[]),
                 unnest(${col((p) => p.warehouseId)}::uuid[]), unnest(${col((p) => p.kind)}::text[]),
                 unnest(${col((p) => p.bomId)}::uuid[]), unnest(${col((p) => p.qty)}::numeric[]),
                 unnest(${col((p) => p.releaseDate)}::date[]), unnest(${col((p) => p.needDate)}::date[]),
                 unnest(${col((p) => p.late)}::boolean[]),
                 jsonb_array_elements(${JSON.stringify(list.map((p) => p.pegging))}::jsonb))
               as u(id, product_id, warehouse_id, kind, bom_id, qty, release_date, need_date, late, pegging)`;
}

/**
 * running → done with its counts. What earlier runs still propose is superseded by this plan from now
 * on: proposal.repo.ts derives that from the latest finished run, no proposal row is written.
 */
export async function finishRun(
  ex: Executor,
  companyId: string,
  id: string,
  done: {
    planDate: string;
    itemCount: number;
    demandCount: number;
    proposalCount: number;
    lateCount: number;
  },
) {
  await ex.execute(
    sql`update manufacturing_mrp_run set state = 'done', progress = 100, finished_at = now(), updated_at = now(),
               version = version + 1, plan_date = ${done.planDate}, item_count = ${done.itemCount},
               demand_count = ${done.demandCount}, proposal_count = ${done.proposalCount},
               late_count = ${done.lateCount}
         where company_id = ${companyId} and id = ${id}`,
  );
}

/** running (or queued) → failed with the error; its partial proposals and items go. */
export async function failRun(ex: Executor, companyId: string, id: string, error: string) {
  await ex.execute(
    sql`delete from manufacturing_mrp_proposal where company_id = ${companyId} and run_id = ${id}`,
  );
  await ex.execute(
    sql`delete from manufacturing_mrp_run_item where company_id = ${companyId} and run_id = ${id}`,
  );
  await ex.execute(
    sql`update manufacturing_mrp_run set state = 'failed', finished_at = now(), updated_at = now(),
               version = version + 1, error = ${error.slice(0, 2000)}
         where company_id = ${companyId} and id = ${id} and state in ('queued', 'running')`,
  );
}

/** Runs, newest first; keyset pages over (created_at, id). */
export async function listRuns(ex: Executor, companyId: string, q: { limit: number; cursor?: string }) {
  const after = decodeCursor(q.cursor, 2);
  if (after && !validCursor(after)) throw badRequest('bad_cursor', 'The cursor is not valid');
  const found = await rows(
    ex,
    sql`select ${RUN_COLUMNS} from manufacturing_mrp_run
         where company_id = ${companyId}
           ${after ? sql`and (created_at, id) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)` : sql``}
         order by created_at desc, id desc limit ${q.limit + 1}`,
  );
  const items = found.slice(0, q.limit).map(runView);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: found.length > q.limit && last ? encodeCursor([last.createdAt, last.id]) : null,
  };
}

/** A cursor this list handed out: [instant, uuid]; anything else is a 400, never SQL. */
function validCursor(after: unknown[]): boolean {
  return (
    after.length === 2 &&
    /^\\d{4}-\\d{2}-\\d{2}T[\\d:.]+(Z|[+-]\\d{2}:?\\d{2})$/.test(String(after[0])) &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(String(after[1]))
  );
}
