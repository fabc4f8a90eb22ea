import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { describeDb } from '../../../../test/kit/index.ts';
import { one, rows, withTransaction } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { type LedgerSetup, ledgerSetup } from '../ledger/fixtures.ts';
import { closeFiscalYear, listFiscalYears } from '../period/close-year.ts';
import { compactBalances } from './compact-balances.ts';
import { balanceSheet, profitAndLoss } from './financial-statements.ts';
import { generalLedger } from './general-ledger.ts';
import { trialBalance } from './trial-balance.ts';

/**
 * The worked set (generic chart, CNY):
 *   01-05 capital paid in       Dr 1010 Bank 10,000.00        Cr 3000 Share capital 10,000.00
 *   01-08 goods bought          Dr 1200 Inventory 800.00, Dr 1300 Input VAT 104.00   Cr 2000 Payables 904.00
 *   01-10 goods sold            Dr 1100 Receivables 1,130.00  Cr 4000 Revenue 1,000.00, Cr 2200 Output VAT 130.00
 *   01-20 cost of the sale      Dr 5000 Cost of sales 600.00  Cr 1200 Inventory 600.00
 *   02-03 customer pays         Dr 1010 Bank 1,130.00         Cr 1100 Receivables 1,130.00
 *   02-15 office costs          Dr 6100 Administrative 150.00 Cr 1010 Bank 150.00
 */
async function workedSet(s: LedgerSetup) {
  const a = Object.fromEntries(
    await Promise.all(
      ['1010', '3000', '1200', '1300', '2000', '1100', '4000', '2200', '5000', '6100', '3100'].map(
        async (c) => [c, await s.code(c)] as const,
      ),
    ),
  );
  await s.post('2026-01-05', [
    [a['1010'], '10000.00', '0'],
    [a['3000'], '0', '10000.00'],
  ]);
  await s.post('2026-01-08', [
    [a['1200'], '800.00', '0'],
    [a['1300'], '104.00', '0'],
    [a['2000'], '0', '904.00'],
  ]);
  await s.post('2026-01-10', [
    [a['1100'], '1130.00', '0'],
    [a['4000'], '0', '1000.00'],
    [a['2200'], '0', '130.00'],
  ]);
  await s.post('2026-01-20', [
    [a['5000'], '600.00', '0'],
    [a['1200'], '0', '600.00'],
  ]);
  await s.post('2026-02-03', [
    [a['1010'], '1130.00', '0'],
    [a['1100'], '0', '1130.00'],
  ]);
  await s.post('2026-02-15', [
    [a['6100'], '150.00', '0'],
    [a['1010'], '0', '150.00'],
  ]);
  return a;
}

function byCode<T extends { code: string }>(list: T[]): Record<string, T> {
  return Object.fromEntries(list.map((r) => [r.code, r]));
}

describeDb('reports: trial balance, ledger, P&L, balance sheet, year-end close', (ctx) => {
  test('the trial balance: opening + period = closing, debits equal credits, worked figures', async () => {
    const s = await ledgerSetup(ctx.db);
    await workedSet(s);
    const tb = await trialBalance(ctx.db.orm, s.actor, '2026-02-01', '2026-02-28');
    const r = byCode(tb.rows);
    assert.deepEqual(
      [r['1010'].openingDebit, r['1010'].periodDebit, r['1010'].periodCredit, r['1010'].closingDebit],
      ['10000.00', '1130.00', '150.00', '10980.00'],
    );
    assert.deepEqual(
      [r['1100'].openingDebit, r['1100'].periodCredit, r['1100'].closingDebit],
      ['1130.00', '1130.00', '0.00'],
    );
    assert.deepEqual([r['2000'].openingCredit, r['2000'].closingCredit], ['904.00', '904.00']);
    assert.deepEqual([r['6100'].openingDebit, r['6100'].closingDebit], ['0.00', '150.00']);
    assert.equal(tb.totals.openingDebit, '12034.00');
    for (const row of tb.rows) {
      const opening = new Decimal(row.openingDebit).minus(row.openingCredit);
      const closing = new Decimal(row.closingDebit).minus(row.closingCredit);
      assert.ok(opening.plus(row.periodDebit).minus(row.periodCredit).eq(closing), row.code);
    }
    const t = tb.totals;
    assert.equal(t.openingDebit, t.openingCredit);
    assert.equal(t.periodDebit, t.periodCredit);
    assert.equal(t.closingDebit, t.closingCredit);
    assert.equal(t.periodDebit, '1280.00');
  });

  test('profit and loss, the balance sheet and the general ledger of the worked set', async () => {
    const s = await ledgerSetup(ctx.db);
    const a = await workedSet(s);
    const pl = await profitAndLoss(ctx.db.orm, s.actor, '2026-01-01', '2026-02-28');
    assert.deepEqual([pl.totalIncome, pl.totalExpenses, pl.netProfit], ['1000.00', '750.00', '250.00']);
    assert.deepEqual(
      pl.expenses.map((x) => [x.code, x.amount]),
      [
        ['5000', '600.00'],
        ['6100', '150.00'],
      ],
    );
    const janOnly = await profitAndLoss(ctx.db.orm, s.actor, '2026-01-01', '2026-01-31');
    assert.equal(janOnly.netProfit, '400.00');
    const bs = await balanceSheet(ctx.db.orm, s.actor, '2026-02-28');
    assert.deepEqual(
      bs.assets.map((x) => [x.code, x.amount]),
      [
        ['1010', '10980.00'],
        ['1200', '200.00'],
        ['1300', '104.00'],
      ],
    );
    assert.deepEqual(
      bs.liabilities.map((x) => [x.code, x.amount]),
      [
        ['2000', '904.00'],
        ['2200', '130.00'],
      ],
    );
    assert.deepEqual(
      [bs.totalAssets, bs.totalLiabilities, bs.totalEquity, bs.unclosedProfit],
      ['11284.00', '1034.00', '10000.00', '250.00'],
    );
    assert.equal(bs.balanced, true);
    const gl = await generalLedger(ctx.db.orm, s.actor, {
      accountId: a['1010'],
      from: '2026-02-01',
      to: '2026-02-28',
    });
    assert.equal(gl.opening, '10000.00');
    assert.deepEqual(
      gl.lines.map((l) => [l.date, l.voucher, l.balance]),
      [
        ['2026-02-03', '记-001', '11130.00'],
        ['2026-02-15', '记-002', '10980.00'],
      ],
    );
    assert.equal(gl.closing, '10980.00');
  });

  test('compacting the balance deltas changes no figure of any report', async () => {
    const s = await ledgerSetup(ctx.db);
    const a = await workedSet(s);
    const figures = async () => ({
      tb: await trialBalance(ctx.db.orm, s.actor, '2026-01-09', '2026-02-10'),
      tbFull: await trialBalance(ctx.db.orm, s.actor, '2026-02-01', '2026-02-28'),
      pl: await profitAndLoss(ctx.db.orm, s.actor, '2026-01-01', '2026-02-28'),
      bs: await balanceSheet(ctx.db.orm, s.actor, '2026-02-20'),
      gl: await generalLedger(ctx.db.orm, s.actor, {
        accountId: a['1010'],
        from: '2026-01-01',
        to: '2026-02-28',
      }),
    });
    const before = await figures();
    const deltas = async () =>
      Number(
        (
          await one<{ n: number }>(
            ctx.db.orm,
            sql`select count(*)::int as n from accounting_balance_delta where company_id = ${s.company.id}`,
          )
        )?.n,
      );
    assert.equal(await deltas(), 14);
    assert.equal(await compactBalances(ctx.db, s.company.id), 14);
    assert.equal(await deltas(), 0);
    assert.deepEqual(await figures(), before);
    // A posting after compaction lands in the tail; compacting again folds it into the same rows.
    await s.post('2026-02-20', [
      [a['6100'], '50.00', '0'],
      [a['1010'], '0', '50.00'],
    ]);
    const tail = await figures();
    assert.equal(tail.pl.netProfit, '200.00');
    await compactBalances(ctx.db, s.company.id);
    assert.deepEqual(await figures(), tail);
    const bank = await rows<{ debit: string; credit: string }>(
      ctx.db.orm,
      sql`select debit::text, credit::text from accounting_balance b join accounting_period p
            on p.company_id = b.company_id and p.id = b.period_id
           where b.company_id = ${s.company.id} and b.account_id = ${a['1010']} and p.month = 2`,
    );
    assert.deepEqual(bank, [{ debit: '1130.00', credit: '200.00' }]);
    // The trial balance agrees with a plain sum over the posted lines.
    const plain = await one<{ d: string; c: string }>(
      ctx.db.orm,
      sql`select sum(l.debit)::text as d, sum(l.credit)::text as c from accounting_entry_line l
            join accounting_entry e on e.company_id = l.company_id and e.id = l.entry_id
           where l.company_id = ${s.company.id} and e.state = 'posted' and l.entry_date between '2026-01-09' and '2026-02-10'`,
    );
    assert.equal(tail.tb.totals.periodDebit, new Decimal(plain!.d).toFixed(2));
    assert.equal(tail.tb.totals.periodCredit, new Decimal(plain!.c).toFixed(2));
  });

  test('the year-end close moves profit into retained earnings and closes every month', async () => {
    const s = await ledgerSetup(ctx.db);
    const a = await workedSet(s);
    const fy = (await listFiscalYears(ctx.db.orm, s.actor)).find((y) => y.year === 2026)!;
    const closed = await withTransaction(ctx.db, (tx) =>
      closeFiscalYear(tx, s.actor, { fiscalYearId: fy.id, version: fy.version }),
    );
    assert.equal(closed.state, 'closed');
    assert.ok(closed.closingEntryId);
    const bs = await balanceSheet(ctx.db.orm, s.actor, '2026-12-31');
    assert.equal(bs.unclosedProfit, '0.00');
    assert.deepEqual(byCode(bs.equity)['3100'].amount, '250.00');
    assert.equal(bs.balanced, true);
    // Profit and loss of the year still shows the year's result (the closing entry is left out).
    assert.equal((await profitAndLoss(ctx.db.orm, s.actor, '2026-01-01', '2026-12-31')).netProfit, '250.00');
    const tb = byCode((await trialBalance(ctx.db.orm, s.actor, '2026-01-01', '2026-12-31')).rows);
    assert.equal(tb['4000'].closingCredit, '0.00');
    assert.equal(tb['5000'].closingDebit, '0.00');
    assert.equal(tb['3100'].closingCredit, '250.00');
    const open = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from accounting_period where company_id = ${s.company.id} and year = 2026 and state = 'open'`,
    );
    assert.equal(open?.n, 0);
    await assert.rejects(
      s.post('2026-07-01', [
        [a['6100'], '1.00', '0'],
        [a['1010'], '0', '1.00'],
      ]),
      (e: unknown) => e instanceof AppError && e.code === 'accounting.period_closed',
    );
  });
});
