// Test builders for manufacturing (its DB tests and, later, scenarios): everything through the public HTTP
// API as the role that would do it. Never imported by production code.
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { type Client, newCompany, signedIn, type TestCompany } from '../../../test/kit/index.ts';
import type { Db } from '../../platform/db/connect.ts';
import { rows, withTransaction } from '../../platform/db/tx.ts';
import { defaultWarehouse } from '../inventory/index.ts';

let seq = 0;
const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();

export function ok(res: { status: number; body: any }, status = 200, what = 'request') {
  assert.equal(res.status, status, `${what}: ${res.status} ${JSON.stringify(res.body)?.slice(0, 600)}`);
  return res.body;
}

export function refused(res: { status: number; body: any }, status: number, code?: string) {
  assert.equal(res.status, status, JSON.stringify(res.body)?.slice(0, 600));
  if (code) assert.equal(res.body.error.code, code, JSON.stringify(res.body));
  return res.body;
}

export interface MakeWorld {
  db: Db;
  company: TestCompany;
  admin: Client;
  /** The built-in production role (生产). */
  production: Client;
  warehouseId: string;
  product(fields?: Record<string, unknown>): Promise<string>;
  /** Stock in through an adjustment at a unit cost. */
  stock(productId: string, qty: string, unitCost: string, lotNo?: string): Promise<void>;
  bom(body: Record<string, unknown>, activate?: boolean): Promise<any>;
  balance(productId: string): Promise<{ onHand: string; reserved: string }>;
  /** Posted ledger lines of the company's entries from these sources, as `code debit credit`. */
  ledger(sourceTypes: string[]): Promise<string[]>;
}

export async function makeWorld(db: Db): Promise<MakeWorld> {
  const company = await newCompany(db);
  const admin = await signedIn(db, company.admin);
  const production = await signedIn(db, await company.user('production'));
  const wh = await withTransaction(db, (tx) => defaultWarehouse(tx, company.id));
  const world: MakeWorld = {
    db,
    company,
    admin,
    production,
    warehouseId: wh.id,
    async product(fields = {}) {
      const body = ok(
        await admin.post('/api/v1/products', {
          sku: `M-${unique()}`,
          name: { en: 'Part', 'zh-CN': '零件' },
          kind: 'stocked',
          uomCode: 'PCS',
          salePrice: '10',
          ...fields,
        }),
        201,
        'POST /products',
      );
      return body.id;
    },
    async stock(productId, qty, unitCost, lotNo) {
      ok(
        await admin.post('/api/v1/stock/adjustments', {
          warehouseId: wh.id,
          productId,
          qty,
          unitCost,
          reason: 'test stock',
          ...(lotNo ? { lotNo } : {}),
        }),
        201,
        'POST /stock/adjustments',
      );
    },
    async bom(body, activate = true) {
      const made = ok(await production.post('/api/v1/boms', body), 201, 'POST /boms');
      if (!activate) return made;
      return ok(
        await production.post(`/api/v1/boms/${made.id}/activate`, { version: made.version }),
        200,
        'activate',
      );
    },
    async balance(productId) {
      const found = await rows<{ on_hand: string; reserved: string }>(
        db.orm,
        sql`select coalesce(sum(on_hand), 0)::numeric(18, 4)::text as on_hand, coalesce(sum(reserved), 0)::numeric(18, 4)::text as reserved
              from inventory_balance where company_id = ${company.id} and product_id = ${productId}`,
      );
      return { onHand: found[0].on_hand, reserved: found[0].reserved };
    },
    async ledger(sourceTypes) {
      const found = await rows<{ line: string }>(
        db.orm,
        sql`select a.code || ' ' || l.debit::text || ' ' || l.credit::text as line
              from accounting_entry e
              join accounting_entry_line l on l.company_id = e.company_id and l.entry_id = e.id
              join accounting_account a on a.company_id = l.company_id and a.id = l.account_id
             where e.company_id = ${company.id} and e.state = 'posted'
               and e.source_type = any(${`{${sourceTypes.join(',')}}`}::text[])
             order by e.created_at, e.id, l.debit desc, a.code`,
      );
      return found.map((f) => f.line);
    },
  };
  return world;
}
