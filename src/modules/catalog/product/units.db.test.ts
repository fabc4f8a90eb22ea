import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeDb, newCompany, signedIn } from '../../../../test/kit/index.ts';
import { withTransaction } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { packagingUnit, product } from '../fixtures.ts';
import { getProducts, toStockQty } from '../index.ts';

async function refused(promise: Promise<unknown>, status: number, code: string) {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof AppError, String(e));
    assert.equal(e.status, status);
    assert.equal(e.code, code);
    return true;
  });
}

describeDb('catalog units: packagings and platform unit categories', (ctx) => {
  test('a box of 12 through the packaging; kg ↔ g through the platform; mismatches are 422', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    await packagingUnit(admin);
    await packagingUnit(admin, 'CTN');
    const pen = await product(admin, { units: [{ uomCode: 'BOX', factor: '12' }] });
    const tea = await product(admin, { uomCode: 'KG', saleUomCode: 'G' });
    const other = await newCompany(ctx.db);
    const stranger = await signedIn(ctx.db, other.admin);
    const foreign = await product(stranger);
    await withTransaction(ctx.db, async (tx) => {
      const stock = (id: string, qty: string, uom: string) => toStockQty(tx, company.id, id, qty, uom);
      assert.equal(await stock(pen.id, '3', 'BOX'), '36.0000');
      assert.equal(await stock(pen.id, '0.5', 'BOX'), '6.0000');
      assert.equal(await stock(pen.id, '7', 'PCS'), '7.0000');
      assert.equal(await stock(pen.id, '2', 'BOX12'), '24.0000', 'a platform unit of the same category');
      assert.equal(await stock(tea.id, '250', 'G'), '0.2500');
      assert.equal(await stock(tea.id, '1', 'T'), '1000.0000');
      assert.equal(await stock(tea.id, '0.00001', 'G'), '0.0000', 'rounded to 4 decimals');
      await refused(stock(pen.id, '1', 'KG'), 422, 'uom.category_mismatch');
      await refused(stock(pen.id, '1', 'CTN'), 422, 'uom.category_mismatch');
      await refused(stock(tea.id, '1', 'BOX'), 422, 'uom.category_mismatch');
      await refused(stock(pen.id, '1', 'NOPE'), 422, 'catalog.unit_unknown');
      await refused(stock(foreign.id, '1', 'PCS'), 422, 'catalog.product_unknown');
      await refused(stock(pen.id, 'lots', 'PCS'), 422, 'catalog.qty_invalid');

      const found = await getProducts(tx, company.id, [pen.id, tea.id, pen.id]);
      assert.equal(found.size, 2);
      assert.deepEqual(found.get(tea.id), {
        id: tea.id,
        sku: tea.sku,
        name: tea.name,
        kind: 'stocked',
        uomCode: 'KG',
        saleUomCode: 'G',
        taxCode: null,
        salePrice: '0.0000',
        currency: 'CNY',
        lotTracked: false,
        expiryTracked: false,
        procureMethod: 'buy',
        active: true,
      });
      assert.equal(found.get(pen.id)?.saleUomCode, 'PCS', 'the stock unit when no sale unit is set');
      await assert.rejects(getProducts(tx, company.id, [pen.id, foreign.id, 'not-an-id']), (e: any) => {
        assert.equal(e.code, 'catalog.product_unknown');
        assert.equal(e.status, 422);
        assert.deepEqual(new Set(e.details.ids), new Set(['not-an-id']));
        return true;
      });
      await assert.rejects(getProducts(tx, company.id, [pen.id, foreign.id]), (e: any) => {
        assert.deepEqual(e.details.ids, [foreign.id]);
        return true;
      });
      assert.equal((await getProducts(tx, company.id, [])).size, 0);
    });
  });
});
