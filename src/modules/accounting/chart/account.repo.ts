import { type SQL, sql } from 'drizzle-orm';
import { type Executor, one, rows } from '../../../platform/db/tx.ts';
import { notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import type { Account } from './contract.ts';

const columns = sql`a.id, a.code, a.name, a.type, a.parent_id as "parentId", a.reconcilable, a.currency, a.role,
  a.cash_flow as "cashFlow", a.active, a.version,
  exists (select 1 from accounting_account c where c.company_id = a.company_id and c.parent_id = a.id) as "hasChildren"`;

const map = (r: Account): Account => ({ ...r, version: Number(r.version) });

export async function findAccount(
  ex: Executor,
  companyId: string,
  id: string,
  lock = false,
): Promise<Account> {
  if (!isUuid(id)) throw notFound('account', String(id));
  if (lock)
    await ex.execute(
      sql`select 1 from accounting_account where company_id = ${companyId} and id = ${id} for update`,
    );
  const row = await one<Account>(
    ex,
    sql`select ${columns} from accounting_account a where a.company_id = ${companyId} and a.id = ${id}`,
  );
  if (!row) throw notFound('account', id);
  return map(row);
}

export async function selectAccounts(ex: Executor, where: SQL, limit: number): Promise<Account[]> {
  const list = await rows<Account>(
    ex,
    sql`select ${columns} from accounting_account a where ${where} order by a.code limit ${limit}`,
  );
  return list.map(map);
}

/** Whether any entry line (draft or posted) books to the account. */
export async function accountUsed(ex: Executor, companyId: string, id: string): Promise<boolean> {
  return Boolean(
    await one(
      ex,
      sql`select 1 from accounting_entry_line where company_id = ${companyId} and account_id = ${id} limit 1`,
    ),
  );
}
