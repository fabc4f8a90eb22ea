// Accounting reports at scale (issue: trial balance ≤ 200 ms for any period, AR aging over 1 million open
// items ≤ 1 s, with 10 million journal lines; no lines loaded into memory, no hot balance row). A fresh
// PostgreSQL database is migrated, a company made through our code, and the ledger generated server-side
// (bench/accounting-data.ts). Then, median and p95 over repeated runs, each beside the plainest SQL doing
// the same work (with the ratio): the trial balance for an early month, a late month, a whole year and a
// range of partial months, through `trialBalance` and over HTTP (a listening server); AR aging through
// `aging` and HTTP (both sides from the maintained residuals, checked against the allocation history);
// posting throughput through `postEntry` with 1 and 8 clients. Timings are printed, never asserted.
// Needs BENCH_DATABASE_URL (or TEST_DATABASE_URL). Sizes: BENCH_LINES (10,000,000), BENCH_OPEN_ITEMS
// (1,000,000; at most BENCH_LINES / 5.5), BENCH_RUNS (15), BENCH_POSTS (400).
// Run: npx tsx bench/accounting-reports.ts
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { aging } from '../src/modules/accounting/aging/aging.ts';
import { postEntry } from '../src/modules/accounting/index.ts';
import { compactBalances } from '../src/modules/accounting/report/compact-balances.ts';
import { trialBalance } from '../src/modules/accounting/report/trial-balance.ts';
import { accountingSettings } from '../src/modules/accounting/settings.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openPostgres } from '../src/platform/db/connect.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { withTransaction } from '../src/platform/db/tx.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { newId } from '../src/platform/ids.ts';
import { registerAllRoutes } from '../src/server.ts';
import { newCompany } from '../test/kit/company.ts';
import { generateLedger } from './accounting-data.ts';

const LINES = Number(process.env.BENCH_LINES ?? 10_000_000);
// An open invoice comes with half an invoice paid or not (1.5 invoices of 3 lines, 0.5 receipts of 2): 5.5 lines.
const OPEN = Math.min(Number(process.env.BENCH_OPEN_ITEMS ?? 1_000_000), Math.floor(LINES / 5.5));
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const PLAIN_RUNS = Math.max(1, Math.min(RUNS, Number(process.env.BENCH_PLAIN_RUNS ?? 3)));
const POSTS = Number(process.env.BENCH_POSTS ?? 400);
const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!base) {
  console.log('accounting-reports: skipped — set BENCH_DATABASE_URL (PostgreSQL) to run it.');
  process.exit(0);
}

const dbName = `tandem_bench_accounting_${Date.now()}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`create database ${dbName}`);
const url = new URL(base);
url.pathname = `/${dbName}`;
const db = await openPostgres(url.toString(), 20);
const gen = new pg.Client({ connectionString: url.toString() });

/** Milliseconds of `work` over `runs` runs (after one untimed warm-up run). */
async function timings(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  await work();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}
const median = (s: number[]) => s[Math.floor((s.length - 1) / 2)];
const p95 = (s: number[]) => s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
const ms = (v: number) => `${v.toFixed(0)} ms`.padStart(9);

function row(label: string, fn: number[], http: number[], plain: number[]): void {
  console.log(
    `  ${label.padEnd(30)} ${ms(median(fn))} ${ms(p95(fn))} ${ms(median(http))} ${ms(p95(http))} ${ms(median(plain))} ${ms(p95(plain))} ${(median(fn) / median(plain)).toFixed(3).padStart(7)}`,
  );
}
function header(): void {
  console.log(
    `  ${''.padEnd(30)} ${'fn med'.padStart(9)} ${'fn p95'.padStart(9)} ${'HTTP med'.padStart(9)} ${'HTTP p95'.padStart(9)} ${'SQL med'.padStart(9)} ${'SQL p95'.padStart(9)} ${'fn/SQL'.padStart(7)}`,
  );
}

try {
  await migrate(db);
  await gen.connect();
  const company = await newCompany(db);
  const actor = await company.actor(company.admin);
  const c = company.id;
  const firstYear = Number((await accountingSettings(db.orm, c)).today.slice(0, 4)) - 3;
  console.log(
    `accounting-reports — ~${LINES.toLocaleString()} lines, ${OPEN.toLocaleString()} open items, PostgreSQL ${(await gen.query('show server_version')).rows[0].server_version}, load ${(await import('node:os')).loadavg()[0].toFixed(1)}`,
  );
  const tGen = performance.now();
  const data = await generateLedger(db, gen, actor, {
    lines: LINES,
    openItems: OPEN,
    customers: 50_000,
    accounts: 500,
    firstYear,
  });
  const t0 = performance.now();
  const folded = await compactBalances(db, c);
  console.log(
    `  ${`compactBalances: ${folded.toLocaleString()} deltas of the last month`.padEnd(52)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(7)} s`,
  );
  console.log(
    `  data: ${data.lines.toLocaleString()} lines, ${data.entries.toLocaleString()} entries, ${data.accounts} accounts, ${data.customers.toLocaleString()} customers, ${data.openItems.toLocaleString()} open invoices of ${data.invoices.toLocaleString()}, ${data.first} … ${data.last}; generated in ${((performance.now() - tGen) / 1000).toFixed(0)} s`,
  );

  const app = await buildApp({
    db,
    config: loadConfig({ ...process.env, DATA_DIR: '/nonexistent', API_RATE_LIMIT_PER_IP: '0' }),
    logger: false,
    webRoot: '/nonexistent',
    registerRoutes: registerAllRoutes,
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const login = await fetch(`${address}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: company.admin.email, password: company.admin.password }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const get = async (path: string) => {
    const res = await fetch(`${address}${path}`, { headers: { cookie } });
    const json = (await res.json()) as any;
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };

  // ---- Trial balance ----
  const plainTb = (from: string, to: string) =>
    gen.query(
      `select l.account_id, sum(l.debit) filter (where l.entry_date < $2)::text as od,
              sum(l.credit) filter (where l.entry_date < $2)::text as oc,
              coalesce(sum(l.debit) filter (where l.entry_date >= $2), 0)::text as pd,
              coalesce(sum(l.credit) filter (where l.entry_date >= $2), 0)::text as pc
         from accounting_entry_line l join accounting_entry e on e.company_id = l.company_id and e.id = l.entry_id
        where l.company_id = $1 and l.entry_date <= $3 and e.state = 'posted' group by l.account_id`,
      [c, from, to],
    );
  const y = (n: number) => firstYear + n;
  const ranges: Array<[string, string, string]> = [
    ['month, early (Feb, year 1)', `${y(0)}-02-01`, `${y(0)}-02-28`],
    ['month, late (Nov, year 3)', `${y(2)}-11-01`, `${y(2)}-11-30`],
    ['whole year (year 2)', `${y(1)}-01-01`, `${y(1)}-12-31`],
    ['partial months (10 May–20 Jun)', `${y(1)}-05-10`, `${y(1)}-06-20`],
  ];
  console.log('\ntrial balance (科目余额表), all accounts');
  header();
  for (const [label, from, to] of ranges) {
    // Correctness first: our figures equal the plain sums over the lines, account by account.
    const ours = await trialBalance(db.orm, actor, from, to);
    const plain = (await plainTb(from, to)).rows;
    for (const p of plain) {
      const r = ours.rows.find((x) => x.accountId === p.account_id);
      const open = Number(p.od ?? 0) - Number(p.oc ?? 0);
      const ourOpen = r ? Number(r.openingDebit) - Number(r.openingCredit) : 0;
      if (
        !r ||
        r.periodDebit !== Number(p.pd).toFixed(2) ||
        r.periodCredit !== Number(p.pc).toFixed(2) ||
        Math.abs(open - ourOpen) > 0.001
      )
        throw new Error(`trial balance ${from}…${to} differs from the lines for account ${p.account_id}`);
    }
    const fn = await timings(RUNS, () => trialBalance(db.orm, actor, from, to));
    const http = await timings(RUNS, () => get(`/api/v1/reports/trial-balance?from=${from}&to=${to}`));
    const sqlRuns = await timings(PLAIN_RUNS, () => plainTb(from, to));
    row(label, fn, http, sqlRuns);
  }

  // ---- AR aging ----
  // Both sides do the same work: per customer, the open customer invoices (posted, residual ≠ 0, dated
  // by asOf) with the settlements dated after asOf added back, summed into the five buckets, and the
  // unapplied payments. Our `aging` also probes (by index) the documents settled in full or cancelled
  // since asOf and credit notes, all empty in the generated data, and joins the customers' names.
  // The figures are checked first against the definition: per invoice its total less every settlement
  // up to asOf (the whole allocation history, run once, untimed).
  const asOf = data.last;
  const plainAging = () =>
    gen.query(
      `select t.partner_id, sum(o) filter (where late <= 0) as current, sum(o) filter (where late between 1 and 30) as d30,
              sum(o) filter (where late between 31 and 60) as d60, sum(o) filter (where late between 61 and 90) as d90,
              sum(o) filter (where late > 90) as over90, sum(o) filter (where late is null) as unapplied
         from (select x.partner_id, $2::date - x.due_date as late, x.residual_company + coalesce(l.settled, 0) as o
                 from accounting_invoice x
                 left join (select invoice_id, sum(invoice_amount_company) as settled from accounting_payment_allocation
                             where company_id = $1 and allocation_date > $2 group by invoice_id) l on l.invoice_id = x.id
                where x.company_id = $1 and x.kind = 'customer_invoice' and x.state = 'posted' and x.residual_company <> 0
                  and x.invoice_date <= $2
               union all
               select p.partner_id, null, p.unallocated_company + coalesce(u.used, 0)
                 from accounting_payment p
                 left join (select payment_id, sum(payment_amount_company) as used from accounting_payment_allocation
                             where company_id = $1 and allocation_date > $2 group by payment_id) u on u.payment_id = p.id
                where p.company_id = $1 and p.direction = 'inbound' and p.state = 'posted' and p.unallocated_company <> 0
                  and p.payment_date <= $2) t
        group by t.partner_id`,
      [c, asOf],
    );
  const definitionAging = () =>
    gen.query(
      `select t.partner_id, sum(o) filter (where late <= 0) as current, sum(o) filter (where late between 1 and 30) as d30,
              sum(o) filter (where late between 31 and 60) as d60, sum(o) filter (where late between 61 and 90) as d90,
              sum(o) filter (where late > 90) as over90
         from (select x.partner_id, $2::date - x.due_date as late, x.total_company - coalesce(a.settled, 0) as o
                 from accounting_invoice x
                 left join (select invoice_id, sum(invoice_amount_company) as settled from accounting_payment_allocation
                             where company_id = $1 and allocation_date <= $2 group by invoice_id) a on a.invoice_id = x.id
                where x.company_id = $1 and x.kind = 'customer_invoice' and x.state = 'posted' and x.invoice_date <= $2) t
        where o <> 0 group by t.partner_id`,
      [c, asOf],
    );
  console.log(`\nAR aging as of ${asOf}, ${data.openItems.toLocaleString()} open items`);
  header();
  const ours = await aging(db.orm, actor, 'receivable', { asOf });
  const fig = (v: unknown) => Number(v ?? 0).toFixed(2);
  const byPartner = new Map(
    ours.items.map((r) => [r.partnerId, [r.current, r.days1to30, r.days31to60, r.days61to90, r.over90]]),
  );
  const definition = (await definitionAging()).rows;
  for (const d of definition) {
    const want = [d.current, d.d30, d.d60, d.d90, d.over90].map(fig);
    if (JSON.stringify(byPartner.get(d.partner_id)) !== JSON.stringify(want))
      throw new Error(
        `aging of ${d.partner_id} differs from its definition: ${byPartner.get(d.partner_id)} ≠ ${want}`,
      );
    byPartner.delete(d.partner_id);
  }
  // The rest are customers with unapplied payments only.
  for (const [id, buckets] of byPartner)
    if (buckets.some((b) => Number(b) !== 0))
      throw new Error(`aging of ${id}: ${buckets}, none by definition`);
  const plainUnapplied = (await plainAging()).rows.reduce((s, r) => s + Number(r.unapplied ?? 0), 0);
  if (Math.abs(plainUnapplied - Number(ours.totals.unapplied)) > 0.005)
    throw new Error(`unapplied ${ours.totals.unapplied} differs from the plain sum ${plainUnapplied}`);
  row(
    'ar-aging (all customers)',
    await timings(RUNS, () => aging(db.orm, actor, 'receivable', { asOf })),
    await timings(RUNS, () => get(`/api/v1/reports/ar-aging?asOf=${asOf}`)),
    await timings(PLAIN_RUNS, plainAging),
  );

  // ---- Posting throughput ----
  await postingBench(db, gen, actor, c);
  await app.close();
} finally {
  await gen.end().catch(() => {});
  await db.close();
  if (process.env.BENCH_KEEP) console.log(`kept database ${dbName}`);
  else await admin.query(`drop database ${dbName} with (force)`);
  await admin.end();
}

/** Entries/s of `postEntry` and of the plainest SQL posting, 1 and 8 clients, into today's period. */
async function postingBench(
  db: Awaited<ReturnType<typeof openPostgres>>,
  gen: pg.Client,
  actor: any,
  c: string,
) {
  const { today, currency } = await accountingSettings(db.orm, c);
  const accounts = (
    await gen.query(
      `select a.id from accounting_account a where a.company_id = $1 and a.active and a.role is null and a.type = 'expense'
          and not exists (select 1 from accounting_account s where s.company_id = a.company_id and s.parent_id = a.id) order by code`,
      [c],
    )
  ).rows.map((r) => r.id as string);
  const bank = (
    await gen.query(`select id from accounting_account where company_id = $1 and role = 'bank'`, [c])
  ).rows[0].id;
  const linesFor = (i: number) => [
    { accountId: accounts[i % accounts.length], debit: `${(i % 900) + 100}.25` },
    { accountId: accounts[(i * 7 + 3) % accounts.length], debit: '50.00' },
    { accountId: bank, credit: `${(i % 900) + 150}.25` },
  ];
  await withTransaction(db, (tx) =>
    postEntry(tx, actor, { journal: 'general', date: today, memo: 'warm-up', lines: linesFor(0) }),
  );
  const period = (
    await gen.query(
      `select id, year, month from accounting_period where company_id = $1 and $2::date between start_date and end_date`,
      [c, today],
    )
  ).rows[0];
  const key = `accounting.voucher:${period.year}-${String(period.month).padStart(2, '0')}:记`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 8 });
  pool.on('error', () => {});
  /** The same rows postEntry writes, in plain SQL: period FOR SHARE, voucher counter, entry, lines, deltas, audit. */
  const plainPost = async (i: number, hotRow: boolean) => {
    const cl = await pool.connect();
    const id = newId();
    const lines = linesFor(i);
    try {
      await cl.query('begin');
      await cl.query('select 1 from accounting_period where company_id = $1 and id = $2 for share', [
        c,
        period.id,
      ]);
      const n = (
        await cl.query(
          `insert into platform_sequence as s (company_id, key, last_value) values ($1, $2, 1)
          on conflict (company_id, key) do update set last_value = s.last_value + 1 returning last_value`,
          [c, key],
        )
      ).rows[0].last_value;
      await cl.query(
        `insert into accounting_entry (company_id, id, journal_id, entry_date, period_id, state, voucher_word, memo)
          select $1, $2, id, $3, $4, 'draft', '记', 'plain' from accounting_journal where company_id = $1 and code = 'general'`,
        [c, id, today, period.id],
      );
      await cl.query(
        `insert into accounting_entry_line (company_id, id, entry_id, line_no, account_id, debit, credit, currency, amount_currency, entry_date)
          select $1, gen_random_uuid(), $2, x.no, x.acct, x.dr, x.cr, $8, x.dr - x.cr, $3
            from unnest($4::int[], $5::uuid[], $6::numeric[], $7::numeric[]) as x(no, acct, dr, cr)`,
        [
          c,
          id,
          today,
          [1, 2, 3],
          lines.map((l) => l.accountId),
          lines.map((l) => l.debit ?? 0),
          lines.map((l) => l.credit ?? 0),
          currency,
        ],
      );
      await cl.query(
        `update accounting_entry set state = 'posted', voucher_number = $3, posted_at = now() where company_id = $1 and id = $2`,
        [c, id, n],
      );
      const sums = [
        lines.map((l) => l.accountId),
        lines.map((l) => l.debit ?? 0),
        lines.map((l) => l.credit ?? 0),
      ];
      const perAccount = `select x.acct, sum(x.dr) as dr, sum(x.cr) as cr
          from unnest($3::uuid[], $4::numeric[], $5::numeric[]) as x(acct, dr, cr) group by x.acct order by x.acct`;
      if (hotRow)
        // What a running balance per account would do instead of appending: the design we avoid.
        await cl.query(
          `insert into accounting_balance (company_id, id, account_id, period_id, closing, debit, credit)
           select $1, gen_random_uuid(), s.acct, $2, false, s.dr, s.cr from (${perAccount}) s
           on conflict (company_id, account_id, period_id, closing) do update
             set debit = accounting_balance.debit + excluded.debit, credit = accounting_balance.credit + excluded.credit`,
          [c, period.id, ...sums],
        );
      else
        await cl.query(
          `insert into accounting_balance_delta (company_id, id, account_id, period_id, closing, debit, credit, entry_id)
           select $1, gen_random_uuid(), s.acct, $2, false, s.dr, s.cr, $6 from (${perAccount}) s`,
          [c, period.id, ...sums, id],
        );
      await cl.query(
        `insert into platform_audit_log (company_id, id, entity, entity_id, action, changes) values ($1, $2, 'accounting.entry', $3, 'post', '{}')`,
        [c, newId(), id],
      );
      await cl.query('commit');
    } catch (error) {
      await cl.query('rollback');
      throw error;
    } finally {
      cl.release();
    }
  };
  const throughput = async (clients: number, work: (i: number) => Promise<unknown>) => {
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        for (let i = next++; i < POSTS; i = next++) await work(i);
      }),
    );
    return POSTS / ((performance.now() - t0) / 1000);
  };
  console.log(`\nposting throughput, ${POSTS} entries of 3 lines per run, entries/s`);
  console.log(
    `  ${'clients'.padEnd(8)} ${'postEntry'.padStart(10)} ${'plain SQL'.padStart(10)} ${'ratio'.padStart(6)} ${'SQL + hot row'.padStart(14)}`,
  );
  for (const clients of [1, 8]) {
    const fn = await throughput(clients, (i) =>
      withTransaction(db, (tx) =>
        postEntry(tx, actor, { journal: 'general', date: today, memo: `bench ${i}`, lines: linesFor(i) }),
      ),
    );
    const plain = await throughput(clients, (i) => plainPost(i, false));
    const hot = await throughput(clients, (i) => plainPost(i, true));
    console.log(
      `  ${String(clients).padEnd(8)} ${fn.toFixed(0).padStart(10)} ${plain.toFixed(0).padStart(10)} ${(fn / plain).toFixed(2).padStart(6)} ${hot.toFixed(0).padStart(14)}`,
    );
  }
  await pool.end();
}
