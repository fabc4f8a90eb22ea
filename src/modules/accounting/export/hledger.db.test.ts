import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { Decimal } from 'decimal.js';
import { describeDb } from '../../../../test/kit/index.ts';
import { ledgerSetup } from '../ledger/fixtures.ts';
import { trialBalance } from '../report/trial-balance.ts';
import { hledgerJournal } from './hledger.ts';

function hledgerVersion(): string | null {
  try {
    return execFileSync('hledger', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

const version = hledgerVersion();
if (!version)
  console.log('hledger export test skipped: `hledger` is not on PATH (apt-get install -y hledger)');

describeDb('ledger export in hledger journal format', (ctx) => {
  test('hledger reads the export and its balances equal our trial balance', {
    skip: version ? false : 'hledger is not on PATH',
  }, async () => {
    const s = await ledgerSetup(ctx.db);
    const bank = await s.role('bank');
    const revenue = await s.role('revenue');
    const vat = await s.role('output_vat');
    const receivable = await s.role('receivable');
    const fxGain = await s.role('fx_gain');
    await s.post(
      '2026-01-10',
      [
        [receivable, '113.00', '0'],
        [revenue, '0', '100.00'],
        [vat, '0', '13.00'],
      ],
      {
        memo: 'Invoice: two  spaces; a semicolon\nand a newline',
      },
    );
    await s.post('2026-02-03', [
      [bank, '113.00', '0'],
      [receivable, '0', '113.00'],
    ]);
    // A receipt in US dollars at 7.2: the dollars stay visible in the export, converted at cost (@@).
    await s.post('2026-03-01', [
      { accountId: bank, debit: '720.00', currency: 'USD', amountCurrency: '100.00' },
      { accountId: revenue, credit: '700.00' },
      { accountId: fxGain, credit: '20.00' },
    ]);
    const file = path.join(os.tmpdir(), `tandem-ledger-${process.pid}-${Date.now()}.journal`);
    fs.writeFileSync(file, await hledgerJournal(ctx.db.orm, s.actor));
    try {
      const csv = execFileSync(
        'hledger',
        ['-f', file, 'balance', '--flat', '--no-total', '--cost', '-O', 'csv'],
        {
          encoding: 'utf8',
        },
      );
      const theirs = new Map<string, string>();
      for (const line of csv.trim().split('\n').slice(1)) {
        const [account, amount] = JSON.parse(`[${line}]`) as [string, string];
        const code = account.split(':').at(-1)!.split(' ')[0];
        theirs.set(code, new Decimal(amount.replace(/[^0-9.-]/g, '') || '0').toFixed(2));
      }
      const tb = await trialBalance(ctx.db.orm, s.actor, '2026-01-01', '2026-12-31');
      const ours = new Map(
        tb.rows
          .map((r) => [r.code, new Decimal(r.closingDebit).minus(r.closingCredit)] as const)
          .filter(([, v]) => !v.isZero())
          .map(([c, v]) => [c, v.toFixed(2)]),
      );
      assert.deepEqual(Object.fromEntries([...theirs].sort()), Object.fromEntries([...ours].sort()));
      assert.equal(ours.get('1010'), '833.00');
      // hledger's own check: every transaction balances (it refuses the file otherwise) and the
      // dollars are kept as dollars without --cost.
      const raw = execFileSync('hledger', ['-f', file, 'balance', '--flat', '--no-total', '-O', 'csv'], {
        encoding: 'utf8',
      });
      assert.match(raw, /USD\s?100\.00/);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});
