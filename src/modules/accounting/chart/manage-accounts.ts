import { type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { type Executor, one, type Tx } from '../../../platform/db/tx.ts';
import { staleVersion, unprocessable } from '../../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/schemas.ts';
import { newId } from '../../../platform/ids.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { accountUsed, findAccount, selectAccounts } from './account.repo.ts';
import type { Account, AccountCreate, AccountListQuery, AccountPatch } from './contract.ts';

const snapshot = (a: Account) => ({
  code: a.code,
  name: a.name,
  type: a.type,
  parentId: a.parentId,
  reconcilable: a.reconcilable,
  currency: a.currency,
  role: a.role,
  cashFlow: a.cashFlow,
  active: a.active,
});

export async function listAccounts(ex: Executor, actor: Actor, query: AccountListQuery) {
  requirePermission(actor, 'accounting.account.read');
  const where: SQL[] = [sql`a.company_id = ${actor.companyId}`];
  if (query.includeInactive !== 'true') where.push(sql`a.active`);
  if (query.type) where.push(sql`a.type = ${query.type}`);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      sql`(a.code like ${`${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} or a.name::text ilike ${like})`,
    );
  }
  const cursor = decodeCursor(query.cursor, 1);
  if (cursor) where.push(sql`a.code > ${String(cursor[0])}`);
  const found = await selectAccounts(ex, sql.join(where, sql` and `), query.limit + 1);
  const items = found.slice(0, query.limit);
  return { items, nextCursor: found.length > query.limit ? encodeCursor([items.at(-1)!.code]) : null };
}

async function assertCurrency(ex: Executor, currency: string | null | undefined) {
  if (!currency) return;
  const ok = await one(ex, sql`select 1 from platform_currency where code = ${currency} limit 1`);
  if (!ok) throw unprocessable('accounting.currency_invalid', `Unknown currency ${currency}`, { currency });
}

/** A new account; under a parent it takes the parent's type, and a parent that already has entries refuses children. */
export async function createAccount(tx: Tx, actor: Actor, input: AccountCreate): Promise<Account> {
  requirePermission(actor, 'accounting.account.manage');
  const companyId = actor.companyId;
  if (input.parentId) {
    const parent = await findAccount(tx, companyId, input.parentId, true).catch(() => {
      throw unprocessable('accounting.parent_invalid', 'No such parent account', {
        parentId: input.parentId,
      });
    });
    if (parent.type !== input.type)
      throw unprocessable(
        'accounting.parent_type',
        `A sub-account of a ${parent.type} account is a ${parent.type}`,
      );
    if (parent.role)
      throw unprocessable(
        'accounting.parent_has_role',
        'Move the role of the parent to another account first',
        {
          role: parent.role,
        },
      );
    if (await accountUsed(tx, companyId, parent.id))
      throw unprocessable(
        'accounting.parent_has_entries',
        'The parent already has entries; it cannot get sub-accounts',
      );
  }
  await assertCurrency(tx, input.currency);
  const exists = await one(
    tx,
    sql`select 1 from accounting_account where company_id = ${companyId} and code = ${input.code}`,
  );
  if (exists)
    throw unprocessable('accounting.account_code_taken', `Account ${input.code} exists`, {
      code: input.code,
    });
  const id = newId();
  await tx.execute(
    sql`insert into accounting_account (company_id, id, code, name, type, parent_id, reconcilable, currency, cash_flow)
        values (${companyId}, ${id}, ${input.code}, ${JSON.stringify(input.name)}::jsonb, ${input.type},
                ${input.parentId ?? null}, ${input.reconcilable ?? false}, ${input.currency ?? null},
                ${input.cashFlow ?? false})`,
  );
  const created = await findAccount(tx, companyId, id);
  await recordAudit(tx, actor, {
    entity: 'accounting.account',
    entityId: id,
    action: 'create',
    after: snapshot(created),
  });
  return created;
}

/** Name, flags, currency, active, or the role (re-pointed from the account that had it). */
export async function updateAccount(tx: Tx, actor: Actor, id: string, patch: AccountPatch): Promise<Account> {
  requirePermission(actor, 'accounting.account.manage');
  const companyId = actor.companyId;
  const before = await findAccount(tx, companyId, id, true);
  if (before.version !== patch.version) throw staleVersion('account', patch.version, before.version);
  await assertCurrency(tx, patch.currency);
  const role = patch.role === undefined ? before.role : patch.role;
  const active = patch.active ?? before.active;
  if (role && !active)
    throw unprocessable('accounting.account_has_role', 'An account with a role stays active');
  if (role && before.hasChildren)
    throw unprocessable('accounting.account_not_postable', 'A role needs an account without sub-accounts');
  if (
    patch.currency !== undefined &&
    patch.currency !== before.currency &&
    (await accountUsed(tx, companyId, id))
  )
    throw unprocessable(
      'accounting.account_has_entries',
      'The currency of an account with entries cannot change',
    );
  if (role && role !== before.role) {
    const holder = await one<{ id: string }>(
      tx,
      sql`select id from accounting_account where company_id = ${companyId} and role = ${role} for update`,
    );
    if (holder) {
      await tx.execute(
        sql`update accounting_account set role = null, version = version + 1, updated_at = now()
             where company_id = ${companyId} and id = ${holder.id}`,
      );
      await recordAudit(tx, actor, {
        entity: 'accounting.account',
        entityId: holder.id,
        action: 'update',
        before: { role },
        after: { role: null },
      });
    }
  }
  await tx.execute(
    sql`update accounting_account
           set name = coalesce(${patch.name ? JSON.stringify(patch.name) : null}::jsonb, name),
               reconcilable = coalesce(${patch.reconcilable ?? null}::boolean, reconcilable),
               currency = ${patch.currency === undefined ? before.currency : patch.currency},
               cash_flow = coalesce(${patch.cashFlow ?? null}::boolean, cash_flow),
               active = ${active}, role = ${role}, version = version + 1, updated_at = now()
         where company_id = ${companyId} and id = ${id}`,
  );
  const after = await findAccount(tx, companyId, id);
  await recordAudit(tx, actor, {
    entity: 'accounting.account',
    entityId: id,
    action: 'update',
    before: snapshot(before),
    after: snapshot(after),
  });
  return after;
}
