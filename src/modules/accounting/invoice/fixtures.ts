// Test builders for accounting's documents (invoice, payment, aging tests and the order-to-cash scenario):
// records go through the public HTTP API as the role that would make them. Never imported by production code.
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { type Client, newCompany, signedIn, type TestCompany } from '../../../../test/kit/index.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { rows } from '../../../platform/db/tx.ts';
import { accountForRole } from '../chart/account-for-role.ts';
import type { AccountRole } from '../chart/roles.ts';

let seq = 0;
const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();

export function ok(res: { status: number; body: any }, status = 200, what = 'request') {
  assert.equal(res.status, status, `${what}: ${res.status} ${JSON.stringify(res.body)?.slice(0, 600)}`);
  return res.body;
}

export interface BooksWorld {
  db: Db;
  company: TestCompany;
  admin: Client;
  finance: Client;
  warehouse: Client;
  account(role: AccountRole): Promise<string>;
  customer(fields?: Record<string, unknown>): Promise<any>;
  /** Balance (debit − credit) per account role from the posted ledger lines of the company. */
  balances(): Promise<Map<string, string>>;
}

/** A company with a finance user and a warehouse user; customers made by the admin. */
export async function booksWorld(db: Db): Promise<BooksWorld> {
  const company = await newCompany(db);
  const admin = await signedIn(db, company.admin);
  return {
    db,
    company,
    admin,
    finance: await signedIn(db, await company.user('finance')),
    warehouse: await signedIn(db, await company.user('warehouse')),
    account: (role) => accountForRole(db.orm, company.id, role),
    customer: async (fields = {}) =>
      ok(
        await admin.post('/api/v1/customers', {
          name: `Customer ${unique()}`,
          ignoreDuplicates: true,
          ...fields,
        }),
        201,
        'POST /customers',
      ),
    balances: async () => {
      const list = await rows<{ role: string | null; code: string; balance: string }>(
        db.orm,
        sql`select a.role, a.code, sum(l.debit - l.credit)::numeric(18, 2)::text as balance
              from accounting_entry_line l
              join accounting_entry e on e.company_id = l.company_id and e.id = l.entry_id and e.state = 'posted'
              join accounting_account a on a.company_id = l.company_id and a.id = l.account_id
             where l.company_id = ${company.id} group by a.role, a.code`,
      );
      return new Map(list.map((r) => [r.role ?? r.code, r.balance]));
    },
  };
}

/** A one-line draft customer invoice (VAT 13 % on top unless told otherwise). */
export async function draftInvoice(client: Client, partnerId: string, fields: Record<string, unknown> = {}) {
  return ok(
    await client.post('/api/v1/invoices', {
      kind: 'customer_invoice',
      partnerId,
      lines: [{ description: 'Consulting', quantity: '1', unitPrice: '100', taxCode: 'VAT13-OUT' }],
      ...fields,
    }),
    201,
    'POST /invoices',
  );
}

export async function postedInvoice(client: Client, partnerId: string, fields: Record<string, unknown> = {}) {
  const draft = await draftInvoice(client, partnerId, fields);
  return ok(await client.post(`/api/v1/invoices/${draft.id}/post`, { version: draft.version }), 200, 'post');
}
