import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, newCompany, signedIn } from '../../../../test/kit/index.ts';
import { rows } from '../../../platform/db/tx.ts';
import { category, packagingUnit, product } from '../fixtures.ts';

describeDb('catalog products: master data, validation, search, access', (ctx) => {
  test('create, read and edit a product with a box packaging; audited, published, versioned', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    await packagingUnit(admin);
    const tea = await category(admin, { code: 'TEA', name: { 'zh-CN': '茶叶', en: 'Tea' } });
    const res = await admin.post('/api/v1/products', {
      sku: 'TEA-LJ-250',
      name: { 'zh-CN': '西湖龙井 250g', en: 'Longjing tea 250 g', fr: '  ' },
      categoryId: tea.id,
      uomCode: 'PCS',
      saleUomCode: 'BOX',
      barcode: '6901234567892',
      salePrice: '368',
      taxCode: 'VAT13-OUT',
      lotTracked: true,
      expiryTracked: true,
      weightKg: '0.3',
      units: [{ uomCode: 'BOX', factor: '12', barcode: '16901234567899' }],
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const p = res.body;
    assert.deepEqual(
      p.name,
      { 'zh-CN': '西湖龙井 250g', en: 'Longjing tea 250 g' },
      'blank names are dropped',
    );
    assert.equal(p.displayName, 'Longjing tea 250 g', 'the English user sees the English name');
    assert.equal(p.salePrice, '368.0000');
    assert.equal(p.currency, 'CNY');
    assert.equal(p.saleUomCode, 'BOX');
    assert.equal(p.kind, 'stocked');
    assert.equal(p.procureMethod, 'buy');
    assert.deepEqual(p.units, [{ uomCode: 'BOX', factor: '12', barcode: '16901234567899' }]);
    assert.equal(p.version, 1);

    const got = await admin.get(`/api/v1/products/${p.id}`);
    assert.equal(got.status, 200);
    assert.deepEqual(got.body, p);

    const edited = await admin.patch(`/api/v1/products/${p.id}`, {
      version: 1,
      salePrice: '388.50',
      units: [
        { uomCode: 'BOX', factor: '10' },
        { uomCode: 'KG', factor: '3.3333' },
      ],
    });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.equal(edited.body.salePrice, '388.5000');
    assert.equal(edited.body.version, 2);
    assert.deepEqual(
      edited.body.units.map((u: any) => [u.uomCode, u.factor]),
      [
        ['KG', '3.3333'],
        ['BOX', '10'],
      ],
    );
    const stale = await admin.patch(`/api/v1/products/${p.id}`, { version: 1, salePrice: '1' });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'stale_version');

    const audit = await rows<{ action: string; changes: any }>(
      ctx.db.orm,
      sql`select action, changes from platform_audit_log where company_id = ${company.id} and entity = 'catalog.product'
            and entity_id = ${p.id} order by id`,
    );
    assert.deepEqual(
      audit.map((a) => a.action),
      ['create', 'update'],
    );
    assert.deepEqual(audit[1].changes.salePrice, { before: '368.0000', after: '388.5000' });
    const events = await rows<{ type: string; payload: any }>(
      ctx.db.orm,
      sql`select type, payload from platform_event where company_id = ${company.id} and aggregate_id = ${p.id} order by id`,
    );
    assert.deepEqual(
      events.map((e) => [e.type, e.payload.sku]),
      [
        ['product.created', 'TEA-LJ-250'],
        ['product.updated', 'TEA-LJ-250'],
      ],
    );
  });

  test('bad input is a 400, broken rules 422, taken codes 409 — and nothing is written', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    await packagingUnit(admin);
    const base = { sku: 'PEN-1', name: { en: 'Pen' }, uomCode: 'PCS' };
    for (const bad of [
      {},
      { ...base, name: {} },
      { ...base, name: { en: '   ' } },
      { ...base, name: { english: 'Pen' } },
      { ...base, sku: '' },
      { ...base, sku: 'has space' },
      { ...base, salePrice: '-1' },
      { ...base, salePrice: 2.5 },
      { ...base, salePrice: '1e3' },
      { ...base, kind: 'gadget' },
      { ...base, procureMethod: 'steal' },
      { ...base, units: [{ uomCode: 'BOX', factor: '0' }] },
      { ...base, weightKg: '-0.5' },
      { ...base, companyId: company.id },
    ]) {
      const r = await admin.post('/api/v1/products', bad);
      assert.equal(r.status, 400, JSON.stringify(bad));
      assert.equal(r.body.error.code, 'validation');
    }
    const unprocessable: Array<[Record<string, unknown>, string]> = [
      [{ ...base, expiryTracked: true }, 'catalog.expiry_needs_lot'],
      [{ ...base, kind: 'service', lotTracked: true }, 'catalog.service_not_tracked'],
      [{ ...base, uomCode: 'FURLONG' }, 'catalog.unit_unknown'],
      [{ ...base, units: [{ uomCode: 'CRATE', factor: '6' }] }, 'catalog.unit_unknown'],
      [{ ...base, units: [{ uomCode: 'PCS', factor: '1' }] }, 'catalog.unit_is_stock_unit'],
      [
        {
          ...base,
          units: [
            { uomCode: 'BOX', factor: '6' },
            { uomCode: 'BOX', factor: '12' },
          ],
        },
        'catalog.unit_twice',
      ],
      [{ ...base, saleUomCode: 'KG' }, 'uom.category_mismatch'],
      [{ ...base, taxCode: 'VAT99' }, 'catalog.tax_code_unknown'],
      [{ ...base, currency: 'XYZ' }, 'catalog.currency_unknown'],
      [{ ...base, categoryId: '0190a8c0-0000-7000-8000-000000000000' }, 'catalog.category_unknown'],
    ];
    for (const [body, code] of unprocessable) {
      const r = await admin.post('/api/v1/products', body);
      assert.equal(r.status, 422, `${JSON.stringify(body)} → ${JSON.stringify(r.body)}`);
      assert.equal(r.body.error.code, code);
    }
    const pen = await product(admin, {
      ...base,
      barcode: '6900000000017',
      units: [{ uomCode: 'BOX', factor: '12', barcode: 'BOX-PEN' }],
    });
    for (const [body, code] of [
      [{ ...base, sku: 'pen-1' }, 'catalog.sku_taken'],
      [{ ...base, sku: 'PEN-2', barcode: '6900000000017' }, 'catalog.barcode_taken'],
      [{ ...base, sku: 'PEN-2', barcode: 'BOX-PEN' }, 'catalog.barcode_taken'],
      [
        { ...base, sku: 'PEN-2', units: [{ uomCode: 'BOX', factor: '6', barcode: '6900000000017' }] },
        'catalog.barcode_taken',
      ],
      [
        { ...base, sku: 'PEN-2', barcode: 'X-1', units: [{ uomCode: 'BOX', factor: '6', barcode: 'X-1' }] },
        'catalog.barcode_taken',
      ],
    ] as Array<[Record<string, unknown>, string]>) {
      const r = await admin.post('/api/v1/products', body);
      assert.equal(r.status, 409, `${JSON.stringify(body)} → ${JSON.stringify(r.body)}`);
      assert.equal(r.body.error.code, code);
    }
    const other = await product(admin, { sku: 'PEN-3' });
    const taken = await admin.patch(`/api/v1/products/${other.id}`, { version: 1, sku: 'PEN-1' });
    assert.equal(taken.status, 409);
    assert.equal(taken.body.error.code, 'catalog.sku_taken');
    const self = await admin.patch(`/api/v1/products/${pen.id}`, {
      version: 1,
      barcode: '6900000000017',
      name: { 'zh-CN': '笔' },
    });
    assert.equal(self.status, 200, 'a product keeps its own codes');
    assert.deepEqual(self.body.name, { 'zh-CN': '笔' });
    const count = await rows(ctx.db.orm, sql`select 1 from catalog_product where company_id = ${company.id}`);
    assert.equal(count.length, 2);
  });

  test('search by SKU, any name, pinyin, initials and barcode; filters; cursor paging', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const office = await category(admin, { code: 'OFFICE' });
    const paper = await category(admin, { code: 'PAPER', parentId: office.id });
    const a = await product(admin, {
      sku: 'PAP-A4',
      name: { 'zh-CN': '复印纸 A4', en: 'Copy paper A4' },
      categoryId: paper.id,
      barcode: '6901111111111',
    });
    const b = await product(admin, {
      sku: 'WRT-GEL',
      name: { 'zh-CN': '中性笔', en: 'Gel pen' },
      categoryId: office.id,
    });
    const c = await product(admin, {
      sku: 'SRV-SETUP',
      name: { 'zh-CN': '安装服务', en: 'Setup' },
      kind: 'service',
      uomCode: 'H',
    });
    const search = async (qs: string) =>
      (await admin.get(`/api/v1/products?${qs}`)).body.items.map((p: any) => p.sku);
    assert.deepEqual(await search('q=pap-a4'), ['PAP-A4']);
    assert.deepEqual(await search(`q=${encodeURIComponent('复印')}`), ['PAP-A4']);
    assert.deepEqual(await search('q=fuyinzhi'), ['PAP-A4']);
    assert.deepEqual(await search('q=zxb'), ['WRT-GEL'], 'initials of 中性笔');
    assert.deepEqual(await search('q=gel%20pen'), ['WRT-GEL']);
    assert.deepEqual(await search('q=6901111111111'), ['PAP-A4']);
    assert.deepEqual(await search(`q=${encodeURIComponent('１００%')}`), [], 'LIKE wildcards are literal');
    assert.deepEqual(
      await search(`categoryId=${office.id}`),
      ['PAP-A4', 'WRT-GEL'],
      'the category and below',
    );
    assert.deepEqual(await search(`categoryId=${paper.id}`), ['PAP-A4']);
    assert.deepEqual(await search('kind=service'), ['SRV-SETUP']);
    await admin.patch(`/api/v1/products/${b.id}`, { version: 1, active: false, name: { en: 'Ballpoint' } });
    assert.deepEqual(await search('active=true'), ['PAP-A4', 'SRV-SETUP']);
    assert.deepEqual(await search('q=gel%20pen'), [], 'search text follows the edit');
    assert.deepEqual(await search('q=ballpoint'), ['WRT-GEL']);

    const first = await admin.get('/api/v1/products?limit=2');
    assert.equal(first.body.items.length, 2);
    const second = await admin.get(`/api/v1/products?limit=2&cursor=${first.body.nextCursor}`);
    assert.deepEqual(
      second.body.items.map((p: any) => p.id),
      [b.id],
    );
    assert.equal(second.body.nextCursor, null);
    const newest = await admin.get('/api/v1/products?sort=createdAt&limit=1');
    assert.equal(newest.body.items[0].id, c.id);
    const bad = await admin.get('/api/v1/products?cursor=garbage');
    assert.equal(bad.status, 400);
    assert.ok(a.id);
  });

  test('lookup by SKU, barcode or packaging barcode (scanner input)', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    await packagingUnit(admin);
    const p = await product(admin, {
      sku: 'ELC-LED',
      barcode: '6902222222222',
      units: [{ uomCode: 'BOX', factor: '100', barcode: '16902222222229' }],
    });
    const look = (code: string) => admin.get(`/api/v1/products/lookup?code=${encodeURIComponent(code)}`);
    const bySku = await look('elc-led');
    assert.equal(bySku.status, 200, JSON.stringify(bySku.body));
    assert.equal(bySku.body.id, p.id);
    assert.equal(bySku.body.matchedBy, 'sku');
    const byBarcode = await look('6902222222222');
    assert.deepEqual([byBarcode.body.matchedBy, byBarcode.body.matchedUomCode], ['barcode', 'PCS']);
    const byBox = await look('16902222222229');
    assert.deepEqual(
      [byBox.body.id, byBox.body.matchedBy, byBox.body.matchedUomCode],
      [p.id, 'unit_barcode', 'BOX'],
    );
    assert.equal((await look('nothing')).status, 404);
  });

  test('the sales role reads but cannot create or edit; another company sees 404', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const p = await product(admin);
    const sales = await signedIn(ctx.db, await company.user('sales'));
    assert.equal((await sales.get('/api/v1/products')).status, 200);
    assert.equal((await sales.get(`/api/v1/products/${p.id}`)).status, 200);
    const create = await sales.post('/api/v1/products', { sku: 'X-1', name: { en: 'X' }, uomCode: 'PCS' });
    assert.equal(create.status, 403);
    const edit = await sales.patch(`/api/v1/products/${p.id}`, { version: 1, salePrice: '0' });
    assert.equal(edit.status, 403);
    const purchasing = await signedIn(ctx.db, await company.user('purchasing'));
    assert.equal(
      (await purchasing.patch(`/api/v1/products/${p.id}`, { version: 1, salePrice: '9' })).status,
      200,
    );

    const other = await newCompany(ctx.db);
    const stranger = await signedIn(ctx.db, other.admin);
    assert.equal((await stranger.get(`/api/v1/products/${p.id}`)).status, 404);
    assert.equal(
      (await stranger.patch(`/api/v1/products/${p.id}`, { version: 2, salePrice: '0' })).status,
      404,
    );
    assert.deepEqual((await stranger.get('/api/v1/products')).body.items, []);
    assert.equal((await stranger.get(`/api/v1/products/lookup?code=${p.sku}`)).status, 404);
  });
});
