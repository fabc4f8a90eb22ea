// MRP on a mid-sized manufacturer (issue 6, DESIGN.md "Performance"): 10,000 products with 3-level BOMs
// (1,000 finished goods → 2,000 sub-assemblies → 3,000 parts → 4,000 bought materials) and 50,000 open
// demand lines (unreserved delivery lines over the next 120 days), plus stock, open receipts, reorder
// rules and forecasts, in a fresh company of a fresh database. Runs one MRP run through the real service
// (executeMrpRun: bulk reads, planning, proposals written in batches, progress committed) and prints its
// total time, the read/plan/write split, the proposals, the process's peak memory and the load average,
// beside a plain-SQL baseline of the same write volume measured right after (same batches and statement
// into a table without keys, indexes or constraints): on a shared machine the ratio says more than the
// time. Target (issue 6): ≤ 10 s and ≤ 1 GB on 2 cores.
// Needs BENCH_DATABASE_URL (or TEST_DATABASE_URL). Run: npx tsx bench/mrp.ts (BENCH_MRP_SCALE=0.1: a tenth).
//
// The data goes in with set-based SQL (generate_series; random-looking but fixed choices by modular
// arithmetic) straight into the tables: building 10,000 products and 6,000 BOMs through the API would take
// minutes and measure the wrong thing. Balances are written without moves (the ledger is not read by MRP).
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { defaultWarehouse } from '../src/modules/inventory/index.ts';
import { planMrp } from '../src/modules/manufacturing/mrp/mrp.ts';
import { gatherMrpInput } from '../src/modules/manufacturing/mrp/mrp-inputs.ts';
import { proposalsInsert } from '../src/modules/manufacturing/mrp/run.repo.ts';
import { executeMrpRun, requestMrpRun } from '../src/modules/manufacturing/mrp/run-mrp.ts';
import { openPostgres } from '../src/platform/db/connect.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { one, withTransaction } from '../src/platform/db/tx.ts';
import { newId } from '../src/platform/ids.ts';
import { newCompany } from '../test/kit/company.ts';

const SCALE = Number(process.env.BENCH_MRP_SCALE ?? 1);
const FG = Math.round(1000 * SCALE);
const L1 = Math.round(2000 * SCALE);
const L2 = Math.round(3000 * SCALE);
const RAW = Math.round(4000 * SCALE);
const DEMAND = Math.round(50_000 * SCALE);
const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!base) {
  console.log('mrp: skipped — set BENCH_DATABASE_URL (PostgreSQL) to run it.');
  process.exit(0);
}

const dbName = `tandem_bench_mrp_${Date.now()}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`create database ${dbName}`);
const url = new URL(base);
url.pathname = `/${dbName}`;
const db = await openPostgres(url.toString(), 4);
const ms = (t: number) => `${Math.round(performance.now() - t)} ms`;

/** Products with a level tag in the SKU (F, S, P, R) and their row number n (1-based) within the level. */
async function seed(companyId: string, warehouseId: string, stockLocationId: string) {
  const run = (q: ReturnType<typeof sql>) => db.orm.execute(q);
  await run(sql`insert into catalog_product (company_id, id, sku, name, kind, uom_code, procure_method)
    select ${companyId}, gen_random_uuid(), l.tag || '-' || lpad(n::text, 5, '0'),
           jsonb_build_object('en', l.tag || ' ' || n), 'stocked', 'PCS', l.method
      from (values ('F', ${FG}::int, 'make'), ('S', ${L1}::int, 'make'), ('P', ${L2}::int, 'make'), ('R', ${RAW}::int, 'buy'))
             as l(tag, count, method),
           generate_series(1, l.count) n`);
  // A temporary map (level, n) → id keeps the following statements readable.
  await run(sql`create table bench_p as select split_part(sku, '-', 1) as tag, split_part(sku, '-', 2)::int as n, id
    from catalog_product where company_id = ${companyId}`);
  await run(sql`create index on bench_p (tag, n)`);
  await run(sql`insert into manufacturing_bom (company_id, id, product_id, code, state, lead_time_days)
    select ${companyId}, gen_random_uuid(), id, 'BOM-' || tag || n, 'active', 1 + n % 3 from bench_p where tag <> 'R'`);
  // Finished good n: 3 sub-assemblies + 1 material; sub-assembly: 2 parts + 1 material; part: 2 materials.
  await run(sql`insert into manufacturing_bom_line (company_id, id, bom_id, position, component_id, qty, scrap_pct)
    select ${companyId}, gen_random_uuid(), b.id, c.pos, c.component, c.qty, c.scrap
      from bench_p p
      join manufacturing_bom b on b.company_id = ${companyId} and b.product_id = p.id
      cross join lateral (
        select j + 1 as pos, k.id as component, (1 + j)::numeric as qty, (j * 2.5)::numeric as scrap
          from generate_series(0, case p.tag when 'F' then 3 when 'S' then 2 else 1 end) j
          join bench_p k on (k.tag, k.n) = (
            case when p.tag = 'F' and j < 3 then 'S' when p.tag = 'S' and j < 2 then 'P' else 'R' end,
            1 + (p.n * 7 + j * 13 + case p.tag when 'F' then 0 when 'S' then 101 else 211 end)
                % case when p.tag = 'F' and j < 3 then ${L1}::int when p.tag = 'S' and j < 2 then ${L2}::int else ${RAW}::int end)
      ) c
     where p.tag <> 'R'`);
  // Stock for two products in three, open receipts for every other material.
  await run(sql`insert into inventory_balance (company_id, id, product_id, warehouse_id, location_id, on_hand)
    select ${companyId}, gen_random_uuid(), id, ${warehouseId}, ${stockLocationId}, 5 + n % 40
      from bench_p where n % 3 <> 0`);
  await run(sql`insert into inventory_picking (company_id, id, number, kind, state, warehouse_id, scheduled_date)
    select ${companyId}, gen_random_uuid(), 'BR-' || n, 'receipt', 'draft', ${warehouseId}, current_date + n % 30
      from generate_series(1, ${Math.ceil(RAW / 2)}::int) n`);
  await run(sql`insert into inventory_picking_line (company_id, id, picking_id, line_no, product_id, qty)
    select ${companyId}, gen_random_uuid(), r.id, 1, p.id, 50 + p.n % 100
      from bench_p p join inventory_picking r on r.company_id = ${companyId} and r.number = 'BR-' || (p.n / 2)
     where p.tag = 'R' and p.n % 2 = 0`);
  // Demand: pickings of 10 lines, finished goods (9 in 10) and spare parts (1 in 10), next 120 days.
  await run(sql`insert into inventory_picking (company_id, id, number, kind, state, warehouse_id, scheduled_date,
      origin_type, origin_id, origin_number)
    select ${companyId}, gen_random_uuid(), 'BD-' || n, 'delivery', 'waiting', ${warehouseId}, current_date + n % 120,
           'sales_order', gen_random_uuid(), 'SO-' || n
      from generate_series(1, ${Math.ceil(DEMAND / 10)}::int) n`);
  await run(sql`insert into inventory_picking_line (company_id, id, picking_id, line_no, product_id, qty, origin_line_id)
    select ${companyId}, gen_random_uuid(), d.id, l, p.id, 1 + (g * l) % 9, gen_random_uuid()
      from generate_series(1, ${Math.ceil(DEMAND / 10)}::int) g
      cross join generate_series(1, 10) l
      join inventory_picking d on d.company_id = ${companyId} and d.number = 'BD-' || g
      join bench_p p on (p.tag, p.n) = (case when l = 10 then 'P' else 'F' end,
                                         1 + (g * 31 + l * 17) % case when l = 10 then ${L2}::int else ${FG}::int end)`);
  await run(sql`insert into manufacturing_reorder_rule (company_id, id, product_id, warehouse_id, min_qty, max_qty, multiple)
    select ${companyId}, gen_random_uuid(), id, ${warehouseId}, 20, 100, 10 from bench_p where tag = 'R' and n % 4 = 1`);
  await run(sql`insert into manufacturing_forecast (company_id, id, product_id, warehouse_id, month, qty)
    select ${companyId}, gen_random_uuid(), p.id, ${warehouseId},
           (date_trunc('month', current_date) + make_interval(months => m))::date, 10 + p.n % 50
      from bench_p p cross join generate_series(1, 3) m where p.tag = 'F' and p.n % 2 = 0`);
  await run(sql`drop table bench_p`);
  await run(sql`analyze`);
}

try {
  await migrate(db);
  const company = await newCompany(db);
  const actor = await company.actor(company.admin);
  const wh = await withTransaction(db, (tx) => defaultWarehouse(tx, company.id));
  const server = (await admin.query('show server_version')).rows[0].server_version;
  console.log(
    `mrp — ${FG + L1 + L2 + RAW} products (${FG}/${L1}/${L2}/${RAW} by level), ${DEMAND} demand lines, PostgreSQL ${server}`,
  );
  let t = performance.now();
  await seed(company.id, wh.id, wh.stockLocationId);
  console.log(`  data generated in ${ms(t)}`);

  const rssBefore = process.resourceUsage().maxRSS;
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  console.log(`  load average before the run: ${load()} (${cpus().length} cores)`);
  t = performance.now();
  const run = await withTransaction(db, (tx) => requestMrpRun(tx, actor));
  const split = await executeMrpRun(db, company.id, run.id);
  const total = performance.now() - t;
  const done = await one<Record<string, unknown>>(
    db.orm,
    sql`select state, item_count, demand_count, proposal_count, late_count from manufacturing_mrp_run
         where company_id = ${company.id} and id = ${run.id}`,
  );
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const round = (n = 0) => `${Math.round(n)} ms`;
  console.log(`  MRP run (service): total ${round(total)}`);
  console.log(
    `    read ${round(split?.readMs)} · plan ${round(split?.planMs)} (CPU ${round(split?.planCpuMs)}) · write ${round(split?.writeMs)} (${split?.proposals} proposals)`,
  );
  console.log(`  run: ${JSON.stringify(done)}`);
  console.log(`  peak RSS of the process: ${peakMb} MB (before the run: ${Math.round(rssBefore / 1024)} MB)`);

  // What the same write volume costs in plain SQL on this machine now (same batches, same unnest
  // statement, a table without keys, indexes or constraints): the write figure is read against it.
  const input = await withTransaction(db, (tx) => gatherMrpInput(tx, company.id));
  const plan = planMrp(input, { newId });
  await db.orm.execute(
    sql`create table bench_plain_write (like manufacturing_mrp_proposal including defaults)`,
  );
  t = performance.now();
  let writing: Promise<unknown> = Promise.resolve();
  for (let i = 0; i < plan.proposals.length; i += 5000) {
    const statement = proposalsInsert(
      company.id,
      run.id,
      plan.proposals.slice(i, i + 5000),
      'bench_plain_write',
    );
    await writing;
    writing = withTransaction(db, (tx) => tx.execute(statement));
  }
  await writing;
  const baseline = performance.now() - t;
  console.log(
    `  plain-SQL write baseline (${plan.proposals.length} rows, no keys/indexes/constraints): ${round(baseline)}` +
      ` → the run's write is ${((split?.writeMs ?? 0) / baseline).toFixed(1)}× it`,
  );
  console.log(`  load average after: ${load()}`);
  const verdict = total <= 10_000 && peakMb <= 1024 ? 'within' : 'OVER';
  console.log(`  target ≤ 10 s and ≤ 1 GB: ${verdict}`);
} finally {
  await db.close();
  if (process.env.BENCH_KEEP) console.log(`kept database ${dbName}`);
  else await admin.query(`drop database ${dbName} with (force)`);
  await admin.end();
}
