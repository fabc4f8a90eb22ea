import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Decimal } from 'decimal.js';
import { describeDb, signedIn } from '../../../../test/kit/index.ts';
import { ledgerSetup } from '../ledger/fixtures.ts';
import { trialBalance } from '../report/trial-balance.ts';
import { cashFlowStatement } from './cash-flow.ts';
import { classifyEntry } from './classify.ts';

describeDb('cash-flow statement (direct method)', (ctx) => {
  test('each bank line classified by its counter-account; opening + net change = closing', async () => {
    const s = await ledgerSetup(ctx.db);
    const codes = ['1000', '1010', '1100', '1500', '2000', '2200', '2400', '2500', '3000', '4000', '4200'];
    const a = Object.fromEntries(await Promise.all(codes.map(async (c) => [c, await s.code(c)] as const)));
    const a6100 = await s.code('6100');
    const a6200 = await s.code('6200');
    await s.post('2026-01-05', [
      [a['1010'], '10000.00', '0'],
      [a['3000'], '0', '10000.00'],
    ]); // before the range
    await s.post('2026-02-02', [
      [a['1010'], '1130.00', '0'],
      [a['1100'], '0', '1130.00'],
    ]); // customer pays
    // a USD receipt with its exchange gain: the gain line follows the receivable
    await s.post('2026-02-03', [
      [a['1010'], '720.00', '0'],
      [a['1100'], '0', '710.00'],
      [a['4200'], '0', '10.00'],
    ]);
    await s.post('2026-02-04', [
      [a['2000'], '904.00', '0'],
      [a['1010'], '0', '904.00'],
    ]); // supplier paid
    await s.post('2026-02-05', [
      [a['2400'], '300.00', '0'],
      [a['1010'], '0', '300.00'],
    ]); // salaries
    await s.post('2026-02-06', [
      [a['2200'], '26.00', '0'],
      [a['1010'], '0', '26.00'],
    ]); // VAT paid
    await s.post('2026-02-07', [
      [a6200, '5.00', '0'],
      [a['1010'], '0', '5.00'],
    ]); // bank charges
    await s.post('2026-02-08', [
      [a['1500'], '2000.00', '0'],
      [a['1010'], '0', '2000.00'],
    ]); // equipment
    await s.post('2026-02-09', [
      [a['1010'], '5000.00', '0'],
      [a['2500'], '0', '5000.00'],
    ]); // a loan
    await s.post('2026-02-10', [
      [a['1000'], '200.00', '0'],
      [a['1010'], '0', '200.00'],
    ]); // bank → petty cash
    // a mixed entry: 100 cash in for a 150 sale of which 50 settled an expense
    await s.post('2026-02-11', [
      [a['1000'], '100.00', '0'],
      [a6100, '50.00', '0'],
      [a['4000'], '0', '150.00'],
    ]);
    await s.post('2026-02-12', [
      [a['1100'], '500.00', '0'],
      [a['4000'], '0', '500.00'],
    ]); // no cash: not there
    await s.post('2026-03-01', [
      [a['1010'], '999.00', '0'],
      [a['4000'], '0', '999.00'],
    ]); // after the range

    const cf = await cashFlowStatement(ctx.db.orm, s.actor, '2026-02-01', '2026-02-28');
    const item = Object.fromEntries(cf.rows.map((r) => [r.item, [r.inflow, r.outflow, r.net]]));
    assert.deepEqual(item, {
      'operating.customers': ['2000.00', '0.00', '2000.00'], // 1,130 + 720 + 150
      'operating.suppliers': ['0.00', '904.00', '-904.00'],
      'operating.salaries': ['0.00', '300.00', '-300.00'],
      'operating.taxes': ['0.00', '26.00', '-26.00'],
      'operating.other': ['0.00', '55.00', '-55.00'], // bank charges 5 + the expense 50
      investing: ['0.00', '2000.00', '-2000.00'],
      financing: ['5000.00', '0.00', '5000.00'],
    });
    assert.deepEqual(
      [cf.openingCash, cf.netOperating, cf.netInvesting, cf.netFinancing, cf.netChange, cf.closingCash],
      ['10000.00', '715.00', '-2000.00', '5000.00', '3715.00', '13715.00'],
    );
    assert.ok(new Decimal(cf.openingCash).plus(cf.netChange).eq(cf.closingCash));
    // Closing cash is what the trial balance holds on the cash and bank accounts.
    const tb = await trialBalance(ctx.db.orm, s.actor, '2026-02-01', '2026-02-28');
    const closing = tb.rows
      .filter((r) => r.accountId === a['1000'] || r.accountId === a['1010'])
      .reduce((sum, r) => sum.plus(r.closingDebit).minus(r.closingCredit), new Decimal(0));
    assert.equal(closing.toFixed(2), cf.closingCash);

    const client = await signedIn(ctx.db, s.company.admin);
    const res = await client.get('/api/v1/reports/cash-flow?from=2026-02-01&to=2026-02-28');
    assert.equal(res.status, 200);
    assert.equal(res.body.closingCash, '13715.00');
    const xlsx = await client.get('/api/v1/reports/cash-flow?from=2026-02-01&to=2026-02-28&format=xlsx');
    assert.equal(xlsx.status, 200);
    assert.match(String(xlsx.headers['content-type']), /spreadsheet/);
    const sales = await signedIn(ctx.db, await s.company.user('sales'));
    assert.equal((await sales.get('/api/v1/reports/cash-flow?from=2026-02-01&to=2026-02-28')).status, 403);
  });

  test('the 小企业会计准则 codes: salaries 2211, taxes 2221xx, interest 560301 as financing', () => {
    const lines = classifyEntry([
      { account: { code: '2211', role: null }, inflow: '-10.00' },
      { account: { code: '222103', role: null }, inflow: '-20.00' },
      { account: { code: '560301', role: null }, inflow: '-3.00' },
      { account: { code: '560305', role: null }, inflow: '-1.00' },
      { account: { code: '1601', role: null }, inflow: '-5.00' },
      { account: { code: '3001', role: null }, inflow: '40.00' },
    ]);
    assert.deepEqual(
      lines.map((l) => l.item),
      ['operating.salaries', 'operating.taxes', 'financing', 'operating.other', 'investing', 'financing'],
    );
  });
});
