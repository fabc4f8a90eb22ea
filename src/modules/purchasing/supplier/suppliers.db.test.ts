import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeDb, signedIn } from '../../../../test/kit/index.ts';
import { withTransaction } from '../../../platform/db/tx.ts';
import { purchasingWorld } from '../fixtures.ts';
import { createRequisitions, openPurchaseSupply, purchaseLeadTimes } from '../index.ts';

describeDb('suppliers and supplier prices', (ctx) => {
  test('a supplier is a crm party (new or an existing customer); codes come from the counter', async () => {
    const w = await purchasingWorld(ctx.db);
    const created = await w.supplier({ leadTimeDays: 5, currency: 'CNY' });
    assert.match(created.code, /^S\d{5}$/);
    const party = await w.admin.get(`/api/v1/customers/${created.partyId}`);
    assert.equal(party.status, 200);
    assert.deepEqual(party.body.tags, ['supplier']);

    const customer = await w.admin.post('/api/v1/customers', {
      name: 'Both Ways Ltd',
      ignoreDuplicates: true,
    });
    assert.equal(customer.status, 201);
    const both = await w.purchaser.post('/api/v1/suppliers', { partyId: customer.body.id, code: 'BW-1' });
    assert.equal(both.status, 201, JSON.stringify(both.body));
    assert.equal(both.body.name, 'Both Ways Ltd');
    const again = await w.purchaser.post('/api/v1/suppliers', { partyId: customer.body.id });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'purchasing.supplier_exists');
    const neither = await w.purchaser.post('/api/v1/suppliers', {});
    assert.equal(neither.status, 400);

    const patched = await w.purchaser.patch(`/api/v1/suppliers/${both.body.id}`, {
      version: both.body.version,
      leadTimeDays: 12,
    });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.leadTimeDays, 12);
    const stale = await w.purchaser.patch(`/api/v1/suppliers/${both.body.id}`, { version: 1, active: false });
    assert.equal(stale.status, 409);
    const list = await w.purchaser.get('/api/v1/suppliers?q=both');
    assert.deepEqual(
      list.body.items.map((s: any) => s.code),
      ['BW-1'],
    );

    // Another company's supplier is not found; a salesperson may not read suppliers.
    const other = await purchasingWorld(ctx.db);
    assert.equal((await other.purchaser.get(`/api/v1/suppliers/${both.body.id}`)).status, 404);
    const seller = await signedIn(ctx.db, await w.company.user('sales'));
    assert.equal((await seller.get('/api/v1/suppliers')).status, 403);
  });

  test('best price: preferred first, then cheapest in company currency, by minimum quantity and validity', async () => {
    const w = await purchasingWorld(ctx.db);
    const bolt = await w.product();
    const a = await w.supplier({ leadTimeDays: 10 });
    const b = await w.supplier({ leadTimeDays: 3 });
    await w.price({ supplierId: a.id, productId: bolt, price: '1.20' });
    await w.price({ supplierId: a.id, productId: bolt, price: '0.95', minQty: '100', leadTimeDays: 14 });
    await w.price({ supplierId: b.id, productId: bolt, price: '1.10', validTo: '2000-01-01' });
    await w.price({ supplierId: b.id, productId: bolt, price: '1.15' });

    const best = async (qty: string, date?: string) =>
      (
        await w.purchaser.get(
          `/api/v1/supplier-prices/best?productId=${bolt}&qty=${qty}${date ? `&date=${date}` : ''}`,
        )
      ).body;
    assert.equal((await best('10')).price.price, '1.1500');
    assert.equal((await best('100')).price.price, '0.9500');
    assert.equal((await best('100')).price.effectiveLeadTimeDays, 14);
    assert.equal((await best('10', '1999-06-01')).price.price, '1.1000');

    const invalid = await w.purchaser.post('/api/v1/supplier-prices', {
      supplierId: a.id,
      productId: bolt,
      price: '1',
      validFrom: '2030-01-02',
      validTo: '2030-01-01',
    });
    assert.equal(invalid.status, 422);
    const pref = await w.price({ supplierId: a.id, productId: bolt, price: '1.30', preferred: true });
    assert.equal((await best('10')).price.id, pref.id);

    // Lead times for planning: the best price's own, else its supplier's, else the company default (7).
    const nut = await w.product();
    const leads = await purchaseLeadTimes(ctx.db.orm, w.company.id, [bolt, nut]);
    assert.equal(leads.get(bolt), 10);
    assert.equal(leads.get(nut), 7);
    await w.settings({ defaultLeadTimeDays: 4 });
    assert.equal((await purchaseLeadTimes(ctx.db.orm, w.company.id, [nut])).get(nut), 4);
  });

  test('createRequisitions is idempotent per need; open requisitions are purchase supply', async () => {
    const w = await purchasingWorld(ctx.db);
    const bolt = await w.product();
    const actor = await w.company.actor(w.company.admin);
    const needId = '01900000-0000-7000-8000-000000000001';
    const line = {
      productId: bolt,
      warehouseId: w.warehouseId,
      qty: '12',
      neededBy: '2031-03-01',
      originType: 'mrp',
      originId: null,
      originNumber: null,
      needId,
    };
    const first = await withTransaction(ctx.db, (tx) => createRequisitions(tx, actor, [line]));
    assert.equal(first.length, 1);
    assert.match(first[0].number, /^PR-\d{4}-\d{5}$/);
    assert.equal(first[0].qty, '12.0000');
    const second = await withTransaction(ctx.db, (tx) =>
      createRequisitions(tx, actor, [line, { ...line, needId: null, qty: '3', neededBy: '2031-03-01' }]),
    );
    assert.equal(second.length, 1);
    const supply = await openPurchaseSupply(ctx.db.orm, w.company.id);
    assert.deepEqual(supply, [
      { productId: bolt, warehouseId: w.warehouseId, date: '2031-03-01', qty: '15.0000' },
    ]);
  });
});
