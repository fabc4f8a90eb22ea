import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Client, describeDb, newCompany, signedIn } from '../../../../test/kit/index.ts';

const USCC = '91350100M000100Y43';

async function importCsv(client: Client, lines: string[][], dryRun = false) {
  const body = `${lines.map((l) => l.join(',')).join('\n')}\n`;
  const res = await client.request(
    'POST',
    `/api/v1/imports?entity=purchasing.supplier&fileName=s.csv&dryRun=${dryRun}`,
    undefined,
    { raw: Buffer.from(body, 'utf8'), contentType: 'text/csv' },
  );
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const errors = await client.get(`/api/v1/imports/${res.body.id}/errors`);
  return { batch: res.body, errors: errors.body.items as Array<{ rowNo: number; errors: any[] }> };
}

describeDb('importing suppliers', (ctx) => {
  test('template in both languages; new, unchanged on the second import, updated by code; undo', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const template = await admin.get('/api/v1/imports/templates/purchasing.supplier');
    assert.equal(template.status, 200);
    assert.deepEqual(template.body.keyColumns, ['code', 'taxId', 'name']);
    assert.equal(
      template.body.columns.find((c: any) => c.key === 'leadTimeDays').label['zh-CN'],
      '采购提前期（天）',
    );
    // A customer that also supplies: the supplier is made on that party.
    const party = (await admin.post('/api/v1/customers', { name: '厦门茶商', taxId: USCC })).body;

    const file = [
      ['供应商名称', '税号', '付款条件', '采购提前期（天）', '启用'],
      ['厦门茶商', USCC, 'NET30', '10', '是'],
      ['云南普洱茶厂', '', '', '', ''],
      ['坏提前期', '', '', 'ten', ''],
      ['坏启用', '', '', '', 'maybe'],
    ];
    const first = await importCsv(admin, file);
    assert.deepEqual(first.batch.diff, { new: 2, updated: 0, unchanged: 0, conflicts: 0, errors: 2 });
    assert.deepEqual(
      first.errors.map((e) => [e.rowNo, e.errors[0].column]),
      [
        [4, 'leadTimeDays'],
        [5, 'active'],
      ],
    );
    const list = (await admin.get('/api/v1/suppliers')).body.items;
    const tea = list.find((s: any) => s.taxId === USCC);
    assert.deepEqual([tea.partyId, tea.leadTimeDays, tea.paymentTermCode], [party.id, 10, 'NET30']);

    const again = await importCsv(admin, file, true);
    assert.deepEqual(again.batch.diff, { new: 0, updated: 0, unchanged: 2, conflicts: 0, errors: 2 });

    const byCode = await importCsv(admin, [
      ['供应商编号', '供应商名称', '采购提前期（天）'],
      [tea.code, '厦门茶商', '12'],
    ]);
    assert.deepEqual(byCode.batch.diff, { new: 0, updated: 1, unchanged: 0, conflicts: 0, errors: 0 });
    const updated = (await admin.get(`/api/v1/suppliers/${tea.id}`)).body;
    assert.deepEqual([updated.leadTimeDays, updated.version], [12, tea.version + 1]);

    const undo = await admin.post(`/api/v1/imports/${first.batch.id}/undo`, { version: first.batch.version });
    assert.equal(undo.status, 200, JSON.stringify(undo.body));
    assert.equal((await admin.get('/api/v1/suppliers')).body.items.length, 0);
  });
});
