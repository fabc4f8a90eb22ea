import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, newCompany, signedIn } from '../../../../test/kit/index.ts';
import { one, rows, withTransaction } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { drainOutbox } from '../../../platform/outbox/dispatcher.ts';
import {
  cancelProcurementNeeds,
  listOpenNeeds,
  markNeedPlanned,
  recordProcurementNeeds,
} from '../needs/needs.ts';
import { applyMoves } from '../stock/apply-moves.ts';
import { makeProduct } from '../stock/fixtures.ts';
import { reserveStock } from '../stock/reservations.ts';
import { defaultWarehouse } from '../warehouse/default-warehouse.ts';
import { virtualLocation } from '../warehouse/locations.ts';

describeDb('safety stock alerts and procurement needs', (ctx) => {
  test('the alert fires once on crossing below, not on further moves below, and again after recovery', async () => {
    const company = await newCompany(ctx.db);
    const actor = await company.actor(company.admin);
    const buyer = await company.user('purchasing');
    const warehouse = await signedIn(ctx.db, await company.user('warehouse'));
    const p = await makeProduct(ctx.db, company.id);
    const wh = await withTransaction(ctx.db, (tx) => defaultWarehouse(tx, company.id));
    const supplier = await withTransaction(ctx.db, (tx) => virtualLocation(tx, company.id, 'supplier'));
    const customer = await withTransaction(ctx.db, (tx) => virtualLocation(tx, company.id, 'customer'));
    const move = (inbound: boolean, qty: string) =>
      withTransaction(ctx.db, (tx) =>
        applyMoves(tx, actor, [
          {
            kind: inbound ? 'receipt' : 'delivery',
            productId: p,
            fromLocationId: inbound ? supplier : wh.stockLocationId,
            toLocationId: inbound ? wh.stockLocationId : customer,
            qty,
            unitCost: inbound ? '1' : null,
          },
        ]),
      );
    // The notification is integration's built-in trigger rule, run from the outbox.
    const alerts = async () => {
      await drainOutbox(ctx.db);
      const events = await rows(
        ctx.db.orm,
        sql`select 1 from platform_event where company_id = ${company.id} and type = 'stock.below_safety'`,
      );
      const notes = await rows(
        ctx.db.orm,
        sql`select 1 from platform_notification where company_id = ${company.id} and user_id = ${buyer.id}
              and kind = 'rule.stock.below_safety'`,
      );
      return [events.length, notes.length];
    };
    await move(true, '20');
    const put = await warehouse.request('PUT', '/api/v1/safety-levels', {
      productId: p,
      warehouseId: wh.id,
      safetyQty: '10',
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.equal(put.body.belowSince, null);
    assert.deepEqual(await alerts(), [0, 0]);
    await move(false, '12'); // 8 < 10
    assert.deepEqual(await alerts(), [1, 1]);
    await move(false, '2'); // still below
    await withTransaction(ctx.db, (tx) =>
      reserveStock(tx, actor, {
        originType: 'sales_order',
        originId: newId(),
        originNumber: 'SO-9',
        lines: [{ originLineId: newId(), productId: p, warehouseId: wh.id, qty: '1' }],
      }),
    );
    assert.deepEqual(await alerts(), [1, 1]);
    const listed = await warehouse.get(`/api/v1/safety-levels?productId=${p}`);
    assert.equal(listed.body.items[0].available, '5.0000');
    assert.ok(listed.body.items[0].belowSince);
    await move(true, '10'); // 15 ≥ 10: re-armed, no event
    assert.deepEqual(await alerts(), [1, 1]);
    assert.equal(
      (await warehouse.get(`/api/v1/safety-levels?productId=${p}`)).body.items[0].belowSince,
      null,
    );
    await move(false, '6'); // 9 < 10 again
    assert.deepEqual(await alerts(), [2, 2]);
    const sales = await signedIn(ctx.db, await company.user('sales'));
    assert.equal(
      (
        await sales.request('PUT', '/api/v1/safety-levels', {
          productId: p,
          warehouseId: wh.id,
          safetyQty: '1',
        })
      ).status,
      403,
    );
  });

  test('procurement needs: recorded with the product’s method, listed for purchasing, cancelled with their order', async () => {
    const company = await newCompany(ctx.db);
    const actor = await company.actor(company.admin);
    const buyer = await signedIn(ctx.db, await company.user('purchasing'));
    const sales = await signedIn(ctx.db, await company.user('sales'));
    const bought = await makeProduct(ctx.db, company.id);
    const made = await makeProduct(ctx.db, company.id, { procureMethod: 'make' });
    const wh = await withTransaction(ctx.db, (tx) => defaultWarehouse(tx, company.id));
    const orderId = newId();
    const need = (productId: string, qty: string) => ({
      productId,
      warehouseId: wh.id,
      qty,
      neededBy: '2030-01-15',
      originType: 'sales_order',
      originId: orderId,
      originLineId: newId(),
      originNumber: 'SO-77',
    });
    await withTransaction(ctx.db, (tx) =>
      recordProcurementNeeds(tx, actor, [need(bought, '3'), need(made, '2.5'), need(made, '0')]),
    );
    const list = await buyer.get('/api/v1/procurement-needs');
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.items.map((n: any) => [n.method, n.qty, n.neededBy, n.originNumber]),
      [
        ['buy', '3.0000', '2030-01-15', 'SO-77'],
        ['make', '2.5000', '2030-01-15', 'SO-77'],
      ],
    );
    assert.equal((await sales.get('/api/v1/procurement-needs')).status, 403);
    const events = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from platform_event where company_id = ${company.id} and type = 'procurement.needed'`,
    );
    assert.equal(events?.n, 2);
    await withTransaction(ctx.db, (tx) => markNeedPlanned(tx, actor, { needId: list.body.items[0].id }));
    await withTransaction(ctx.db, (tx) =>
      cancelProcurementNeeds(tx, actor, { originType: 'sales_order', originId: orderId }),
    );
    assert.deepEqual(await listOpenNeeds(ctx.db.orm, company.id), []);
    assert.equal((await buyer.get('/api/v1/procurement-needs?state=planned')).body.items.length, 1);
    assert.equal((await buyer.get('/api/v1/procurement-needs?state=cancelled')).body.items.length, 1);
  });
});
