// Bulk data for bench/accounting-reports.ts, generated server-side (`insert … select generate_series`):
// no journal line passes through Node. Three calendar years of a wholesale company: customer invoices
// (Dr receivable / Cr revenue / Cr output VAT), their receipts (Dr bank / Cr receivable) allocated in full,
// some advances (Dr bank / Cr customer advance, unallocated) and general entries of 2–6 lines over ~500
// accounts. Every entry balances; the invoice, payment and allocation rows match the ledger.
// The chart, customers' company and periods are made through our code; balances are what posting and
// compaction write: `accounting_balance` per (account, period) for the older months, and for the last month
// one delta per (entry, account), as `postEntry` appends them, left for `compactBalances` to fold.
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { createAccount } from '../src/modules/accounting/chart/manage-accounts.ts';
import { accountForRole } from '../src/modules/accounting/index.ts';
import { ensurePeriod, monthBounds } from '../src/modules/accounting/period/periods.ts';
import type { Db } from '../src/platform/db/connect.ts';
import { withTransaction } from '../src/platform/db/tx.ts';
import type { Actor } from '../src/platform/permissions/actor.ts';

export interface LedgerData {
  first: string;
  last: string;
  invoices: number;
  openItems: number;
  customers: number;
  accounts: number;
  entries: number;
  lines: number;
  lastPeriodId: string;
}

const TABLES = [
  'accounting_entry_line',
  'accounting_entry',
  'accounting_invoice',
  'accounting_payment_allocation',
];
const TYPES = ['asset', 'liability', 'equity', 'income', 'expense'] as const;

/** Logs a step with its duration. */
async function step<T>(label: string, work: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await work();
  console.log(`  ${label.padEnd(52)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(7)} s`);
  return out;
}

/** About `lines` journal lines from `firstYear` for three years, `openItems` of them open customer invoices. */
export async function generateLedger(
  db: Db,
  gen: pg.Client,
  actor: Actor,
  options: { lines: number; openItems: number; customers: number; accounts: number; firstYear: number },
): Promise<LedgerData> {
  const c = actor.companyId;
  const first = `${options.firstYear}-01-01`;
  const last = `${options.firstYear + 2}-12-31`;
  // Setup through our code: the chart (template + created accounts), the 36 periods, the role accounts.
  await step(`chart: ${options.accounts} accounts through createAccount`, () =>
    withTransaction(db, async (tx) => {
      const have = Number(
        (await gen.query('select count(*)::int as n from accounting_account where company_id = $1', [c]))
          .rows[0].n,
      );
      for (let i = have; i < options.accounts; i++) {
        const type = TYPES[i % TYPES.length];
        const code = `${TYPES.indexOf(type) + 1}9${String(i).padStart(3, '0')}`;
        await createAccount(tx, actor, { code, name: { en: `Bench ${type} ${i}` }, type });
      }
    }),
  );
  for (let y = options.firstYear; y < options.firstYear + 3; y++)
    for (let m = 1; m <= 12; m++)
      await withTransaction(db, (tx) => ensurePeriod(tx, c, monthBounds(y, m).start));
  const role = async (r: Parameters<typeof accountForRole>[2]) => accountForRole(db.orm, c, r);
  const acc = {
    receivable: await role('receivable'),
    revenue: await role('revenue'),
    vat: await role('output_vat'),
    bank: await role('bank'),
    advance: await role('customer_advance'),
  };
  const { currency } = (await gen.query('select currency from platform_company where id = $1', [c])).rows[0];
  const journals = Object.fromEntries(
    (
      await gen.query('select code, id, voucher_word from accounting_journal where company_id = $1', [c])
    ).rows.map((r) => [r.code, r]),
  );

  // Bulk load with triggers off (session_replication_role): the row triggers would queue one deferred
  // balance check per line; the balance of every entry is checked by one query below instead.
  await gen.query(`set session_replication_role = replica; set work_mem = '256MB'; set maintenance_work_mem = '512MB';
    set synchronous_commit = off;
    create function pg_temp.u7(ms bigint) returns uuid language sql volatile as
      $$ select overlay(overlay(replace(gen_random_uuid()::text, '-', '') placing lpad(to_hex(ms), 12, '0') from 1 for 12)
                placing '7' from 13 for 1)::uuid $$;
    create function pg_temp.amt(n bigint, j int) returns numeric language sql immutable as
      $$ select ((abs(hashint8(n * 8 + j)) % 999900) + 100) / 100.0 $$;`);
  const indexes = (
    await gen.query(
      `select indexname, indexdef from pg_indexes where tablename = any($1)
          and indexname not in (select conname from pg_constraint)`,
      [TABLES],
    )
  ).rows as Array<{ indexname: string; indexdef: string }>;
  await gen.query(indexes.map((i) => `drop index ${i.indexname};`).join('\n'));

  const nInvoices = Math.ceil(options.openItems * 1.5);
  const nAdvances = Math.ceil(options.customers / 10);
  // Invoices 3 lines, receipts (one per third invoice) and advances 2, general entries 4 on average.
  const nGeneral = Math.max(
    1000,
    Math.round((options.lines - 3 * nInvoices - (2 * nInvoices) / 3 - 2 * nAdvances) / 4),
  );
  const t0 = Date.parse(`${first}T00:00:00Z`);
  const span = Date.parse(`${last}T23:59:59Z`) - t0;
  const q = (text: string, values: unknown[] = []) => gen.query(text, values);

  await step(`customers: ${options.customers.toLocaleString()}`, async () => {
    await q(
      `insert into crm_customer (company_id, id, code, name, name_key, search_text, status)
       select $1, pg_temp.u7($3::bigint + i), 'C' || lpad(i::text, 6, '0'), 'Customer ' || i, 'customer ' || i,
              'customer ' || i || ' c' || lpad(i::text, 6, '0'), 'active'
         from generate_series(1, $2) i`,
      [c, options.customers, t0],
    );
    await q(
      `create temp table cust as
             select (row_number() over (order by id) - 1)::int as n, id from crm_customer where company_id = $1`,
      [c],
    );
    await q(
      `create temp table acct as
             select (row_number() over (order by code) - 1)::int as n, a.id from accounting_account a
              where a.company_id = $1 and a.active and a.role is null
                and not exists (select 1 from accounting_account s where s.company_id = a.company_id and s.parent_id = a.id)`,
      [c],
    );
  });
  const nAcct = Number((await q('select count(*)::int as n from acct')).rows[0].n);

  await step(`documents: ${nInvoices.toLocaleString()} invoices, receipts, advances`, async () => {
    await q(
      `create temp table inv as
       select s.i, s.ms, pg_temp.u7(s.ms) as id, pg_temp.u7(s.ms) as entry_id, to_timestamp(s.ms / 1000.0)::date as d,
              c.id as partner, s.net, round(s.net * 0.13, 2) as tax
         from (select i, $2::bigint + (i::numeric * $3 / $1)::bigint as ms,
                      ((abs(hashint4(i)) % 4999000) + 1000) / 100.0 as net, abs(hashint4(i * 7 + 1)) % $4 as cn
                 from generate_series(0, $1 - 1) i) s
         join cust c on c.n = s.cn`,
      [nInvoices, t0, span, options.customers],
    );
    // A third of the invoices is paid in full within 0–59 days (if that is still inside the data).
    await q(
      `create temp table pay as
       select i.i, i.id as invoice_id, i.partner, i.ms + (i.i % 60)::bigint * 86400000 + 1 as ms,
              i.d + (i.i % 60) as d, i.net + i.tax as amount, pg_temp.u7(i.ms + (i.i % 60)::bigint * 86400000 + 1) as id,
              pg_temp.u7(i.ms + (i.i % 60)::bigint * 86400000 + 1) as entry_id, true as allocated
         from inv i where i.i % 3 = 0 and i.d + (i.i % 60) <= $1::date
       union all
       select -a, null, c.id, $2::bigint + (a::numeric * $3 / $4)::bigint, to_timestamp(($2::bigint + (a::numeric * $3 / $4)::bigint) / 1000.0)::date,
              ((abs(hashint4(a * 11)) % 2000000) + 10000) / 100.0, pg_temp.u7($2::bigint + (a::numeric * $3 / $4)::bigint),
              pg_temp.u7($2::bigint + (a::numeric * $3 / $4)::bigint), false
         from generate_series(1, $4) a join cust c on c.n = (a * 10) % $5`,
      [last, t0, span, nAdvances, options.customers],
    );
    await q(
      `create temp table gen as
       select n, pg_temp.u7(ms) as id, ms, to_timestamp(ms / 1000.0)::date as d, 2 + (n % 5)::int as k
         from (select n, $2::bigint + (n::numeric * $3 / $1)::bigint as ms from generate_series(0, $1 - 1) n) s`,
      [nGeneral, t0, span],
    );
  });

  const entries = await step('entries (voucher numbers per period and word)', async () => {
    const r = await q(
      `insert into accounting_entry (company_id, id, journal_id, entry_date, period_id, state, voucher_word,
         voucher_number, memo, source_type, source_id, posted_at, created_at, updated_at)
       select $1, e.id, e.journal_id, e.d, p.id, 'posted', e.word,
              row_number() over (partition by p.id, e.word order by e.id), e.memo, e.st, e.sid,
              e.d + time '10:00', e.d + time '10:00', e.d + time '10:00'
         from (select entry_id as id, d, $2::uuid as journal_id, $3 as word, 'Invoice ' || i as memo,
                      'accounting.invoice' as st, id as sid from inv
               union all
               select entry_id, d, $4::uuid, $5, 'Receipt', 'accounting.payment', id from pay
               union all
               select id, d, $6::uuid, $7, 'General ' || n, null, null from gen) e
         join accounting_period p on p.company_id = $1 and e.d between p.start_date and p.end_date`,
      [
        c,
        journals.sales.id,
        journals.sales.voucher_word,
        journals.bank.id,
        journals.bank.voucher_word,
        journals.general.id,
        journals.general.voucher_word,
      ],
    );
    return r.rowCount ?? 0;
  });

  const lines = await step('journal lines', async () => {
    const cols = `company_id, id, entry_id, line_no, account_id, debit, credit, currency, amount_currency, rate,
                  partner_id, description, entry_date`;
    let n = 0;
    n += (
      await q(
        `insert into accounting_entry_line (${cols})
         select $1, pg_temp.u7(i.ms), i.entry_id, x.no, x.acct, x.dr, x.cr, $5, x.dr - x.cr, 1, x.partner, '', i.d
           from inv i cross join lateral (values (1, $2::uuid, i.net + i.tax, 0, i.partner),
                                                 (2, $3::uuid, 0, i.net, null), (3, $4::uuid, 0, i.tax, null))
                as x(no, acct, dr, cr, partner)`,
        [c, acc.receivable, acc.revenue, acc.vat, currency],
      )
    ).rowCount!;
    n += (
      await q(
        `insert into accounting_entry_line (${cols})
         select $1, pg_temp.u7(p.ms), p.entry_id, x.no, x.acct, x.dr, x.cr, $5, x.dr - x.cr, 1, x.partner, '', p.d
           from pay p cross join lateral (values (1, $2::uuid, p.amount, 0, null::uuid),
                (2, case when p.allocated then $3::uuid else $4::uuid end, 0, p.amount, p.partner)) as x(no, acct, dr, cr, partner)`,
        [c, acc.bank, acc.receivable, acc.advance, currency],
      )
    ).rowCount!;
    // General entries: lines 1…k−1 on one side (odd entries debit, even credit), line k balances them.
    n += (
      await q(
        `insert into accounting_entry_line (${cols})
         select $1, pg_temp.u7(g.ms), g.id, j, a.id,
                case when (j < g.k) = (g.n % 2 = 1) then m.amount else 0 end,
                case when (j < g.k) = (g.n % 2 = 1) then 0 else m.amount end,
                $2, case when (j < g.k) = (g.n % 2 = 1) then m.amount else -m.amount end, 1, null, '', g.d
           from gen g cross join lateral generate_series(1, g.k) j
           cross join lateral (select case when j < g.k then pg_temp.amt(g.n, j)
                                      else (select sum(pg_temp.amt(g.n, jj)) from generate_series(1, g.k - 1) jj) end as amount) m
           join acct a on a.n = abs(hashint8(g.n * 8 + j + 4)) % $3`,
        [c, currency, nAcct],
      )
    ).rowCount!;
    return n;
  });

  await step('invoices, payments, allocations', async () => {
    await q(
      `insert into accounting_invoice (company_id, id, kind, state, number, partner_id, invoice_date, due_date,
         currency, untaxed, tax, total, untaxed_company, tax_company, total_company, residual,
         residual_company, payment_state, entry_id, posted_at, created_at, updated_at)
       select $1, i.id, 'customer_invoice', 'posted', 'INV-' || extract(year from i.d) || '-' || lpad(i.i::text, 7, '0'),
              i.partner, i.d, i.d + 30, $2, i.net, i.tax, i.net + i.tax, i.net, i.tax, i.net + i.tax,
              case when p.id is null then i.net + i.tax else 0 end, case when p.id is null then i.net + i.tax else 0 end,
              case when p.id is null then 'not_paid' else 'paid' end, i.entry_id, i.d + time '10:00', i.d + time '10:00',
              coalesce(p.d, i.d) + time '10:00'
         from inv i left join pay p on p.invoice_id = i.id`,
      [c, currency],
    );
    await q(
      `insert into accounting_payment (company_id, id, direction, number, partner_id, payment_date, account_id, currency,
         amount, amount_company, unallocated, unallocated_company, entry_id, created_at, updated_at)
       select $1, p.id, 'inbound', 'RCV-' || extract(year from p.d) || '-' || lpad((row_number() over (order by p.id))::text, 7, '0'),
              p.partner, p.d, $2, $3, p.amount, p.amount, case when p.allocated then 0 else p.amount end,
              case when p.allocated then 0 else p.amount end, p.entry_id, p.d + time '10:00', p.d + time '10:00'
         from pay p`,
      [c, acc.bank, currency],
    );
    await q(
      `insert into accounting_payment_allocation (company_id, id, payment_id, invoice_id, allocation_date, amount,
         invoice_amount_company, payment_amount_company, created_at, updated_at)
       select $1, pg_temp.u7(p.ms), p.id, p.invoice_id, p.d, p.amount, p.amount, p.amount, p.d + time '10:00', p.d + time '10:00'
         from pay p where p.allocated`,
      [c],
    );
  });

  // What compaction leaves behind for older months (one row per account, period), and what postings of
  // the last month appended (one delta per entry and account), for `compactBalances` to fold.
  const lastPeriodId = (
    await q(`select id from accounting_period where company_id = $1 and start_date = $2`, [
      c,
      `${options.firstYear + 2}-12-01`,
    ])
  ).rows[0].id as string;
  await step('balances and last-month deltas', async () => {
    await q(
      `insert into accounting_balance (company_id, id, account_id, period_id, closing, debit, credit)
       select $1, gen_random_uuid(), m.account_id, p.id, false, m.debit, m.credit
         from (select account_id, date_trunc('month', entry_date)::date as month, sum(debit) as debit, sum(credit) as credit
                 from accounting_entry_line where company_id = $1 group by 1, 2) m
         join accounting_period p on p.company_id = $1 and p.start_date = m.month
        where p.id <> $2`,
      [c, lastPeriodId],
    );
    await q(
      `insert into accounting_balance_delta (company_id, id, account_id, period_id, closing, debit, credit, entry_id)
       select $1, gen_random_uuid(), l.account_id, $2, false, sum(l.debit), sum(l.credit), l.entry_id
         from accounting_entry_line l where l.company_id = $1 and l.entry_date >= $3::date
        group by l.entry_id, l.account_id`,
      [c, lastPeriodId, `${options.firstYear + 2}-12-01`],
    );
    // Voucher counters continue after the generated numbers, as nextNumber would have left them.
    await q(
      `insert into platform_sequence (company_id, key, last_value)
       select $1, 'accounting.voucher:' || p.year || '-' || lpad(p.month::text, 2, '0') || ':' || e.voucher_word, max(e.voucher_number)
         from accounting_entry e join accounting_period p on p.company_id = e.company_id and p.id = e.period_id
        where e.company_id = $1 group by p.year, p.month, e.voucher_word`,
      [c],
    );
  });
  await step(`indexes rebuilt (${indexes.length})`, async () => {
    for (const i of indexes) await q(i.indexdef);
  });
  await step('vacuum analyze', () =>
    q(
      `vacuum (analyze) ${[...TABLES, 'accounting_balance', 'accounting_balance_delta', 'accounting_payment', 'crm_customer'].join(', ')}`,
    ),
  );
  await step('check: every entry balances, ≥ 2 lines', async () => {
    const bad = await q(
      `select count(*)::int as n from (select entry_id from accounting_entry_line where company_id = $1
         group by entry_id having sum(debit) <> sum(credit) or count(*) < 2) x`,
      [c],
    );
    if (bad.rows[0].n !== 0) throw new Error(`${bad.rows[0].n} generated entries do not balance`);
  });
  await q('set session_replication_role = origin');
  const openItems = Number(
    (
      await q(`select count(*)::int as n from accounting_invoice where company_id = $1 and residual <> 0`, [
        c,
      ])
    ).rows[0].n,
  );
  return {
    first,
    last,
    invoices: nInvoices,
    openItems,
    customers: options.customers,
    accounts: options.accounts,
    entries,
    lines,
    lastPeriodId,
  };
}
