import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Client, describeDb, newCompany, signedIn } from '../../../../test/kit/index.ts';
import { product } from '../fixtures.ts';

async function importCsv(client: Client, lines: string[][], dryRun = false) {
  const body = `${lines.map((l) => l.join(',')).join('\n')}\n`;
  const res = await client.request(
    'POST',
    `/api/v1/imports?entity=catalog.price_item&fileName=p.csv&dryRun=${dryRun}`,
    undefined,
    { raw: Buffer.from(body, 'utf8'), contentType: 'text/csv' },
  );
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const errors = await client.get(`/api/v1/imports/${res.body.id}/errors`);
  return { batch: res.body, errors: errors.body.items as Array<{ rowNo: number; errors: any[] }> };
}

describeDb('importing price list items', (ctx) => {
  test('prices by (list, SKU, quantity): new, unchanged twice, updated; bad rows by column; undo', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const tea = await product(admin, { sku: 'TEA-1' });
    await product(admin, { sku: 'TEA-2' });
    const list = (await admin.post('/api/v1/price-lists', { code: 'WHOLESALE', name: { en: 'Wholesale' } }))
      .body;
    const template = await admin.get('/api/v1/imports/templates/catalog.price_item');
    assert.equal(template.body.columns[0].label['zh-CN'], '价格表编码');

    const file = [
      ['价格表编码', '物料编码', '起订数量', '价格', '折扣（%）'],
      ['wholesale', 'TEA-1', '', '158.00', ''],
      ['WHOLESALE', 'TEA-1', '10', '150', ''],
      ['WHOLESALE', 'TEA-2', '', '', '7.5'],
      ['NOPE', 'TEA-1', '', '1', ''],
      ['WHOLESALE', 'NOPE', '', '1', ''],
      ['WHOLESALE', 'TEA-2', '5', '1', '5'],
    ];
    const first = await importCsv(admin, file);
    assert.deepEqual(first.batch.diff, { new: 3, updated: 0, unchanged: 0, conflicts: 0, errors: 3 });
    assert.deepEqual(
      first.errors.map((e) => [e.rowNo, e.errors[0].column]),
      [
        [5, 'priceList'],
        [6, 'sku'],
        [7, 'price'],
      ],
    );
    const rules = (await admin.get(`/api/v1/price-lists/${list.id}`)).body.rules;
    assert.equal(rules.length, 3);
    assert.ok(
      rules.some((r: any) => r.productId === tea.id && Number(r.minQty) === 10 && Number(r.price) === 150),
    );

    const again = await importCsv(admin, file, true);
    assert.deepEqual(again.batch.diff, { new: 0, updated: 0, unchanged: 3, conflicts: 0, errors: 3 });
    const changed = await importCsv(admin, [
      ['priceList', 'sku', 'price'],
      ['WHOLESALE', 'TEA-1', '160'],
    ]);
    assert.deepEqual(changed.batch.diff, { new: 0, updated: 1, unchanged: 0, conflicts: 0, errors: 0 });

    const undo = await admin.post(`/api/v1/imports/${first.batch.id}/undo`, { version: first.batch.version });
    assert.equal(undo.status, 200, JSON.stringify(undo.body));
    assert.equal((await admin.get(`/api/v1/price-lists/${list.id}`)).body.rules.length, 0);
  });
});
