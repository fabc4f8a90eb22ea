// Arriving goods are never reserved twice (DESIGN.md invariants): a receipt validation races a new
// order's confirmation for the same units, and two receipts of new lots race each other for the same
// waiting order, each request on its own pooled PostgreSQL connection. Whatever the interleaving, the
// older waiting order is served first, the figures are exactly the first-come-first-served ones, no
// line holds more than it ordered, and no request fails (no 5xx, no deadlock surfacing).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import {
  addStock,
  assertStockConsistent,
  makeCustomer,
  makeProduct,
  ok,
  type SalesWorld,
  salesWorld,
  stockOf,
} from '../../src/modules/sales/fixtures.ts';
import type { Db } from '../../src/platform/db/connect.ts';
import { rows } from '../../src/platform/db/tx.ts';
import { drainOutbox } from '../../src/platform/outbox/dispatcher.ts';
import { testDb } from '../kit/index.ts';

const ROUNDS = 6;

async function draftOrder(w: SalesWorld, customerId: string, productId: string, qty: string) {
  return ok(await w.sales.post('/api/v1/sales-orders', { customerId, lines: [{ productId, qty }] }), 201);
}

async function confirm(w: SalesWorld, order: any) {
  return w.sales.post(`/api/v1/sales-orders/${order.id}/confirm`, { version: order.version });
}

/** No order line holds more than it still has to ship (active reservations vs the line). */
async function assertNoLineOverReserved(db: Db, companyId: string, productId: string) {
  const over = await rows<{ id: string }>(
    db.orm,
    sql`select l.id from sales_order_line l
         where l.company_id = ${companyId} and l.product_id = ${productId}
           and l.qty_base - l.qty_delivered < (select coalesce(sum(r.qty), 0) from inventory_reservation r
                                                where r.company_id = l.company_id and r.origin_line_id = l.id
                                                  and r.state = 'active')`,
  );
  assert.deepEqual(over, [], 'a line holds more than it ordered');
}

async function reservedOf(w: SalesWorld, orderId: string) {
  return Number(ok(await w.sales.get(`/api/v1/sales-orders/${orderId}`)).lines[0].qtyReserved);
}

if (!process.env.TEST_DATABASE_URL) {
  test('arrivals under concurrency (PostgreSQL only)', {
    skip: 'PGlite serves one connection at a time, so nothing runs concurrently there; set TEST_DATABASE_URL',
  }, () => {});
} else {
  describe('[postgres] arrivals under concurrency', () => {
    test(`${ROUNDS} rounds: a receipt validation races a new order's confirmation for the same units`, async () => {
      const db = await testDb('postgres');
      const w = await salesWorld(db);
      const customer = await makeCustomer(w.sales);
      const interleavings = { receiptFirst: 0, confirmationFirst: 0 };
      for (let round = 0; round < ROUNDS; round++) {
        const product = await makeProduct(w.admin);
        // 2 on hand; the old order wants 6 (2 reserved, 4 waiting). 6 arrive while a new order for 5
        // is confirmed: the old order takes its 4 first, the new one gets the 2 left — in either order.
        await addStock(w.admin, w.warehouseId, product.id, '2');
        const old = ok(await confirm(w, await draftOrder(w, customer.id, product.id, '6')));
        assert.equal(old.lines[0].qtyReserved, '2.0000');
        const receipt = ok(
          await w.warehouse.post('/api/v1/receipts', {
            warehouseId: w.warehouseId,
            lines: [{ productId: product.id, qty: '6', unitCost: '5' }],
          }),
          201,
        );
        const fresh = await draftOrder(w, customer.id, product.id, '5');
        const [validated, confirmed] = await Promise.all([
          w.warehouse.post(`/api/v1/receipts/${receipt.id}/validate`, { version: receipt.version }),
          confirm(w, fresh),
        ]);
        assert.deepEqual(
          [validated.status, confirmed.status],
          [200, 200],
          `round ${round}: ${JSON.stringify([validated.body?.error, confirmed.body?.error])}`,
        );
        // The confirmation's own answer tells which committed first: it found the 2 left, or nothing.
        if (confirmed.body.lines[0].qtyReserved === '2.0000') interleavings.receiptFirst++;
        else interleavings.confirmationFirst++;
        await drainOutbox(db);
        assert.deepEqual(
          [await reservedOf(w, old.id), await reservedOf(w, fresh.id)],
          [6, 2],
          `round ${round}: first come, first served`,
        );
        assert.deepEqual(await stockOf(w.warehouse, w.warehouseId, product.id), {
          onHand: 8,
          reserved: 8,
          available: 0,
        });
        await assertNoLineOverReserved(db, w.company.id, product.id);
      }
      console.log(`arrival race interleavings: ${JSON.stringify(interleavings)}`);
      await assertStockConsistent(w.warehouse);
    });

    test(`${ROUNDS} rounds: two receipts of new lots race for the same waiting order`, async () => {
      const db = await testDb('postgres');
      const w = await salesWorld(db);
      const customer = await makeCustomer(w.sales);
      for (let round = 0; round < ROUNDS; round++) {
        const product = await makeProduct(w.admin, { lotTracked: true });
        // Nothing on hand: the first order wants 5, the second 4. Two receipts of 3 (lots L1, L2 —
        // different balance rows) are validated at once: the first order takes 5, the second 1.
        const first = ok(await confirm(w, await draftOrder(w, customer.id, product.id, '5')));
        const second = ok(await confirm(w, await draftOrder(w, customer.id, product.id, '4')));
        const receipts = [];
        for (const lotNo of ['L1', 'L2'])
          receipts.push(
            ok(
              await w.warehouse.post('/api/v1/receipts', {
                warehouseId: w.warehouseId,
                lines: [{ productId: product.id, qty: '3', unitCost: '5', lotNo }],
              }),
              201,
            ),
          );
        const results = await Promise.all(
          receipts.map((r) => w.warehouse.post(`/api/v1/receipts/${r.id}/validate`, { version: r.version })),
        );
        assert.deepEqual(
          results.map((r) => r.status),
          [200, 200],
          `round ${round}: ${JSON.stringify(results.map((r) => r.body?.error))}`,
        );
        await drainOutbox(db);
        assert.deepEqual(
          [await reservedOf(w, first.id), await reservedOf(w, second.id)],
          [5, 1],
          `round ${round}: first come, first served`,
        );
        assert.deepEqual(await stockOf(w.warehouse, w.warehouseId, product.id), {
          onHand: 6,
          reserved: 6,
          available: 0,
        });
        await assertNoLineOverReserved(db, w.company.id, product.id);
      }
      await assertStockConsistent(w.warehouse);
    });

    test(`${ROUNDS} rounds: a receipt arrives while another lot of the product ships`, async () => {
      const db = await testDb('postgres');
      const w = await salesWorld(db);
      const customer = await makeCustomer(w.sales);
      for (let round = 0; round < ROUNDS; round++) {
        const product = await makeProduct(w.admin, { lotTracked: true });
        // Lot L1 (3) is reserved for X, which ships while lot L2 (4) arrives for the waiting Y: the
        // shipment holds X's delivery and L1's balance, the receipt L2's balance and the product's
        // valuation; neither waits for the other in a cycle.
        const first = ok(
          await w.warehouse.post('/api/v1/receipts', {
            warehouseId: w.warehouseId,
            lines: [{ productId: product.id, qty: '3', unitCost: '5', lotNo: 'L1' }],
          }),
          201,
        );
        ok(await w.warehouse.post(`/api/v1/receipts/${first.id}/validate`, { version: first.version }));
        const x = ok(await confirm(w, await draftOrder(w, customer.id, product.id, '3')));
        const y = ok(await confirm(w, await draftOrder(w, customer.id, product.id, '4')));
        const delivery = ok(await w.warehouse.get(`/api/v1/deliveries/${x.deliveries[0].id}`));
        const second = ok(
          await w.warehouse.post('/api/v1/receipts', {
            warehouseId: w.warehouseId,
            lines: [{ productId: product.id, qty: '4', unitCost: '5', lotNo: 'L2' }],
          }),
          201,
        );
        const results = await Promise.all([
          w.warehouse.post(`/api/v1/deliveries/${delivery.id}/ship`, { version: delivery.version }),
          w.warehouse.post(`/api/v1/receipts/${second.id}/validate`, { version: second.version }),
        ]);
        assert.deepEqual(
          results.map((r) => r.status),
          [200, 200],
          `round ${round}: ${JSON.stringify(results.map((r) => r.body?.error))}`,
        );
        await drainOutbox(db);
        assert.deepEqual(await reservedOf(w, y.id), 4, `round ${round}: Y takes the arrival`);
        assert.deepEqual(await stockOf(w.warehouse, w.warehouseId, product.id), {
          onHand: 4,
          reserved: 4,
          available: 0,
        });
        await assertNoLineOverReserved(db, w.company.id, product.id);
      }
      await assertStockConsistent(w.warehouse);
    });
  });
}
