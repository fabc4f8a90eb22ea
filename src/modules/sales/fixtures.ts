// Test builders for sales (used by its DB tests, the order-to-stock scenario and the oversell test):
// everything goes through the public HTTP API as the role that would do it, so tests exercise what
// users do. Never imported by production code.
import assert from 'node:assert/strict';
import {
  type Client,
  newCompany,
  signedIn,
  type TestCompany,
  type TestUser,
} from '../../../test/kit/index.ts';
import type { Db } from '../../platform/db/connect.ts';
import { withTransaction } from '../../platform/db/tx.ts';
import { defaultWarehouse } from '../inventory/index.ts';

let seq = 0;
const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();

export interface SalesWorld {
  company: TestCompany;
  admin: Client;
  salesUser: TestUser;
  sales: Client;
  warehouse: Client;
  manager: Client;
  managerUser: TestUser;
  warehouseId: string;
}

/** A company with a salesperson, a warehouse user and a sales manager (who manages the salesperson's team). */
export async function salesWorld(db: Db): Promise<SalesWorld> {
  const company = await newCompany(db);
  const managerUser = await company.user('sales_manager');
  const dept = await company.department({ managerUserId: managerUser.id });
  const salesUser = await company.user('sales', { departmentId: dept });
  const warehouseUser = await company.user('warehouse');
  const wh = await withTransaction(db, (tx) => defaultWarehouse(tx, company.id));
  return {
    company,
    admin: await signedIn(db, company.admin),
    salesUser,
    sales: await signedIn(db, salesUser),
    warehouse: await signedIn(db, warehouseUser),
    manager: await signedIn(db, managerUser),
    managerUser,
    warehouseId: wh.id,
  };
}

export function ok(res: { status: number; body: any }, status = 200, what = 'request') {
  assert.equal(res.status, status, `${what}: ${res.status} ${JSON.stringify(res.body)?.slice(0, 600)}`);
  return res.body;
}

export async function makeProduct(admin: Client, fields: Record<string, unknown> = {}) {
  const body = {
    sku: `P-${unique()}`,
    name: { en: 'Widget', 'zh-CN': '小部件' },
    kind: 'stocked',
    uomCode: 'PCS',
    salePrice: '10',
    taxCode: 'VAT13-OUT',
    ...fields,
  };
  return ok(await admin.post('/api/v1/products', body), 201, 'POST /products');
}

export async function addStock(
  client: Client,
  warehouseId: string,
  productId: string,
  qty: string,
  unitCost = '5',
) {
  return ok(
    await client.post('/api/v1/stock/adjustments', {
      warehouseId,
      productId,
      qty,
      unitCost,
      reason: 'test stock',
    }),
    201,
    'POST /stock/adjustments',
  );
}

export async function makeCustomer(client: Client, fields: Record<string, unknown> = {}) {
  return ok(
    await client.post('/api/v1/customers', {
      name: `Customer ${unique()}`,
      ignoreDuplicates: true,
      ...fields,
    }),
    201,
    'POST /customers',
  );
}

/** Stock balances and reservations agree with the move ledger and the reservation rows. */
export async function assertStockConsistent(client: Client) {
  const body = ok(await client.get('/api/v1/stock/consistency'), 200, 'GET /stock/consistency');
  assert.deepEqual(body.mismatches, [], 'stock consistency');
  assert.equal(body.ok, true);
}

/** One product's balance in a warehouse, summed over locations and lots. */
export async function stockOf(client: Client, warehouseId: string, productId: string) {
  const body = ok(await client.get(`/api/v1/stock?warehouseId=${warehouseId}&productId=${productId}`));
  const sum = (k: string) => body.items.reduce((s: number, b: any) => s + Number(b[k]), 0);
  return { onHand: sum('onHand'), reserved: sum('reserved'), available: sum('available') };
}
