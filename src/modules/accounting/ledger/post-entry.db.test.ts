import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, newCompany } from '../../../../test/kit/index.ts';
import { one, rows, withTransaction } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { accountForRole } from '../chart/account-for-role.ts';
import { ledgerCounts, ledgerSetup, rawTransaction, refusedByDb } from './fixtures.ts';
import { postEntry } from './post-entry.ts';

function refusedWith(status: number, code: string) {
  return (e: unknown) => {
    assert.ok(e instanceof AppError, `expected an AppError, got ${e}`);
    assert.equal(e.status, status);
    assert.equal(e.code, code);
    return true;
  };
}

describeDb('ledger: posting balances (INV-GL)', (ctx) => {
  test('a balanced entry posts with voucher 记-001, 记-002 in its period, and deltas per account', async () => {
    const s = await ledgerSetup(ctx.db);
    const bank = await s.role('bank');
    const revenue = await s.role('revenue');
    const first = await s.post('2026-03-05', [
      [bank, '100.00', '0'],
      [revenue, '0', '100.00'],
    ]);
    const second = await s.post('2026-03-06', [
      [bank, '50.10', '0'],
      [revenue, '0', '50.10'],
    ]);
    const april = await s.post('2026-04-01', [
      [bank, '1.00', '0'],
      [revenue, '0', '1.00'],
    ]);
    assert.deepEqual([first.voucher, second.voucher, april.voucher], ['记-001', '记-002', '记-001']);
    const deltas = await rows<{ debit: string; credit: string }>(
      ctx.db.orm,
      sql`select debit::text, credit::text from accounting_balance_delta where company_id = ${s.company.id}
           and entry_id = ${first.id} order by debit desc`,
    );
    assert.deepEqual(deltas, [
      { debit: '100.00', credit: '0.00' },
      { debit: '0.00', credit: '100.00' },
    ]);
  });

  test('an unbalanced entry is refused by the service with the difference, and nothing is written (INV-GL-01)', async () => {
    const s = await ledgerSetup(ctx.db);
    const bank = await s.role('bank');
    const revenue = await s.role('revenue');
    const before = await ledgerCounts(ctx.db, s.company.id);
    await assert.rejects(
      s.post('2026-03-05', [
        [bank, '100.00', '0'],
        [revenue, '0', '99.99'],
      ]),
      (e: unknown) => {
        assert.ok(e instanceof AppError);
        assert.equal(e.status, 422);
        assert.equal(e.code, 'accounting.entry_unbalanced');
        assert.deepEqual(e.details, { debit: '100.00', credit: '99.99', difference: '0.01' });
        return true;
      },
    );
    assert.deepEqual(await ledgerCounts(ctx.db, s.company.id), before);
  });

  test('fewer than two lines, negative, zero and two-sided lines, and a foreign account are refused (INV-GL-02)', async () => {
    const s = await ledgerSetup(ctx.db);
    const other = await newCompany(ctx.db);
    const bank = await s.role('bank');
    const revenue = await s.role('revenue');
    const foreign = await accountForRole(ctx.db.orm, other.id, 'revenue');
    const before = await ledgerCounts(ctx.db, s.company.id);
    await assert.rejects(s.post('2026-03-05', []), refusedWith(422, 'accounting.entry_too_few_lines'));
    await assert.rejects(
      s.post('2026-03-05', [[bank, '10.00', '0']]),
      refusedWith(422, 'accounting.entry_too_few_lines'),
    );
    await assert.rejects(
      s.post('2026-03-05', [
        [bank, '-10.00', '0'],
        [revenue, '0', '-10.00'],
      ]),
      refusedWith(422, 'accounting.line_negative'),
    );
    await assert.rejects(
      s.post('2026-03-05', [{ accountId: bank, debit: '10.00', credit: '10.00' }, [revenue, '0', '0.01']]),
      refusedWith(422, 'accounting.line_both_sides'),
    );
    await assert.rejects(
      s.post('2026-03-05', [{ accountId: bank, debit: '0.00' }, [revenue, '0', '0.01']]),
      refusedWith(422, 'accounting.line_zero'),
    );
    await assert.rejects(
      s.post('2026-03-05', [
        [bank, '10.00', '0'],
        [foreign, '0', '10.00'],
      ]),
      refusedWith(422, 'accounting.account_invalid'),
    );
    await assert.rejects(
      s.post('2026-03-05', [
        [bank, '10.001', '0'],
        [revenue, '0', '10.001'],
      ]),
      refusedWith(422, 'accounting.amount_invalid'),
    );
    assert.deepEqual(await ledgerCounts(ctx.db, s.company.id), before);
  });

  test('raw SQL past the service: an unbalanced or one-line posted entry is refused at commit (INV-GL-01)', async () => {
    const s = await ledgerSetup(ctx.db);
    const bank = await s.role('bank');
    const revenue = await s.role('revenue');
    const good = await s.post('2026-03-05', [
      [bank, '5.00', '0'],
      [revenue, '0', '5.00'],
    ]);
    const rawPost = (lines: Array<[string, string, string]>) =>
      rawTransaction(ctx.db, async (tx) => {
        const id = newId();
        await tx.execute(
          sql`insert into accounting_entry (company_id, id, journal_id, entry_date, period_id, state)
              select company_id, ${id}, journal_id, entry_date, period_id, 'draft' from accounting_entry
               where company_id = ${s.company.id} and id = ${good.id}`,
        );
        let no = 1;
        for (const [account, debit, credit] of lines)
          await tx.execute(
            sql`insert into accounting_entry_line (company_id, id, entry_id, line_no, account_id, debit, credit, currency,
                  amount_currency, entry_date)
                values (${s.company.id}, ${newId()}, ${id}, ${no++}, ${account}, ${debit}, ${credit}, 'CNY',
                        ${debit}::numeric - ${credit}::numeric, '2026-03-05')`,
          );
        // Accepted statement by statement: only the deferred trigger at commit refuses it.
        await tx.execute(
          sql`update accounting_entry set state = 'posted', voucher_number = 999, posted_at = now()
               where company_id = ${s.company.id} and id = ${id}`,
        );
      });
    await refusedByDb(
      rawPost([
        [bank, '10.00', '0'],
        [revenue, '0', '9.99'],
      ]),
      /does not balance: debit 10.00 <> credit 9.99/,
    );
    await refusedByDb(rawPost([[bank, '10.00', '0']]), /posted with 1 line\(s\); at least 2/);
    // The raw path itself works: a balanced entry commits.
    await rawPost([
      [bank, '10.00', '0'],
      [revenue, '0', '10.00'],
    ]);
    // A line with both sides, a negative amount, or another company's account: refused by constraints.
    const other = await newCompany(ctx.db);
    const foreign = await accountForRole(ctx.db.orm, other.id, 'revenue');
    await refusedByDb(
      rawPost([
        [bank, '10.00', '0'],
        [revenue, '0', '10.00'],
        [revenue, '1.00', '1.00'],
      ]),
      /accounting_entry_line_side_ck/,
    );
    await refusedByDb(
      rawPost([
        [bank, '-10.00', '0'],
        [revenue, '0', '-10.00'],
      ]),
      /accounting_entry_line_amounts_ck|accounting_entry_line_side_ck/,
    );
    await refusedByDb(
      rawPost([
        [bank, '10.00', '0'],
        [foreign, '0', '10.00'],
      ]),
      /foreign key|accounting_entry_line_company_id_account_id/,
    );
    const n = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from accounting_entry where company_id = ${s.company.id} and state = 'posted'`,
    );
    assert.equal(n?.n, 2);
  });

  test('the same source is booked once: a second call returns the first entry', async () => {
    const s = await ledgerSetup(ctx.db);
    const bank = await s.role('bank');
    const revenue = await s.role('revenue');
    const source = { type: 'accounting.invoice', id: newId() };
    const input = {
      journal: 'sales' as const,
      date: '2026-03-05',
      memo: 'invoice',
      source,
      lines: [
        { accountId: bank, debit: '3.00' },
        { accountId: revenue, credit: '3.00' },
      ],
    };
    const a = await withTransaction(ctx.db, (tx) => postEntry(tx, s.actor, input));
    const b = await withTransaction(ctx.db, (tx) => postEntry(tx, s.actor, input));
    assert.deepEqual(a, b);
  });
});
