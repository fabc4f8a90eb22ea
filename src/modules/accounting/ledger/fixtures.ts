// Test helpers for the ledger: a company with its chart, accounts by role, one-call postings.
import { sql } from 'drizzle-orm';
import { newCompany, type TestCompany } from '../../../../test/kit/index.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { one, rows, type Tx, withTransaction } from '../../../platform/db/tx.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { accountForRole } from '../chart/account-for-role.ts';
import type { AccountRole } from '../chart/roles.ts';
import type { EntryLineInput, JournalCode } from './entry.ts';
import { postEntry } from './post-entry.ts';

export interface LedgerSetup {
  company: TestCompany;
  actor: Actor;
  /** Account id by role. */
  role(role: AccountRole): Promise<string>;
  /** Account id by code. */
  code(code: string): Promise<string>;
  post(
    date: string,
    lines: Array<[string, string, string] | EntryLineInput>,
    options?: { journal?: JournalCode; memo?: string },
  ): Promise<{ id: string; voucher: string }>;
}

/** A company (generic chart, en) and its admin; `post(date, [[accountId, debit, credit], …])`. */
export async function ledgerSetup(db: Db): Promise<LedgerSetup> {
  const company = await newCompany(db);
  const actor = await company.actor(company.admin);
  return {
    company,
    actor,
    role: (role) => accountForRole(db.orm, company.id, role),
    code: async (code) => {
      const row = await one<{ id: string }>(
        db.orm,
        sql`select id from accounting_account where company_id = ${company.id} and code = ${code}`,
      );
      if (!row) throw new Error(`no account ${code}`);
      return row.id;
    },
    post: (date, lines, options = {}) =>
      withTransaction(db, (tx) =>
        postEntry(tx, actor, {
          journal: options.journal ?? 'general',
          date,
          memo: options.memo ?? 'test',
          lines: lines.map((l) =>
            Array.isArray(l)
              ? {
                  accountId: l[0],
                  ...(l[1] !== '0' ? { debit: l[1] } : {}),
                  ...(l[2] !== '0' ? { credit: l[2] } : {}),
                }
              : l,
          ),
        }),
      ),
  };
}

/** Row counts that a refused request must leave unchanged. */
export async function ledgerCounts(db: Db, companyId: string) {
  const r = await rows<{ t: string; n: number }>(
    db.orm,
    sql`select 'entries' as t, count(*)::int as n from accounting_entry where company_id = ${companyId}
        union all select 'lines', count(*)::int from accounting_entry_line where company_id = ${companyId}
        union all select 'deltas', count(*)::int from accounting_balance_delta where company_id = ${companyId}`,
  );
  return Object.fromEntries(r.map((x) => [x.t, Number(x.n)]));
}

/** Raw SQL in a real transaction, past withTransaction's error translation: the database's own error text. */
export async function rawTransaction(db: Db, fn: (tx: Tx) => Promise<unknown>): Promise<void> {
  await db.orm.transaction(async (tx) => {
    await fn(tx as Tx);
  });
}

/** The messages of an error and its causes, to assert which database rule refused a statement. */
export function errorText(error: unknown): string {
  const parts: string[] = [];
  let e: any = error;
  for (let depth = 0; e && depth < 5; depth++, e = e.cause) parts.push(String(e.message ?? e));
  return parts.join(' | ');
}

export async function refusedByDb(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  try {
    await promise;
  } catch (error) {
    if (!pattern.test(errorText(error))) throw new Error(`refused for another reason: ${errorText(error)}`);
    return;
  }
  throw new Error(`expected the database to refuse (${pattern})`);
}
