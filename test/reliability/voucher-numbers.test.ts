// Voucher numbers (凭证号) are consecutive per company, period and voucher word (INV-SEQ-01/02): 40
// postings into one month run at the same time, each in its own transaction on its own pooled
// PostgreSQL connection; 10 of them roll back after taking their number. The 30 that commit hold
// exactly 记-001 … 记-030: no duplicate, no gap left by the rolled-back ones.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { ledgerSetup } from '../../src/modules/accounting/ledger/fixtures.ts';
import { postEntry } from '../../src/modules/accounting/ledger/post-entry.ts';
import { rows, withTransaction } from '../../src/platform/db/tx.ts';
import { testDb } from '../kit/index.ts';

const POSTINGS = 40;
const ROLLED_BACK = 10;

if (!process.env.TEST_DATABASE_URL) {
  test('voucher numbers under concurrent posting (PostgreSQL only)', {
    skip: 'PGlite serves one connection at a time, so nothing runs concurrently there; set TEST_DATABASE_URL',
  }, () => {});
} else {
  describe('[postgres] voucher numbers under concurrent posting', () => {
    test(`${POSTINGS} postings into one month at once, ${ROLLED_BACK} rolled back`, async () => {
      const db = await testDb('postgres');
      const s = await ledgerSetup(db);
      const bank = await s.role('bank');
      const revenue = await s.role('revenue');
      const post = (i: number) =>
        withTransaction(db, async (tx) => {
          const r = await postEntry(tx, s.actor, {
            journal: i % 2 === 0 ? 'general' : 'sales',
            date: `2026-06-${String((i % 28) + 1).padStart(2, '0')}`,
            memo: `concurrent ${i}`,
            lines: [
              { accountId: bank, debit: `${i + 1}.00` },
              { accountId: revenue, credit: `${i + 1}.00` },
            ],
          });
          // Hold the number a moment so the others queue behind the counter, then maybe roll back.
          await tx.execute(sql`select pg_sleep(0.01)`);
          if (i < ROLLED_BACK) throw new Error('rolled back on purpose');
          return r;
        });
      const results = await Promise.allSettled(Array.from({ length: POSTINGS }, (_, i) => post(i)));
      const failed = results
        .filter((r) => r.status === 'rejected')
        .map((r) => String((r as PromiseRejectedResult).reason?.message));
      assert.deepEqual(failed, Array(ROLLED_BACK).fill('rolled back on purpose'));
      const numbers = await rows<{ voucher_number: number; voucher_word: string }>(
        db.orm,
        sql`select voucher_number, voucher_word from accounting_entry
             where company_id = ${s.company.id} and state = 'posted' order by voucher_number`,
      );
      assert.deepEqual(
        numbers.map((n) => Number(n.voucher_number)),
        Array.from({ length: POSTINGS - ROLLED_BACK }, (_, i) => i + 1),
      );
      assert.ok(numbers.every((n) => n.voucher_word === '记'));
      const labels = results
        .filter((r): r is PromiseFulfilledResult<{ id: string; voucher: string }> => r.status === 'fulfilled')
        .map((r) => r.value.voucher)
        .sort();
      assert.equal(new Set(labels).size, POSTINGS - ROLLED_BACK);
      assert.equal(labels[0], '记-001');
      assert.equal(labels.at(-1), `记-0${POSTINGS - ROLLED_BACK}`);
    });
  });
}
