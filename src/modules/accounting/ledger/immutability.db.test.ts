import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb } from '../../../../test/kit/index.ts';
import { one, withTransaction } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { trialBalance } from '../report/trial-balance.ts';
import { deleteEntry } from './delete-entry.ts';
import { ledgerSetup, rawTransaction, refusedByDb } from './fixtures.ts';
import { reverseEntry } from './reverse-entry.ts';
import { updateEntry } from './update-entry.ts';

describeDb('posted entries are immutable; corrections are reversals (INV-IMM)', (ctx) => {
  test('the service refuses to edit or delete a posted entry, and raw SQL on entry and lines is refused (INV-IMM-01)', async () => {
    const s = await ledgerSetup(ctx.db);
    const bank = await s.role('bank');
    const revenue = await s.role('revenue');
    const posted = await s.post('2026-02-10', [
      [bank, '80.00', '0'],
      [revenue, '0', '80.00'],
    ]);
    const snapshot = () =>
      one<{ e: unknown; l: unknown }>(
        ctx.db.orm,
        sql`select (select to_jsonb(e) from accounting_entry e where company_id = ${s.company.id} and id = ${posted.id}) as e,
                   (select jsonb_agg(to_jsonb(l) order by line_no) from accounting_entry_line l
                     where company_id = ${s.company.id} and entry_id = ${posted.id}) as l`,
      );
    const before = await snapshot();
    const version = (before!.e as { version: number }).version;
    await assert.rejects(
      withTransaction(ctx.db, (tx) => updateEntry(tx, s.actor, posted.id, { version, memo: 'changed' })),
      (e: unknown) => e instanceof AppError && e.status === 409 && e.code === 'accounting.entry_posted',
    );
    await assert.rejects(
      withTransaction(ctx.db, (tx) => deleteEntry(tx, s.actor, posted.id, version)),
      (e: unknown) => e instanceof AppError && e.status === 409 && e.code === 'accounting.entry_posted',
    );
    const raw = [
      sql`update accounting_entry set memo = 'changed' where company_id = ${s.company.id} and id = ${posted.id}`,
      sql`update accounting_entry set state = 'draft', voucher_number = null where company_id = ${s.company.id} and id = ${posted.id}`,
      sql`delete from accounting_entry where company_id = ${s.company.id} and id = ${posted.id}`,
      sql`update accounting_entry_line set debit = debit + 1 where company_id = ${s.company.id} and entry_id = ${posted.id}`,
      sql`delete from accounting_entry_line where company_id = ${s.company.id} and entry_id = ${posted.id}`,
      sql`insert into accounting_entry_line (company_id, id, entry_id, line_no, account_id, debit, credit, currency, amount_currency, entry_date)
          values (${s.company.id}, gen_random_uuid(), ${posted.id}, 9, ${bank}, 1, 0, 'CNY', 1, '2026-02-10')`,
    ];
    for (const statement of raw)
      await refusedByDb(
        rawTransaction(ctx.db, (tx) => tx.execute(statement)),
        /posted accounting entry .* cannot be (changed|deleted)|a posted accounting entry cannot be deleted|lines (of|cannot be added to) posted/,
      );
    assert.deepEqual(await snapshot(), before);
  });

  test('a reversal nets every account to zero in the trial balance; reversing twice is refused', async () => {
    const s = await ledgerSetup(ctx.db);
    const bank = await s.role('bank');
    const revenue = await s.role('revenue');
    const vat = await s.role('output_vat');
    const posted = await s.post('2026-02-10', [
      [bank, '113.00', '0'],
      [revenue, '0', '100.00'],
      [vat, '0', '13.00'],
    ]);
    const reversal = await withTransaction(ctx.db, (tx) =>
      reverseEntry(tx, s.actor, { entryId: posted.id, date: '2026-02-11' }),
    );
    assert.equal(reversal.voucher, '记-002');
    const tb = await trialBalance(ctx.db.orm, s.actor, '2026-02-01', '2026-02-28');
    assert.equal(tb.rows.length, 3);
    for (const row of tb.rows) {
      assert.equal(row.periodDebit, row.periodCredit, row.code);
      assert.equal(row.closingDebit, '0.00');
      assert.equal(row.closingCredit, '0.00');
    }
    await assert.rejects(
      withTransaction(ctx.db, (tx) => reverseEntry(tx, s.actor, { entryId: posted.id, date: '2026-02-12' })),
      (e: unknown) =>
        e instanceof AppError && e.status === 409 && e.code === 'accounting.entry_already_reversed',
    );
    await assert.rejects(
      withTransaction(ctx.db, (tx) =>
        reverseEntry(tx, s.actor, { entryId: reversal.id, date: '2026-02-12' }),
      ),
      (e: unknown) => e instanceof AppError && e.status === 422 && e.code === 'accounting.entry_is_reversal',
    );
    // Past the service, the unique index on reversal_of refuses a second reversal too.
    await refusedByDb(
      rawTransaction(ctx.db, (tx) =>
        tx.execute(
          sql`insert into accounting_entry (company_id, id, journal_id, entry_date, period_id, reversal_of)
              select company_id, gen_random_uuid(), journal_id, entry_date, period_id, ${posted.id}
                from accounting_entry where company_id = ${s.company.id} and id = ${posted.id}`,
        ),
      ),
      /accounting_entry_reversal_uq/,
    );
  });
});
