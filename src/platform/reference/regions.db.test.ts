import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { Client, describeDb, newCompany, signedIn, testApp } from '../../../test/kit/index.ts';
import { one } from '../db/tx.ts';
import { ensureRegions } from './regions.ts';

describeDb('regions API', (ctx) => {
  test('ensureRegions is idempotent and corrects a changed name without duplicating anything', async () => {
    await ensureRegions(ctx.db.orm);
    await ensureRegions(ctx.db.orm);
    const count = async () =>
      (await one<{ n: number }>(ctx.db.orm, sql`select count(*)::int as n from platform_region`))?.n;
    const before = await count();
    assert.ok(before && before >= 41);
    await ctx.db.orm.execute(
      sql`update platform_region set name = '{"en": "Wrong"}'::jsonb where code = 'CN-SH'`,
    );
    await ensureRegions(ctx.db.orm);
    assert.equal(await count(), before);
    const sh = await one<{ name: Record<string, string> }>(
      ctx.db.orm,
      sql`select name from platform_region where code = 'CN-SH'`,
    );
    assert.deepEqual(sh?.name, { 'zh-CN': '上海市', en: 'Shanghai' });
  });

  test('countries at the top, China’s 34 provincial-level divisions under CN, in both languages', async () => {
    await ensureRegions(ctx.db.orm);
    const company = await newCompany(ctx.db);
    const sales = await signedIn(ctx.db, await company.user('sales'));
    const countries = await sales.get('/api/v1/regions');
    assert.equal(countries.status, 200);
    const codes = countries.body.items.map((r: any) => r.code);
    for (const code of ['CN', 'US', 'GB', 'DE', 'JP', 'HK', 'SG']) assert.ok(codes.includes(code), code);
    assert.ok(countries.body.items.every((r: any) => r.level === 'country' && r.parentCode === null));

    const china = await sales.get('/api/v1/regions?parent=CN');
    assert.equal(china.body.items.length, 34);
    assert.ok(
      china.body.items.every((r: any) => /^CN-[A-Z]{2}$/.test(r.code) && r.name['zh-CN'] && r.name.en),
    );
    const gd = china.body.items.find((r: any) => r.code === 'CN-GD');
    assert.deepEqual(gd, {
      code: 'CN-GD',
      parentCode: 'CN',
      level: 'subdivision',
      name: { 'zh-CN': '广东省', en: 'Guangdong' },
    });
    const search = await sales.get(`/api/v1/regions?parent=CN&q=${encodeURIComponent('北京')}`);
    assert.deepEqual(
      search.body.items.map((r: any) => r.code),
      ['CN-BJ'],
    );
    assert.equal((await sales.get('/api/v1/regions/CN-SH')).body.name.en, 'Shanghai');
    assert.equal((await sales.get('/api/v1/regions/XX')).status, 404);
    assert.equal((await sales.get('/api/v1/regions?parent=cn')).status, 400);
    assert.equal(
      (await sales.get(`/api/v1/regions?parent=${encodeURIComponent("CN' or 1=1--")}`)).status,
      400,
    );
    assert.equal((await sales.get('/api/v1/regions?parent=US')).body.items.length, 0);
  });

  test('regions are read-only and need a sign-in', async () => {
    await ensureRegions(ctx.db.orm);
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    assert.equal((await admin.post('/api/v1/regions', { code: 'XX' })).status, 404);
    assert.equal((await admin.patch('/api/v1/regions/CN', { name: { en: 'x' } })).status, 404);
    assert.equal((await admin.delete('/api/v1/regions/CN')).status, 404);
    assert.equal((await new Client(await testApp(ctx.db)).get('/api/v1/regions')).status, 401);
    const cn = await one<{ name: Record<string, string> }>(
      ctx.db.orm,
      sql`select name from platform_region where code = 'CN'`,
    );
    assert.equal(cn?.name.en, 'China');
  });
});
