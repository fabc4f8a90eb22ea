import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb } from '../../../../test/kit/index.ts';
import { one, withTransaction } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { ledgerCounts, ledgerSetup, rawTransaction, refusedByDb } from '../ledger/fixtures.ts';
import { reverseEntry } from '../ledger/reverse-entry.ts';
import { closePeriod, reopenPeriod } from './manage-periods.ts';
import { ensurePeriod } from './periods.ts';

describeDb('periods: closed months take no postings (INV-LOCK)', (ctx) => {
  async function close(s: Awaited<ReturnType<typeof ledgerSetup>>, date: string) {
    const p = await withTransaction(ctx.db, (tx) => ensurePeriod(tx, s.company.id, date));
    return withTransaction(ctx.db, (tx) => closePeriod(tx, s.actor, { periodId: p.id, version: p.version }));
  }

  test('posting into a closed month is refused by the service and by the trigger; reopening allows it (INV-LOCK-01)', async () => {
    const s = await ledgerSetup(ctx.db);
    const bank = await s.role('bank');
    const revenue = await s.role('revenue');
    const lines: Array<[string, string, string]> = [
      [bank, '10.00', '0'],
      [revenue, '0', '10.00'],
    ];
    const existing = await s.post('2025-01-10', lines);
    const closed = await close(s, '2025-01-20');
    assert.equal(closed.state, 'closed');
    const before = await ledgerCounts(ctx.db, s.company.id);
    await assert.rejects(s.post('2025-01-31', lines), (e: unknown) => {
      assert.ok(e instanceof AppError);
      assert.equal(e.status, 422);
      assert.equal(e.code, 'accounting.period_closed');
      assert.equal(e.details.period, '2025-01');
      return true;
    });
    assert.deepEqual(await ledgerCounts(ctx.db, s.company.id), before);
    // Past the service: a raw draft in the closed month turned posted is refused by the trigger.
    await refusedByDb(
      rawTransaction(ctx.db, async (tx) => {
        const id = newId();
        await tx.execute(
          sql`insert into accounting_entry (company_id, id, journal_id, entry_date, period_id, state)
              select company_id, ${id}, journal_id, '2025-01-15', period_id, 'draft' from accounting_entry
               where company_id = ${s.company.id} and id = ${existing.id}`,
        );
        await tx.execute(
          sql`insert into accounting_entry_line (company_id, id, entry_id, line_no, account_id, debit, credit, currency,
                amount_currency, entry_date)
              values (${s.company.id}, ${newId()}, ${id}, 1, ${bank}, 1, 0, 'CNY', 1, '2025-01-15'),
                     (${s.company.id}, ${newId()}, ${id}, 2, ${revenue}, 0, 1, 'CNY', -1, '2025-01-15')`,
        );
        await tx.execute(
          sql`update accounting_entry set state = 'posted', voucher_number = 900, posted_at = now()
               where company_id = ${s.company.id} and id = ${id}`,
        );
      }),
      /accounting period of entry .* is closed/,
    );
    assert.deepEqual(await ledgerCounts(ctx.db, s.company.id), before);
    const p = await withTransaction(ctx.db, (tx) => ensurePeriod(tx, s.company.id, '2025-01-01'));
    await withTransaction(ctx.db, (tx) => reopenPeriod(tx, s.actor, { periodId: p.id, version: p.version }));
    const posted = await s.post('2025-01-31', lines);
    assert.equal(posted.voucher, '记-002');
  });

  test('a month with drafts cannot be closed (INV-LOCK-03)', async () => {
    const s = await ledgerSetup(ctx.db);
    const bank = await s.role('bank');
    await withTransaction(ctx.db, async (tx) => {
      const p = await ensurePeriod(tx, s.company.id, '2025-02-03');
      await tx.execute(
        sql`insert into accounting_entry (company_id, id, journal_id, entry_date, period_id)
            select ${s.company.id}, ${newId()}, id, '2025-02-03', ${p.id} from accounting_journal
             where company_id = ${s.company.id} and code = 'general'`,
      );
    });
    assert.ok(bank);
    await assert.rejects(close(s, '2025-02-03'), (e: unknown) => {
      assert.ok(e instanceof AppError);
      assert.equal(e.code, 'accounting.period_has_drafts');
      return true;
    });
  });

  test('a reversal of an entry in a closed month lands on the first day of the next open month (INV-LOCK-01)', async () => {
    const s = await ledgerSetup(ctx.db);
    const bank = await s.role('bank');
    const revenue = await s.role('revenue');
    const original = await s.post('2025-03-15', [
      [bank, '42.00', '0'],
      [revenue, '0', '42.00'],
    ]);
    await close(s, '2025-03-01');
    await close(s, '2025-04-01');
    const reversal = await withTransaction(ctx.db, (tx) =>
      reverseEntry(tx, s.actor, { entryId: original.id, date: '2025-03-31' }),
    );
    const row = await one<{ date: string; reversal_of: string; state: string }>(
      ctx.db.orm,
      sql`select to_char(entry_date, 'YYYY-MM-DD') as date, reversal_of, state from accounting_entry
           where company_id = ${s.company.id} and id = ${reversal.id}`,
    );
    assert.deepEqual(row, { date: '2025-05-01', reversal_of: original.id, state: 'posted' });
    assert.equal(reversal.voucher, '记-001');
  });
});
