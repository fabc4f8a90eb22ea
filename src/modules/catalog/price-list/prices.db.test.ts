import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Client, describeDb, newCompany, signedIn } from '../../../../test/kit/index.ts';
import { category, packagingUnit, product } from '../fixtures.ts';

async function customer(client: Client, name: string, tags: string[] = []): Promise<string> {
  const res = await client.post('/api/v1/customers', { name, tags, ignoreDuplicates: true });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id;
}

async function priceList(client: Client, body: Record<string, unknown>) {
  const res = await client.post('/api/v1/price-lists', { name: { en: String(body.code) }, ...body });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body as { id: string; code: string; version: number; rules: any[] };
}

describeDb('catalog pricing: price lists, rules and the GET /prices explanation', (ctx) => {
  test('a worked example: breaks, customer > group > everyone, categories, dates, discounts, units', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    await packagingUnit(admin);
    const office = await category(admin, { code: 'OFFICE' });
    const writing = await category(admin, { code: 'WRITING', parentId: office.id });
    const paperCat = await category(admin, { code: 'PAPER', parentId: office.id });
    const pen = await product(admin, {
      sku: 'PEN',
      categoryId: writing.id,
      salePrice: '2.5',
      units: [{ uomCode: 'BOX', factor: '12' }],
    });
    const paper = await product(admin, { sku: 'PAPER', categoryId: paperCat.id, salePrice: '21.50' });
    const acme = await customer(admin, 'Acme Stationery', ['VIP']);
    const vip = await customer(admin, 'Beta Trading', ['VIP', 'East']);
    const plain = await customer(admin, 'Gamma Shop');

    const general = await priceList(admin, {
      code: 'GENERAL',
      rules: [{ categoryId: office.id, minQty: '100', discountPercent: '5' }],
    });
    await priceList(admin, {
      code: 'JUNE-PROMO',
      priority: 5,
      validFrom: '2026-06-01',
      validTo: '2026-06-30',
      rules: [{ productId: pen.id, price: '2.30' }],
    });
    const vipList = await priceList(admin, {
      code: 'VIP',
      customerGroup: 'VIP',
      rules: [
        { productId: pen.id, minQty: '0', price: '2.20' },
        { productId: pen.id, minQty: '120', price: '2.00' },
        { productId: pen.id, minQty: '1200', price: '1.85' },
        { productId: pen.id, minQty: '0', price: '1.60', validFrom: '2026-08-01', validTo: '2026-08-31' },
        { minQty: '0', discountPercent: '3' },
      ],
    });
    assert.equal(vipList.rules.length, 5);
    const acmeList = await priceList(admin, {
      code: 'ACME',
      customerId: acme,
      rules: [{ productId: pen.id, price: '1.95' }],
    });
    await priceList(admin, {
      code: 'OLD-VIP',
      customerGroup: 'VIP',
      priority: 100,
      validTo: '2025-12-31',
      rules: [{ minQty: '0', price: '0.01' }],
    });
    await priceList(admin, { code: 'USD', currency: 'USD', rules: [{ productId: paper.id, price: '3.10' }] });

    const price = async (q: Record<string, string>) => {
      const res = await admin.get(`/api/v1/prices?${new URLSearchParams({ date: '2026-03-10', ...q })}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body;
    };
    const unit = async (q: Record<string, string>) => {
      const p = await price(q);
      return [p.unitPrice, p.source.kind === 'rule' ? p.source.priceListCode : 'list'];
    };

    // No customer: the general list only from 100 pieces (its category rule covers WRITING below OFFICE).
    const listPrice = await price({ productId: pen.id, qty: '10', uomCode: 'PCS' });
    assert.deepEqual(
      [listPrice.unitPrice, listPrice.unitPriceBase, listPrice.qtyBase, listPrice.currency, listPrice.source],
      ['2.5000', '2.5000', '10.0000', 'CNY', { kind: 'list_price' }],
    );
    const box = await price({ productId: pen.id, qty: '1', uomCode: 'BOX' });
    assert.deepEqual(
      [box.unitPrice, box.unitPriceBase, box.qtyBase],
      ['30.0000', '2.5000', '12.0000'],
      'box of 12 at 2.5/pc',
    );
    assert.deepEqual(await unit({ productId: pen.id, qty: '100', uomCode: 'PCS' }), ['2.3750', 'GENERAL']);
    const boxes = await price({ productId: pen.id, qty: '10', uomCode: 'BOX' });
    assert.deepEqual(
      [boxes.qtyBase, boxes.unitPriceBase, boxes.unitPrice],
      ['120.0000', '2.3750', '28.5000'],
    );
    assert.deepEqual(boxes.source, {
      kind: 'rule',
      priceListId: general.id,
      priceListCode: 'GENERAL',
      ruleId: boxes.source.ruleId,
      minQty: '100.0000',
      discountPercent: '5.0000',
    });
    // In June a higher-priority list for everyone wins over the general one, whatever the quantity.
    assert.deepEqual(await unit({ productId: pen.id, qty: '100', uomCode: 'PCS', date: '2026-06-15' }), [
      '2.3000',
      'JUNE-PROMO',
    ]);
    assert.deepEqual(await unit({ productId: pen.id, qty: '100', uomCode: 'PCS', date: '2026-07-01' }), [
      '2.3750',
      'GENERAL',
    ]);

    // A VIP customer: the group list beats the general one; quantity breaks at 120 and 1200 pieces.
    const asVip = (qty: string, more: Record<string, string> = {}) =>
      unit({ productId: pen.id, customerId: vip, qty, uomCode: 'PCS', ...more });
    assert.deepEqual(await asVip('10'), ['2.2000', 'VIP']);
    assert.deepEqual(await asVip('119'), ['2.2000', 'VIP']);
    assert.deepEqual(await asVip('120'), ['2.0000', 'VIP']);
    assert.deepEqual(await asVip('1199.5'), ['2.0000', 'VIP']);
    assert.deepEqual(await asVip('1200'), ['1.8500', 'VIP']);
    assert.deepEqual(
      await asVip('10', { date: '2026-08-15' }),
      ['1.6000', 'VIP'],
      'the August promotion rule',
    );
    assert.deepEqual(
      await asVip('120', { date: '2026-08-15' }),
      ['2.0000', 'VIP'],
      'the break still beats it',
    );
    assert.deepEqual(
      await asVip('10', { date: '2025-12-01' }),
      ['0.0100', 'OLD-VIP'],
      'the old list while valid',
    );
    // Paper has no own rule in VIP: its all-products 3 % applies, even where GENERAL would be cheaper.
    assert.deepEqual(await unit({ productId: paper.id, customerId: vip, qty: '100' }), ['20.8550', 'VIP']);
    // The customer's own list beats its group; where it has no rule, the group list still applies.
    assert.deepEqual(await unit({ productId: pen.id, customerId: acme, qty: '5000', uomCode: 'PCS' }), [
      '1.9500',
      'ACME',
    ]);
    assert.deepEqual(await unit({ productId: paper.id, customerId: acme, qty: '1' }), ['20.8550', 'VIP']);
    // A customer without a group: the general list, else the list price.
    assert.deepEqual(await unit({ productId: paper.id, customerId: plain, qty: '100' }), [
      '20.4250',
      'GENERAL',
    ]);
    assert.deepEqual(await unit({ productId: paper.id, customerId: plain, qty: '1' }), ['21.5000', 'list']);
    // A forced list; another currency (its own rules, else the list price at the day's rate).
    assert.deepEqual(
      await unit({
        productId: pen.id,
        customerId: acme,
        qty: '100',
        uomCode: 'PCS',
        priceListId: general.id,
      }),
      ['2.3750', 'GENERAL'],
    );
    const forcedUsd = await admin.get(
      `/api/v1/prices?productId=${pen.id}&qty=1&date=2026-03-10&currency=CNY&priceListId=${acmeList.id}&customerId=${vip}`,
    );
    assert.equal(forcedUsd.status, 200);
    assert.deepEqual(await unit({ productId: paper.id, qty: '1', currency: 'USD' }), ['3.1000', 'USD']);
    const noRate = await admin.get(`/api/v1/prices?productId=${pen.id}&qty=1&currency=USD&date=2026-03-10`);
    assert.equal(noRate.status, 422);
    assert.equal(noRate.body.error.code, 'catalog.no_exchange_rate');
    const rate = await admin.post('/api/v1/exchange-rates', {
      currency: 'USD',
      date: '2026-03-01',
      rate: '7.1',
    });
    assert.equal(rate.status, 201, JSON.stringify(rate.body));
    assert.deepEqual(
      await unit({ productId: pen.id, qty: '1', currency: 'USD' }),
      ['0.3521', 'list'],
      '2.5 / 7.1',
    );
    const wrongCurrency = await admin.get(
      `/api/v1/prices?productId=${pen.id}&currency=USD&priceListId=${general.id}&date=2026-03-10`,
    );
    assert.equal(wrongCurrency.status, 422);
    assert.equal(wrongCurrency.body.error.code, 'catalog.currency_mismatch');
    // The sale unit is the default unit of the question.
    await admin.patch(`/api/v1/products/${pen.id}`, { version: 1, saleUomCode: 'BOX' });
    const byDefault = await price({ productId: pen.id, customerId: vip });
    assert.deepEqual(
      [byDefault.uomCode, byDefault.qtyBase, byDefault.unitPrice],
      ['BOX', '12.0000', '26.4000'],
    );
    const wrongUnit = await admin.get(`/api/v1/prices?productId=${pen.id}&uomCode=KG`);
    assert.equal(wrongUnit.status, 422);
    assert.equal(wrongUnit.body.error.code, 'uom.category_mismatch');
  });

  test('rules are checked, replaced as a whole on PATCH; customers must exist; sales may only read', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const p = await product(admin, { salePrice: '10' });
    const cat = await category(admin);
    const other = await newCompany(ctx.db);
    const stranger = await signedIn(ctx.db, other.admin);
    const foreignProduct = await product(stranger);
    const foreignCustomer = await customer(stranger, 'Foreign Ltd');

    const bad: Array<[Record<string, unknown>, number, string]> = [
      [{ rules: [{ productId: p.id }] }, 422, 'catalog.rule_price_or_discount'],
      [
        { rules: [{ productId: p.id, price: '1', discountPercent: '5' }] },
        422,
        'catalog.rule_price_or_discount',
      ],
      [{ rules: [{ productId: p.id, categoryId: cat.id, price: '1' }] }, 422, 'catalog.rule_target'],
      [
        { rules: [{ price: '1', validFrom: '2026-02-01', validTo: '2026-01-01' }] },
        422,
        'catalog.dates_order',
      ],
      [{ rules: [{ productId: foreignProduct.id, price: '1' }] }, 422, 'catalog.product_unknown'],
      [{ rules: [{ discountPercent: '101' }] }, 400, 'validation'],
      [{ rules: [{ price: '-1' }] }, 400, 'validation'],
      [{ customerId: foreignCustomer }, 422, 'catalog.customer_unknown'],
      [{ customerId: '0190a8c0-0000-7000-8000-000000000000' }, 422, 'catalog.customer_unknown'],
      [{ customerId: foreignCustomer, customerGroup: 'VIP' }, 422, 'catalog.price_list_target'],
      [{ currency: 'XYZ' }, 422, 'catalog.currency_unknown'],
      [{ validFrom: '2026-02-01', validTo: '2026-01-01' }, 422, 'catalog.dates_order'],
    ];
    for (const [body, status, code] of bad) {
      const res = await admin.post('/api/v1/price-lists', { code: 'L1', name: { en: 'L1' }, ...body });
      assert.equal(res.status, status, `${JSON.stringify(body)} → ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.code, code);
    }
    const mine = await customer(admin, 'Delta Co');
    const list = await priceList(admin, {
      code: 'L1',
      customerId: mine,
      rules: [{ productId: p.id, price: '9' }],
    });
    assert.equal((await admin.post('/api/v1/price-lists', { code: 'l1', name: { en: 'x' } })).status, 409);

    const edited = await admin.patch(`/api/v1/price-lists/${list.id}`, {
      version: 1,
      rules: [
        { categoryId: cat.id, discountPercent: '12.5' },
        { minQty: '10', price: '7.25' },
      ],
    });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.equal(edited.body.version, 2);
    assert.deepEqual(
      edited.body.rules.map((r: any) => [r.productId, r.categoryId, r.minQty, r.price, r.discountPercent]),
      [
        [null, cat.id, '0.0000', null, '12.5000'],
        [null, null, '10.0000', '7.2500', null],
      ],
    );
    const renamed = await admin.patch(`/api/v1/price-lists/${list.id}`, { version: 2, priority: 3 });
    assert.equal(renamed.body.rules.length, 2, 'rules stay when not sent');
    assert.equal(
      (await admin.patch(`/api/v1/price-lists/${list.id}`, { version: 2, priority: 4 })).status,
      409,
    );
    const listed = await admin.get('/api/v1/price-lists');
    assert.deepEqual(
      listed.body.items.map((l: any) => [l.code, l.ruleCount, l.rules]),
      [['L1', 2, undefined]],
    );

    // A merged customer can no longer get a price list of its own.
    const survivor = await customer(admin, 'Epsilon Co');
    const merged = await customer(admin, 'Epsilon Company');
    const merge = await admin.post(`/api/v1/customers/${merged}/merge`, { survivorId: survivor, version: 1 });
    assert.equal(merge.status, 200, JSON.stringify(merge.body));
    const toMerged = await admin.patch(`/api/v1/price-lists/${list.id}`, { version: 3, customerId: merged });
    assert.equal(toMerged.status, 422);
    assert.equal(toMerged.body.error.code, 'catalog.customer_unknown');
    const unknownPrice = await admin.get(`/api/v1/prices?productId=${p.id}&customerId=${foreignCustomer}`);
    assert.equal(unknownPrice.status, 422);
    assert.equal(unknownPrice.body.error.code, 'catalog.customer_unknown');
    assert.equal((await admin.get(`/api/v1/prices?productId=${foreignProduct.id}`)).status, 422);

    const sales = await signedIn(ctx.db, await company.user('sales'));
    assert.equal((await sales.get('/api/v1/price-lists')).status, 200);
    assert.equal((await sales.get(`/api/v1/price-lists/${list.id}`)).status, 200);
    assert.equal((await sales.get(`/api/v1/prices?productId=${p.id}&qty=20&date=2026-01-05`)).status, 200);
    assert.equal((await sales.post('/api/v1/price-lists', { code: 'S', name: { en: 's' } })).status, 403);
    assert.equal(
      (await sales.patch(`/api/v1/price-lists/${list.id}`, { version: 3, priority: 1 })).status,
      403,
    );
    const warehouse = await signedIn(ctx.db, await company.user('warehouse'));
    assert.equal((await warehouse.get('/api/v1/price-lists')).status, 403);
    assert.equal((await stranger.get(`/api/v1/price-lists/${list.id}`)).status, 404);
    assert.equal(
      (await stranger.patch(`/api/v1/price-lists/${list.id}`, { version: 3, priority: 1 })).status,
      404,
    );
  });
});
