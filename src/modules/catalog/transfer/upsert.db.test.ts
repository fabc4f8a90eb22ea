import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type Client, describeDb, newCompany, signedIn } from '../../../../test/kit/index.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { one } from '../../../platform/db/tx.ts';
import { category, packagingUnit } from '../fixtures.ts';

async function importCsv(client: Client, csv: string, dryRun = false) {
  const query = new URLSearchParams({ entity: 'catalog.product', fileName: 'products.csv' });
  if (dryRun) query.set('dryRun', 'true');
  const res = await client.request('POST', `/api/v1/imports?${query}`, undefined, {
    raw: csv,
    contentType: 'text/csv',
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

const audits = async (db: Db, companyId: string) =>
  (await one<{ n: number }>(
    db.orm,
    sql`select count(*)::int as n from platform_audit_log where company_id = ${companyId} and entity = 'catalog.product'`,
  ))!.n;

const HEADER = 'sku,nameZh,nameEn,category,uom,packaging,barcode,salePrice,lotTracked\n';
const FILE =
  HEADER +
  'TEA-1,龙井,Longjing,TEA,PCS,BOX=12,6901234567892,"1,368.00",是\n' +
  'TEA-2,普洱,,tea,pcs,,,258,\n' +
  'TEA-3,白茶,,,PCS,,,99.5,否\n';

describeDb('product import upserts by SKU', (ctx) => {
  test('the same file twice: the second time every row is unchanged, nothing written or audited', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    await packagingUnit(admin);
    await category(admin, { code: 'TEA' });
    const first = await importCsv(admin, FILE);
    assert.deepEqual(first.diff, { new: 3, updated: 0, unchanged: 0, conflicts: 0, errors: 0 });
    const before = (await admin.get('/api/v1/products/lookup?code=TEA-1')).body;
    const audited = await audits(ctx.db, company.id);

    const dry = await importCsv(admin, FILE, true);
    assert.deepEqual(dry.diff, { new: 0, updated: 0, unchanged: 3, conflicts: 0, errors: 0 });
    const again = await importCsv(admin, FILE);
    assert.deepEqual(again.diff, { new: 0, updated: 0, unchanged: 3, conflicts: 0, errors: 0 });
    const after = (await admin.get('/api/v1/products/lookup?code=TEA-1')).body;
    assert.equal(after.version, before.version, 'an equal row does not touch the product');
    assert.equal(await audits(ctx.db, company.id), audited, 'no audit entry for unchanged rows');

    // A changed price and a barcode another product already has: one update, one conflict.
    const changed =
      HEADER +
      'TEA-1,龙井,Longjing,TEA,PCS,BOX=12,6901234567892,1388,是\n' +
      'TEA-2,普洱,,tea,pcs,,6901234567892,258,\n' +
      'TEA-3,白茶,,,PCS,,,99.50,否\n' +
      'TEA-4,红茶,,,PCS,,,10,\n';
    const diff = await importCsv(admin, changed, true);
    assert.deepEqual(diff.diff, { new: 1, updated: 1, unchanged: 1, conflicts: 1, errors: 0 });
    const conflicts = await admin.get(`/api/v1/imports/${diff.id}/errors?outcome=conflict`);
    assert.deepEqual(
      conflicts.body.items.map((i: any) => [i.rowNo, i.outcome, i.errors[0].column]),
      [[3, 'conflict', 'barcode']],
    );
    assert.equal((await admin.get('/api/v1/products/lookup?code=TEA-1')).body.salePrice, '1368.0000');
    const real = await importCsv(admin, changed);
    assert.deepEqual(real.diff, diff.diff, 'the dry run told what the import did');
    const updated = (await admin.get('/api/v1/products/lookup?code=TEA-1')).body;
    assert.deepEqual([updated.salePrice, updated.version], ['1388.0000', before.version + 1]);

    // Undo removes the product the batch made and leaves the ones it only updated.
    const undo = await admin.post(`/api/v1/imports/${real.id}/undo`, { version: real.version });
    assert.equal(undo.status, 200, JSON.stringify(undo.body));
    assert.equal((await admin.get('/api/v1/products/lookup?code=TEA-4')).status, 404);
    assert.equal((await admin.get('/api/v1/products/lookup?code=TEA-1')).status, 200);
  });
});
