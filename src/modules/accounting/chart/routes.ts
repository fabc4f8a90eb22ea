import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { rows, withTransaction } from '../../../platform/db/tx.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import { findAccount } from './account.repo.ts';
import { Account, AccountCreate, AccountListQuery, AccountPatch, Journal } from './contract.ts';
import { createAccount, listAccounts, updateAccount } from './manage-accounts.ts';

const tags = ['accounting'];

export function chartRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/accounts',
    summary: 'The chart of accounts, by code',
    tags,
    access: 'accounting.account.read',
    query: AccountListQuery,
    response: listOf(Account),
    handler: ({ db, query }, actor) => listAccounts(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/accounts/:id',
    summary: 'One account',
    tags,
    access: 'accounting.account.read',
    params: IdParams,
    response: Account,
    handler: ({ db, params }, actor) => findAccount(db.orm, actor.companyId, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/accounts',
    summary: 'Add an account (or a sub-account)',
    tags,
    access: 'accounting.account.manage',
    body: AccountCreate,
    status: 201,
    response: Account,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createAccount(tx, actor, body)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/accounts/:id',
    summary: 'Edit an account, deactivate it, or give it a role',
    tags,
    access: 'accounting.account.manage',
    params: IdParams,
    body: AccountPatch,
    response: Account,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updateAccount(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/journals',
    summary: 'The journals entries are written in, with their voucher words',
    tags,
    access: 'accounting.account.read',
    response: z.object({ items: z.array(Journal) }),
    handler: async ({ db }, actor) => ({
      items: await rows<z.infer<typeof Journal>>(
        db.orm,
        sql`select id, code, name, voucher_word as "voucherWord" from accounting_journal
             where company_id = ${actor.companyId} order by code`,
      ),
    }),
  });
}
