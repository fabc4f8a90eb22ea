import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeDb, newCompany, signedIn } from '../../../../test/kit/index.ts';
import { category } from '../fixtures.ts';

describeDb('catalog categories: a tree without cycles', (ctx) => {
  test('create, move, refuse cycles and taken codes; sales may read, not manage', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const office = await category(admin, { code: 'OFFICE', name: { 'zh-CN': '办公用品', en: 'Office' } });
    const paper = await category(admin, { code: 'PAPER', parentId: office.id });
    const a4 = await category(admin, { code: 'A4', parentId: paper.id });

    const self = await admin.patch(`/api/v1/product-categories/${office.id}`, {
      version: 1,
      parentId: office.id,
    });
    assert.equal(self.status, 422);
    assert.equal(self.body.error.code, 'catalog.category_cycle');
    const loop = await admin.patch(`/api/v1/product-categories/${office.id}`, {
      version: 1,
      parentId: a4.id,
    });
    assert.equal(loop.status, 422);
    assert.equal(loop.body.error.code, 'catalog.category_cycle');
    const moved = await admin.patch(`/api/v1/product-categories/${a4.id}`, {
      version: 1,
      parentId: office.id,
    });
    assert.equal(moved.status, 200);
    assert.equal(moved.body.parentId, office.id);
    const root = await admin.patch(`/api/v1/product-categories/${a4.id}`, { version: 2, parentId: null });
    assert.equal(root.body.parentId, null);

    const dup = await admin.post('/api/v1/product-categories', { code: 'office', name: { en: 'x' } });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.error.code, 'catalog.category_code_taken');
    const noParent = await admin.post('/api/v1/product-categories', {
      code: 'X',
      name: { en: 'x' },
      parentId: '0190a8c0-0000-7000-8000-000000000000',
    });
    assert.equal(noParent.status, 422);
    assert.equal((await admin.post('/api/v1/product-categories', { code: 'X', name: {} })).status, 400);

    const list = await admin.get('/api/v1/product-categories');
    assert.deepEqual(
      list.body.items.map((c: any) => c.code),
      ['A4', 'OFFICE', 'PAPER'],
    );
    assert.deepEqual(
      (await admin.get(`/api/v1/product-categories?parentId=${office.id}`)).body.items.map(
        (c: any) => c.code,
      ),
      ['PAPER'],
    );
    assert.deepEqual(
      (await admin.get(`/api/v1/product-categories?q=${encodeURIComponent('办公')}`)).body.items.map(
        (c: any) => c.code,
      ),
      ['OFFICE'],
    );

    const sales = await signedIn(ctx.db, await company.user('sales'));
    assert.equal((await sales.get('/api/v1/product-categories')).status, 200);
    assert.equal(
      (await sales.post('/api/v1/product-categories', { code: 'S', name: { en: 's' } })).status,
      403,
    );
    const stranger = await signedIn(ctx.db, (await newCompany(ctx.db)).admin);
    assert.equal((await stranger.get(`/api/v1/product-categories/${office.id}`)).status, 404);
    assert.equal(
      (await stranger.patch(`/api/v1/product-categories/${office.id}`, { version: 1, active: false })).status,
      404,
    );
    const foreignParent = await stranger.post('/api/v1/product-categories', {
      code: 'Y',
      name: { en: 'y' },
      parentId: office.id,
    });
    assert.equal(foreignParent.status, 422);
  });
});
