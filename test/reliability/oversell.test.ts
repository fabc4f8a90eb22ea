// Never oversell (DESIGN.md invariants): 50 orders of one unit each are confirmed at the same time,
// each as its own HTTP request on its own pooled PostgreSQL connection, against 10 units available.
// Exactly 10 orders get their unit, 40 are backordered as procurement needs, available stock never
// drops below zero while it runs, and no request fails (no 5xx, no deadlock or busy error surfacing).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import {
  addStock,
  assertStockConsistent,
  makeCustomer,
  makeProduct,
  ok,
  salesWorld,
} from '../../src/modules/sales/fixtures.ts';
import { one } from '../../src/platform/db/tx.ts';
import { testDb, testDbUrl } from '../kit/index.ts';

const ORDERS = 50;
const AVAILABLE = 10;

if (!process.env.TEST_DATABASE_URL) {
  test('oversell under concurrent confirmation (PostgreSQL only, INV-STK-01)', {
    skip: 'PGlite serves one connection at a time, so nothing runs concurrently there; set TEST_DATABASE_URL',
  }, () => {});
} else {
  describe('[postgres] oversell under concurrent confirmation', () => {
    test(`${ORDERS} one-unit orders confirmed at once against ${AVAILABLE} available`, async () => {
      const db = await testDb('postgres');
      const w = await salesWorld(db);
      const product = await makeProduct(w.admin);
      await addStock(w.admin, w.warehouseId, product.id, String(AVAILABLE));
      const customer = await makeCustomer(w.sales);
      const orders: any[] = [];
      for (let i = 0; i < ORDERS; i++)
        orders.push(
          ok(
            await w.sales.post('/api/v1/sales-orders', {
              customerId: customer.id,
              lines: [{ productId: product.id, qty: '1' }],
            }),
            201,
          ),
        );

      // Watch the balance while the confirmations run: available must never go below zero.
      // Its own connection, so it neither waits for nor takes one of the pool's.
      const probe = new pg.Client({ connectionString: await testDbUrl() });
      await probe.connect();
      let running = true;
      let lowest = Number.POSITIVE_INFINITY;
      const watcher = (async () => {
        while (running) {
          const b = await probe.query(
            `select coalesce(sum(on_hand - reserved), 0)::text as available from inventory_balance
              where company_id = $1 and product_id = $2`,
            [w.company.id, product.id],
          );
          lowest = Math.min(lowest, Number(b.rows[0].available));
          await new Promise((r) => setTimeout(r, 2));
        }
      })();
      const results = await Promise.all(
        orders.map((o) => w.sales.post(`/api/v1/sales-orders/${o.id}/confirm`, { version: o.version })),
      );
      running = false;
      await watcher;
      await probe.end();

      const failures = results.filter((r) => r.status !== 200);
      assert.deepEqual(
        failures.map((r) => `${r.status} ${r.body?.error?.code}`),
        [],
        'every confirmation succeeds (no 5xx, no deadlock/busy)',
      );
      const reserved = results.filter((r) => Number(r.body.lines[0].qtyReserved) === 1);
      const short = results.filter((r) => Number(r.body.lines[0].qtyReserved) === 0);
      assert.equal(reserved.length, AVAILABLE, 'exactly the available units are reserved');
      assert.equal(short.length, ORDERS - AVAILABLE, 'the rest are backordered');
      assert.ok(lowest >= 0, `available dipped to ${lowest}`);
      const needs = ok(await w.admin.get('/api/v1/procurement-needs?state=open&limit=200'));
      const mine = needs.items.filter((n: any) => n.productId === product.id);
      assert.equal(mine.length, ORDERS - AVAILABLE, 'one procurement need per backordered order');
      const balance = await one<{ on_hand: string; reserved: string }>(
        db.orm,
        sql`select sum(on_hand)::text as on_hand, sum(reserved)::text as reserved from inventory_balance
             where company_id = ${w.company.id} and product_id = ${product.id}`,
      );
      assert.deepEqual([Number(balance?.on_hand), Number(balance?.reserved)], [AVAILABLE, AVAILABLE]);
      await assertStockConsistent(w.warehouse);
    });
  });
}
