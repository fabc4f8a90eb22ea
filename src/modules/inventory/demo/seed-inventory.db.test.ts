import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, newCompany } from '../../../../test/kit/index.ts';
import { rows, withTransaction } from '../../../platform/db/tx.ts';
import { drainOutbox } from '../../../platform/outbox/dispatcher.ts';
import { checkStockConsistency } from '../stock/consistency.ts';
import { makeProduct } from '../stock/fixtures.ts';
import { seedInventoryDemo } from './seed-inventory.ts';

describeDb('inventory demo data', (ctx) => {
  // Whatever active stocked products the company has (catalog's demo seeder runs first in `seed:demo`).
  test('a Shanghai warehouse, opening stock for the products with tea lots, safety levels', async () => {
    const company = await newCompany(ctx.db);
    const purchasing = await company.user('purchasing');
    const demo = { companyId: company.id, users: { purchasing: purchasing.id }, departments: {} };
    const tag = company.id.slice(-6);
    for (let i = 0; i < 12; i++) await makeProduct(ctx.db, company.id, { sku: `OFF-${tag}-${i}` });
    for (let i = 0; i < 2; i++)
      await makeProduct(ctx.db, company.id, {
        sku: `TEA-${tag}-${i}`,
        lotTracked: true,
        expiryTracked: true,
      });
    await makeProduct(ctx.db, company.id, { sku: `SVC-${tag}`, kind: 'service' });
    await withTransaction(ctx.db, (tx) => seedInventoryDemo(tx, demo));
    const warehouses = await rows<{ code: string }>(
      ctx.db.orm,
      sql`select code from inventory_warehouse where company_id = ${company.id} order by code`,
    );
    assert.deepEqual(
      warehouses.map((w) => w.code),
      ['SH', 'WH'],
    );
    const teaLots = await rows(
      ctx.db.orm,
      sql`select 1 from inventory_lot l join catalog_product p on p.company_id = l.company_id and p.id = l.product_id
           where l.company_id = ${company.id} and p.sku like 'TEA-%' and l.expiry_date is not null`,
    );
    assert.ok(teaLots.length >= 4);
    const stocked = await rows(
      ctx.db.orm,
      sql`select distinct product_id from inventory_balance where company_id = ${company.id} and on_hand > 0`,
    );
    assert.ok(stocked.length >= 10);
    assert.deepEqual(await checkStockConsistency(ctx.db.orm, company.id), []);
    // The safety alert is a trigger rule now: it notifies after commit, when the outbox delivers the event.
    await drainOutbox(ctx.db);
    const alerts = await rows(
      ctx.db.orm,
      sql`select 1 from platform_notification where company_id = ${company.id} and user_id = ${purchasing.id}`,
    );
    assert.ok(alerts.length >= 1);
  });

  test('a company without products still gets its warehouses', async () => {
    const company = await newCompany(ctx.db);
    await withTransaction(ctx.db, (tx) =>
      seedInventoryDemo(tx, { companyId: company.id, users: {}, departments: {} }),
    );
    const n = await rows(ctx.db.orm, sql`select 1 from inventory_warehouse where company_id = ${company.id}`);
    assert.equal(n.length, 2);
  });
});
