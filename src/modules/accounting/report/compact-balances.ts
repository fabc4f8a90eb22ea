import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/connect.ts';
import { rows, type Tx, withTransaction } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';

const BATCH = 20_000;

/**
 * Folds committed balance deltas into `accounting_balance`, one company and batch per transaction:
 * the deltas are deleted and their sums added in the same commit, so a report (one statement over
 * both tables) sees them in exactly one place. Concurrent runs never count a delta twice: a delta
 * another run deleted is skipped by the DELETE. Returns the number of deltas folded.
 */
export async function compactBalances(db: Db, companyId?: string): Promise<number> {
  const companies = companyId
    ? [{ company_id: companyId }]
    : await rows<{ company_id: string }>(
        db.orm,
        sql`select distinct company_id from accounting_balance_delta`,
      );
  let folded = 0;
  for (const { company_id } of companies) {
    for (;;) {
      const n = await withTransaction(db, (tx) => compactBatch(tx, company_id));
      folded += n;
      if (n < BATCH) break;
    }
  }
  return folded;
}

async function compactBatch(tx: Tx, companyId: string): Promise<number> {
  const sums = await rows<{
    account_id: string;
    period_id: string;
    closing: boolean;
    debit: string;
    credit: string;
    n: number;
  }>(
    tx,
    sql`with moved as (
          delete from accounting_balance_delta where company_id = ${companyId} and id in (
            select id from accounting_balance_delta where company_id = ${companyId} order by id limit ${BATCH})
          returning account_id, period_id, closing, debit, credit)
        select account_id, period_id, closing, sum(debit)::text as debit, sum(credit)::text as credit,
               count(*)::int as n
          from moved group by account_id, period_id, closing`,
  );
  if (sums.length === 0) return 0;
  const payload = sums.map((s) => ({ ...s, id: newId() }));
  await tx.execute(
    sql`insert into accounting_balance (company_id, id, account_id, period_id, closing, debit, credit)
        select ${companyId}, r.id, r.account_id, r.period_id, r.closing, r.debit, r.credit
          from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb)
               as r(id uuid, account_id uuid, period_id uuid, closing boolean, debit numeric, credit numeric)
        on conflict (company_id, account_id, period_id, closing) do update
          set debit = accounting_balance.debit + excluded.debit, credit = accounting_balance.credit + excluded.credit,
              version = accounting_balance.version + 1, updated_at = now()`,
  );
  return sums.reduce((s, r) => s + Number(r.n), 0);
}
