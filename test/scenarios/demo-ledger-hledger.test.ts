// The demo company's books, checked from outside: the ledger export read by hledger (a separate,
// widely used accounting program) gives the same balance for every account as our trial balance, and
// the books are sane — the trial balance balances, the aging reports add up to the receivable and
// payable accounts, and the inventory account holds exactly the stock's value.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { one } from '../../src/platform/db/tx.ts';
import { DEMO_PASSWORD, seedDemo } from '../../src/platform/demo/seed.ts';
import { describeDb, signedIn } from '../kit/index.ts';

function hledgerVersion(): string | null {
  try {
    return execFileSync('hledger', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

const version = hledgerVersion();
if (!version)
  console.log(
    'demo ledger test: the hledger comparison is skipped because `hledger` is not on PATH (apt-get install -y hledger); the sanity checks still run',
  );

const ok = (res: { status: number; body: any }, what: string) => {
  assert.equal(res.status, 200, `${what}: ${JSON.stringify(res.body).slice(0, 500)}`);
  return res.body;
};
const money = (v: Decimal.Value) => new Decimal(v).toFixed(2);

/** hledger's per-account balances (at cost, in the company currency), keyed by account code. */
function hledgerBalances(journal: string): Map<string, string> {
  const file = path.join(os.tmpdir(), `tandem-demo-${process.pid}-${Date.now()}.journal`);
  fs.writeFileSync(file, journal);
  try {
    const csv = execFileSync(
      'hledger',
      ['-f', file, 'balance', '--flat', '--no-total', '--cost', '-O', 'csv'],
      { encoding: 'utf8' },
    );
    const out = new Map<string, string>();
    for (const line of csv.trim().split('\n').slice(1)) {
      const [account, amount] = JSON.parse(`[${line}]`) as [string, string];
      const code = account.split(':').at(-1)!.split(' ')[0];
      out.set(code, money(amount.replace(/[^0-9.-]/g, '') || '0'));
    }
    return out;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

describeDb('demo company books', (ctx) => {
  let client: Awaited<ReturnType<typeof signedIn>>;
  let companyId: string;
  let today: string;
  /** Closing balance (debit − credit) per account code, from our trial balance over all time. */
  let ours: Map<string, Decimal>;
  let tb: any;

  test('seeded through the same entry point as `npm run seed:demo`', async () => {
    ({ companyId } = await seedDemo(ctx.db));
    client = await signedIn(ctx.db, { email: 'finance@demo.tandem.local', password: DEMO_PASSWORD });
    const row = await one<{ today: string }>(
      ctx.db.orm,
      sql`select to_char((now() at time zone time_zone)::date, 'YYYY-MM-DD') as today
            from platform_company where id = ${companyId}`,
    );
    today = row!.today;
    tb = ok(await client.get(`/api/v1/reports/trial-balance?from=2000-01-01&to=${today}`), 'trial balance');
    ours = new Map(
      tb.rows.map((r: any) => [r.code, new Decimal(r.closingDebit).minus(r.closingCredit)] as const),
    );
    // Four months of history: many vouchers, the first month closed.
    const entries = await one<{ n: number; months: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n, count(distinct period_id)::int as months from accounting_entry
           where company_id = ${companyId} and state = 'posted'`,
    );
    assert.ok(entries!.n >= 50, `posted entries: ${entries!.n}`);
    assert.ok(entries!.months >= 5, `months with entries: ${entries!.months}`);
    const closed = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from accounting_period where company_id = ${companyId} and state = 'closed'`,
    );
    assert.equal(closed!.n, 1);
    // Sales invoiced the two shipped demo orders for what was delivered, through `invoiceOrder`.
    const fromOrders = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from accounting_invoice
           where company_id = ${companyId} and origin_type is not null and state = 'posted'
             and kind = 'customer_invoice'`,
    );
    assert.equal(fromOrders!.n, 2);
    // Seeding again changes nothing.
    assert.equal((await seedDemo(ctx.db)).created, false);
    const again = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from accounting_entry where company_id = ${companyId} and state = 'posted'`,
    );
    assert.equal(again!.n, entries!.n);
  });

  test('the trial balance balances', () => {
    assert.equal(tb.totals.closingDebit, tb.totals.closingCredit);
    assert.equal(tb.totals.periodDebit, tb.totals.periodCredit);
    assert.ok(new Decimal(tb.totals.periodDebit).gt(1_000_000));
  });

  test('hledger reads the export and gives our balance for every account', {
    skip: version ? false : 'hledger is not on PATH (apt-get install -y hledger)',
  }, async () => {
    const res = await client.get('/api/v1/accounting/export?format=ledger');
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /^text\/plain/);
    const theirs = hledgerBalances(String(res.body));
    const expected = new Map([...ours].filter(([, v]) => !v.isZero()).map(([c, v]) => [c, money(v)]));
    assert.deepEqual(Object.fromEntries([...theirs].sort()), Object.fromEntries([...expected].sort()));
    assert.ok(expected.size >= 20, `accounts with a balance: ${expected.size}`);
    // The export sale's dollars stay dollars in the journal, at their cost in yuan (@@).
    assert.match(String(res.body), /USD/);
  });

  test('AR aging: every bucket filled, adding up to the receivable account', async () => {
    const ar = ok(await client.get('/api/v1/reports/ar-aging'), 'ar aging').totals;
    for (const bucket of ['current', 'days1to30', 'days31to60', 'days61to90', 'over90'])
      assert.ok(new Decimal(ar[bucket]).gt(0), `AR bucket ${bucket} is ${ar[bucket]}`);
    const open = ['current', 'days1to30', 'days31to60', 'days61to90', 'over90'].reduce(
      (s, b) => s.plus(ar[b]),
      new Decimal(0),
    );
    assert.equal(money(open), money(ours.get('1122') ?? 0), 'open invoices = 1122 应收账款');
    // The overpayment waits as the customer's credit in 2203 预收账款.
    assert.ok(new Decimal(ar.unapplied).gt(0));
    assert.equal(money(ar.unapplied), money((ours.get('2203') ?? new Decimal(0)).neg()));
    assert.equal(money(ar.total), money(open.minus(ar.unapplied)));
  });

  test('AP aging adds up to the trade payables account', async () => {
    const ap = ok(await client.get('/api/v1/reports/ap-aging'), 'ap aging').totals;
    const open = ['current', 'days1to30', 'days31to60', 'days61to90', 'over90'].reduce(
      (s, b) => s.plus(ap[b]),
      new Decimal(0),
    );
    assert.ok(open.gt(0));
    assert.equal(money(open), money((ours.get('220201') ?? new Decimal(0)).neg()), '220201 一般应付账款');
  });

  test('the inventory account holds the stock valuation', async () => {
    const valuation = await one<{ value: string }>(
      ctx.db.orm,
      sql`select coalesce(sum(value), 0)::text as value from inventory_cost where company_id = ${companyId}`,
    );
    assert.ok(new Decimal(valuation!.value).gt(0));
    assert.equal(
      money(ours.get('1405') ?? 0),
      money(valuation!.value),
      '1405 库存商品 = Σ inventory_cost.value',
    );
  });
});
