import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type Client, describeDb, newCompany, signedIn } from '../../../../test/kit/index.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { one } from '../../../platform/db/tx.ts';

const USCC = '91350100M000100Y43';

async function importCsv(client: Client, lines: string[][], dryRun = false) {
  const body = `${lines.map((l) => l.map((c) => (/[",]/.test(c) ? `"${c}"` : c)).join(',')).join('\n')}\n`;
  const res = await client.request(
    'POST',
    `/api/v1/imports?entity=crm.customer&fileName=c.csv&dryRun=${dryRun}`,
    undefined,
    { raw: Buffer.from(body, 'utf8'), contentType: 'text/csv' },
  );
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const errors = await client.get(`/api/v1/imports/${res.body.id}/errors`);
  return {
    batch: res.body,
    errors: errors.body.items as Array<{ rowNo: number; outcome: string; errors: any[] }>,
  };
}

const count = async (db: Db, what: string, companyId: string) =>
  (await one<{ n: number }>(
    db.orm,
    what === 'audit'
      ? sql`select count(*)::int as n from platform_audit_log where company_id = ${companyId} and entity like 'crm.%'`
      : sql`select count(*)::int as n from ${sql.identifier(what)} where company_id = ${companyId}`,
  ))!.n;

const FILE = [
  ['客户名称', '税号', '行业', '标签', '状态', '信用额度', '付款条件', '城市', '联系人', '联系电话'],
  [
    '上海星辰贸易有限公司',
    USCC,
    '批发零售',
    'VIP、华东',
    '活跃',
    '1,500,000.00',
    '月结 30 天',
    '上海',
    '王小明',
    '13800138000',
  ],
  ['Acme Trading Co., Ltd.', '', '', '', 'prospect', '', 'NET30', '', '', ''],
  ['杭州新客户有限公司', '', '', '', '', '', '', '', '李四', '139 1111 2222'],
];

describeDb('customer import upserts by code, tax id or exact name', (ctx) => {
  test('the same file twice: the second time nothing is new, changed or audited', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const first = await importCsv(admin, FILE);
    assert.deepEqual(first.batch.diff, { new: 3, updated: 0, unchanged: 0, conflicts: 0, errors: 0 });
    const tables = ['crm_customer', 'crm_contact', 'crm_customer_address', 'audit'];
    const counts = async () => Promise.all(tables.map((t) => count(ctx.db, t, company.id)));
    const before = await counts();
    const versions = async () =>
      (await admin.get('/api/v1/customers?sort=name')).body.items.map((c: any) => [c.code, c.version]);
    const versionsBefore = await versions();

    const dry = await importCsv(admin, FILE, true);
    assert.deepEqual(dry.batch.diff, { new: 0, updated: 0, unchanged: 3, conflicts: 0, errors: 0 });
    const again = await importCsv(admin, FILE);
    assert.deepEqual(again.batch.diff, { new: 0, updated: 0, unchanged: 3, conflicts: 0, errors: 0 });
    assert.deepEqual(await counts(), before, 'no customer, contact, address or audit entry was written');
    assert.deepEqual(await versions(), versionsBefore);
  });

  test('codes, tax ids and names update; a second row on one customer is a conflict; undo keeps updated ones', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const acme = (await admin.post('/api/v1/customers', { name: 'Acme Trading Co., Ltd.' })).body;
    const star = (await admin.post('/api/v1/customers', { name: '星辰', taxId: USCC })).body;
    const file = [
      ['客户编号', '客户名称', '税号', '状态'],
      [acme.code, 'Acme Trading Co., Ltd.', '', '活跃'],
      ['C999999', '别家公司的客户', '', ''],
      ['', '上海星辰贸易有限公司', USCC, ''],
      ['', '星辰二号', USCC, ''],
      ['', '全新客户', '', ''],
    ];
    const dry = await importCsv(admin, file, true);
    assert.deepEqual(dry.batch.diff, { new: 2, updated: 2, unchanged: 0, conflicts: 1, errors: 0 });
    assert.deepEqual(
      dry.errors.map((e) => [e.rowNo, e.outcome, e.errors[0].column, e.errors[0].code]),
      [[5, 'conflict', 'taxId', 'duplicate']],
    );
    assert.equal(
      (await admin.get(`/api/v1/customers/${acme.id}`)).body.status,
      'prospect',
      'a dry run writes nothing',
    );

    const real = await importCsv(admin, file);
    assert.deepEqual(real.batch.diff, dry.batch.diff);
    const acmeNow = (await admin.get(`/api/v1/customers/${acme.id}`)).body;
    assert.deepEqual([acmeNow.status, acmeNow.version], ['active', acme.version + 1]);
    assert.equal((await admin.get(`/api/v1/customers/${star.id}`)).body.name, '上海星辰贸易有限公司');
    const audited = await one<{ reason: string }>(
      ctx.db.orm,
      sql`select reason from platform_audit_log where company_id = ${company.id} and entity = 'crm.customer'
            and entity_id = ${acme.id} and action = 'update'`,
    );
    assert.equal(audited?.reason, `import batch ${real.batch.id}`);

    const undo = await admin.post(`/api/v1/imports/${real.batch.id}/undo`, { version: real.batch.version });
    assert.equal(undo.status, 200, JSON.stringify(undo.body));
    const names = (await admin.get('/api/v1/customers?sort=name')).body.items.map((c: any) => c.name);
    assert.deepEqual(names.sort(), ['Acme Trading Co., Ltd.', '上海星辰贸易有限公司'].sort());
  });
});
