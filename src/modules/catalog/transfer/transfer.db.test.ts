import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type Client, describeDb, newCompany, signedIn } from '../../../../test/kit/index.ts';
import { rows } from '../../../platform/db/tx.ts';
import { category, packagingUnit, product } from '../fixtures.ts';

function importCsv(client: Client, csv: string, dryRun = false) {
  const query = new URLSearchParams({ entity: 'catalog.product', fileName: 'products.csv' });
  if (dryRun) query.set('dryRun', 'true');
  return client.request('POST', `/api/v1/imports?${query}`, undefined, { raw: csv, contentType: 'text/csv' });
}

const HEADER =
  'sku,nameZh,nameEn,category,kind,uom,packaging,barcode,salePrice,taxCode,lotTracked,expiryTracked\n';

describeDb('catalog import and export of products', (ctx) => {
  test('a CSV of products: good rows created, an existing SKU updated, bad rows listed by column; undo deletes the new', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    await packagingUnit(admin);
    await category(admin, { code: 'TEA' });
    await product(admin, { sku: 'EXISTING' });
    const csv =
      HEADER +
      'TEA-LJ,西湖龙井,Longjing,TEA,库存,pcs,BOX=12,6901234567892,"1,368.00",VAT13-OUT,是,是\n' +
      'TEA-PE,普洱,,tea,,PCS,,,258,,,\n' +
      'EXISTING,重复,,,,PCS,,,1,,,\n' +
      'BAD-CAT,坏分类,,NOPE,,PCS,,,1,,,\n' +
      'BAD-UNIT,坏单位,,,,FURLONG,,,1,,,\n' +
      'BAD-PACK,坏包装,,,,PCS,BOX twelve,,1,,,\n' +
      'NO-NAME,,,,,PCS,,,1,,,\n' +
      'BAD-FLAG,旗,,,,PCS,,,1,,maybe,\n';
    const dry = await importCsv(admin, csv, true);
    assert.equal(dry.status, 201, JSON.stringify(dry.body));
    assert.deepEqual([dry.body.okRows, dry.body.errorRows], [3, 5]);
    assert.deepEqual(dry.body.diff, { new: 2, updated: 1, unchanged: 0, conflicts: 0, errors: 5 });
    assert.equal(
      (await rows(ctx.db.orm, sql`select 1 from catalog_product where company_id = ${company.id}`)).length,
      1,
    );

    const res = await importCsv(admin, csv);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual([res.body.okRows, res.body.errorRows], [3, 5]);
    const errors = await admin.get(`/api/v1/imports/${res.body.id}/errors`);
    assert.deepEqual(
      errors.body.items.map((i: any) => [i.rowNo, i.errors[0].column, i.errors[0].code]),
      [
        [5, 'category', 'catalog.category_unknown'],
        [6, 'uom', 'catalog.unit_unknown'],
        [7, 'packaging', 'invalid'],
        [8, 'nameZh', 'invalid'],
        [9, 'lotTracked', 'invalid'],
      ],
    );
    const lj = await admin.get('/api/v1/products/lookup?code=TEA-LJ');
    assert.deepEqual(
      [
        lj.body.name,
        lj.body.salePrice,
        lj.body.lotTracked,
        lj.body.expiryTracked,
        lj.body.units,
        lj.body.taxCode,
      ],
      [
        { 'zh-CN': '西湖龙井', en: 'Longjing' },
        '1368.0000',
        true,
        true,
        [{ uomCode: 'BOX', factor: '12', barcode: null }],
        'VAT13-OUT',
      ],
    );
    const pe = await admin.get('/api/v1/products/lookup?code=TEA-PE');
    assert.ok(pe.body.categoryId, 'the category code matched regardless of case');

    const undo = await admin.post(`/api/v1/imports/${res.body.id}/undo`, { version: res.body.version });
    assert.equal(undo.status, 200, JSON.stringify(undo.body));
    const left = await rows<{ sku: string }>(
      ctx.db.orm,
      sql`select sku from catalog_product where company_id = ${company.id}`,
    );
    assert.deepEqual(
      left.map((r) => r.sku),
      ['EXISTING'],
    );
  });

  test('the product list as CSV in the import columns; filters apply; sales may export', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    await packagingUnit(admin);
    const tea = await category(admin, { code: 'TEA' });
    await product(admin, {
      sku: 'TEA-1',
      name: { 'zh-CN': '绿茶', en: 'Green tea' },
      categoryId: tea.id,
      salePrice: '12.5',
      units: [{ uomCode: 'BOX', factor: '12' }],
    });
    await product(admin, { sku: 'FORM-1', name: { 'zh-CN': '+formula', en: '=cmd' } });
    const res = await admin.get(`/api/v1/products/export.csv?categoryId=${tea.id}`);
    assert.equal(res.status, 200);
    const lines = String(res.raw.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0], /^SKU,Name \(Chinese\),Name \(English\),Category code/);
    assert.match(lines[1], /^TEA-1,绿茶,Green tea,TEA,stocked,PCS,,BOX=12,,12\.5000,CNY,/);
    const all = await admin.get('/api/v1/products/export.csv');
    assert.match(String(all.raw.body), /FORM-1,'\+formula,'=cmd,/, 'formulas are neutralised');
    const sales = await signedIn(ctx.db, await company.user('sales'));
    assert.equal((await sales.get('/api/v1/products/export.xlsx')).status, 200);
    const viewer = await signedIn(ctx.db, await company.user('viewer'));
    assert.equal((await viewer.get('/api/v1/products/export.csv')).status, 403);
  });
});
