import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type Client, describeDb, newCompany, signedIn } from '../../../../test/kit/index.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { one, rows } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { bufferSource } from '../../../platform/imports/read-file.ts';
import { runImport } from '../../../platform/imports/run-import.ts';

const USCC = '91350100M000100Y43';

function csv(lines: string[][]): string {
  return `${lines.map((l) => l.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n')}\r\n`;
}

async function importFile(client: Client, entity: string, body: string, dryRun = false) {
  const res = await client.request(
    'POST',
    `/api/v1/imports?entity=${entity}&fileName=f.csv&dryRun=${dryRun}`,
    undefined,
    { raw: Buffer.from(body, 'utf8'), contentType: 'text/csv' },
  );
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const errors = await client.get(`/api/v1/imports/${res.body.id}/errors?limit=500`);
  return { batch: res.body, errors: errors.body.items as Array<{ rowNo: number; errors: any[] }> };
}

const count = async (db: Db, table: string, companyId: string) =>
  (await one<{ n: number }>(
    db.orm,
    sql`select count(*)::int as n from ${sql.identifier(table)} where company_id = ${companyId}`,
  ))!.n;

describeDb('importing customers, contacts and leads', (ctx) => {
  test('customers: columns in Chinese, lookups by name, address and contact; duplicates refused per row', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const seller = await company.user('sales');
    const existing = await admin.post('/api/v1/customers', { name: '北京华夏电子有限公司' });
    await admin.post('/api/v1/contacts', {
      customerId: existing.body.id,
      name: '老王',
      phones: ['13911112222'],
    });
    const file = csv([
      [
        '客户名称',
        '简称',
        '税号',
        '行业',
        '来源',
        '标签',
        '负责人邮箱',
        '状态',
        '信用额度',
        '付款条件',
        '地址',
        '城市',
        '省份',
        '联系人',
        '联系电话',
        '联系人邮箱',
      ],
      [
        '上海星辰贸易有限公司',
        '星辰',
        USCC,
        '批发零售',
        '展会',
        'VIP、华东',
        seller.email,
        '活跃',
        '1,500,000.00',
        '月结 30 天',
        '世纪大道 100 号',
        '上海',
        '上海',
        '王小明',
        '+86 138-0013-8000',
        'wang@example.cn',
      ],
      [
        'Acme Trading Co., Ltd.',
        '',
        '',
        'it',
        'web',
        '',
        '',
        'prospect',
        '',
        'NET30',
        '',
        '',
        'US',
        '',
        '',
        '',
      ],
      ['上海星辰贸易公司', '', '', '', '', '', '', '', '', '', '', '', '', '', '', ''],
      ['海豚科技', '', USCC, '', '', '', '', '', '', '', '', '', '', '', '', ''],
      ['北京华夏电子（集团）有限公司', '', '', '', '', '', '', '', '', '', '', '', '', '', '', ''],
      ['杭州新客户有限公司', '', '', '', '', '', '', '', '', '', '', '', '', '李四', '139 1111 2222', ''],
      ['福州某公司', '', '91350100M000100Y44', '', '', '', '', '', '', '', '', '', '', '', '', ''],
      ['宁波某公司', '', '', '', '', '', 'nobody@example.com', '', '', '', '', '', '', '', '', ''],
      ['温州某公司', '', '', '', '', '', '', 'vip', '-5', '', '', '', '', '', '', ''],
      ['苏州甲公司', '', '', '', '', '', '', '', '', '', '', '', '', '甲', '0512-6666 0000', ''],
      ['苏州乙公司', '', '', '', '', '', '', '', '', '', '', '', '', '乙', '+86 512 6666 0000', ''],
    ]);

    const dry = await importFile(admin, 'crm.customer', file, true);
    assert.equal(dry.batch.okRows, 3);
    assert.equal(await count(ctx.db, 'crm_customer', company.id), 1, 'a dry run writes nothing');
    const real = await importFile(admin, 'crm.customer', file);
    assert.equal(real.batch.okRows, 3, JSON.stringify(real.errors));
    assert.deepEqual(
      real.errors.map((e) => e.rowNo),
      dry.errors.map((e) => e.rowNo),
      'the dry run shows the same problems',
    );
    const byRow = new Map(real.errors.map((e) => [e.rowNo, e.errors[0]]));
    const expect: Array<[number, string, string, RegExp]> = [
      [4, 'name', 'duplicate', /row 2 of this file \(上海星辰贸易有限公司\)/],
      [5, 'taxId', 'duplicate', /tax id as row 2/],
      [6, 'name', 'duplicate', new RegExp(`customer ${existing.body.code}`)],
      [7, 'contactPhone', 'duplicate', new RegExp(existing.body.code)],
      [8, 'taxId', 'crm.uscc_invalid', /social credit/],
      [9, 'ownerEmail', 'import.unknown_owner', /nobody@example.com/],
      [10, 'status', 'invalid', /status/],
      [12, 'contactPhone', 'duplicate', /row 11/],
    ];
    for (const [rowNo, column, code, message] of expect) {
      const e = byRow.get(rowNo);
      assert.ok(e, `row ${rowNo} refused`);
      assert.equal(e.column, column, `row ${rowNo}: ${JSON.stringify(e)}`);
      assert.equal(e.code, code, `row ${rowNo}`);
      assert.match(e.message, message, `row ${rowNo}`);
    }
    assert.equal(byRow.get(10)?.column, 'status');

    const star = (await admin.get(`/api/v1/customers?q=${encodeURIComponent('星辰')}`)).body.items[0];
    assert.equal(star.ownerUserId, seller.id);
    assert.deepEqual(star.tags, ['VIP', '华东']);
    assert.equal(star.industryCode, 'wholesale');
    assert.equal(star.sourceCode, 'exhibition');
    assert.equal(star.status, 'active');
    assert.equal(star.creditLimit, '1500000.00');
    assert.equal(star.paymentTermCode, 'EOM30');
    const full = (await admin.get(`/api/v1/customers/${star.id}`)).body;
    assert.deepEqual([full.addresses[0].regionCode, full.addresses[0].city], ['CN-SH', '上海']);
    const contacts = (await admin.get(`/api/v1/customers/${star.id}/contacts`)).body.items;
    assert.deepEqual(
      [contacts[0].name, contacts[0].phones, contacts[0].email],
      ['王小明', ['+86 138-0013-8000'], 'wang@example.cn'],
    );
    const log = await admin.get(`/api/v1/audit-log?entity=crm.customer&entityId=${star.id}`);
    assert.equal(log.body.items[0].reason, `import batch ${real.batch.id}`);
    const event = await one<{ payload: any }>(
      ctx.db.orm,
      sql`select payload from platform_event where company_id = ${company.id} and type = 'customer.created' and aggregate_id = ${star.id}`,
    );
    assert.equal(event?.payload.customerId, star.id);
    const acme = (await admin.get(`/api/v1/customers?q=acme`)).body.items[0];
    assert.equal((await admin.get(`/api/v1/customers/${acme.id}`)).body.addresses[0].countryCode, 'US');
  });

  test('a dry run in small chunks still flags a row repeating a row of an earlier chunk', async () => {
    const company = await newCompany(ctx.db);
    const actor = await company.actor(company.admin);
    const lines = [['name', 'contactPhone']];
    for (let i = 1; i <= 7; i++) lines.push([`测试公司${i}号`, `1380000000${i}`]);
    lines.push(['测试公司2号有限公司', '']);
    lines.push(['别的公司', '138 0000 0005']);
    const batch = await runImport(
      ctx.db,
      actor,
      {
        entity: 'crm.customer',
        fileName: 'x.csv',
        dryRun: true,
        source: bufferSource(Buffer.from(csv(lines))),
      },
      { chunkSize: 3 },
    );
    assert.equal(batch.okRows, 7);
    assert.equal(batch.errorRows, 2);
    const errors = await rows<{ row_no: number; errors: any[] }>(
      ctx.db.orm,
      sql`select row_no, errors from platform_import_row where batch_id = ${batch.id} and status = 'error' order by row_no`,
    );
    assert.deepEqual(
      errors.map((e) => [e.row_no, e.errors[0].code, e.errors[0].message]),
      [
        [9, 'duplicate', 'Duplicate: same name as row 3 of this file (测试公司2号)'],
        [10, 'duplicate', 'Duplicate: same phone as row 6 of this file (测试公司5号)'],
      ],
    );
    assert.equal(await count(ctx.db, 'crm_customer', company.id), 0);
  });

  test('a chunk the database refuses is imported row by row: only the bad row fails', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const { batch, errors } = await importFile(
      admin,
      'crm.customer',
      csv([
        ['name', 'contactPhone'],
        ['好公司', '13800000001'],
        ['坏\u0000公司', ''],
        ['又一家公司', '13800000001'],
      ]),
    );
    assert.equal(batch.okRows, 1);
    assert.deepEqual(
      errors.map((e) => [e.rowNo, e.errors[0].code]),
      [
        [3, 'bad_value'],
        [4, 'duplicate'],
      ],
    );
    const codes = (await admin.get('/api/v1/customers')).body.items.map((c: any) => c.code);
    assert.deepEqual(codes, ['C000001'], 'no number was used by the refused attempt');
  });

  test('undo deletes imported customers nothing refers to, keeps the others and says why', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const { batch } = await importFile(
      admin,
      'crm.customer',
      csv([
        ['name', 'contactName', 'contactPhone'],
        ['甲贸易', '甲', '13800000001'],
        ['乙贸易', '乙', '13800000002'],
        ['丙贸易', '', ''],
        ['丁贸易', '', ''],
      ]),
    );
    assert.equal(batch.okRows, 4);
    const ids = new Map(
      (await admin.get('/api/v1/customers')).body.items.map((c: any) => [c.name, c.id] as [string, string]),
    );
    // 乙 gains a contact, 丙 an open activity: both now matter beyond the import.
    await admin.post('/api/v1/contacts', { customerId: ids.get('乙贸易'), name: '乙二' });
    await ctx.db.orm.execute(
      sql`insert into crm_activity (company_id, id, kind, subject, customer_id, owner_user_id)
          values (${company.id}, ${newId()}, 'task', '回访', ${ids.get('丙贸易')}, ${company.admin.id})`,
    );
    const undone = await admin.post(`/api/v1/imports/${batch.id}/undo`, { version: batch.version });
    assert.equal(undone.status, 200, JSON.stringify(undone.body));
    assert.equal(undone.body.status, 'undone');
    const left = (await admin.get('/api/v1/customers')).body.items.map((c: any) => c.name).sort();
    assert.deepEqual(left, ['丙贸易', '乙贸易']);
    assert.equal(
      await count(ctx.db, 'crm_contact', company.id),
      2,
      '乙 and 乙二 stay, 甲’s contact went with 甲',
    );
    const note = await one<{ title: string; body: string }>(
      ctx.db.orm,
      sql`select title, body from platform_notification where company_id = ${company.id} and kind = 'import.undo_kept'`,
    );
    assert.match(note!.title, /^2 imported records were kept/);
    assert.match(note!.body, /乙贸易: contacts were added to it/);
    assert.match(note!.body, /丙贸易: it has activities/);
    const history = await admin.get(`/api/v1/audit-log?entity=crm.customer&entityId=${ids.get('甲贸易')}`);
    assert.deepEqual(
      history.body.items.map((i: any) => [i.action, i.reason]),
      [
        ['delete', `undo of import batch ${batch.id}`],
        ['create', `import batch ${batch.id}`],
      ],
    );
  });

  test('contacts: customer by code or name, duplicates refused, record rule applies; undo', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const seller = await signedIn(ctx.db, await company.user('sales'));
    const star = (await admin.post('/api/v1/customers', { name: '上海星辰贸易有限公司' })).body;
    const mine = (await seller.post('/api/v1/customers', { name: '销售自己的客户' })).body;
    await admin.post('/api/v1/contacts', { name: '已有', email: 'old@example.com' });
    const bySeller = await importFile(
      seller,
      'crm.contact',
      csv([
        ['客户编号或名称', '姓名', '电话'],
        [star.code, 'X', ''],
        ['上海星辰贸易公司', 'Y', ''],
        [mine.code, '自己的联系人', '13300000000'],
      ]),
    );
    assert.equal(bySeller.batch.okRows, 1);
    assert.deepEqual(
      bySeller.errors.map((e) => [e.rowNo, e.errors[0].column, e.errors[0].code]),
      [
        [2, 'customer', 'import.unknown_customer'],
        [3, 'customer', 'import.unknown_customer'],
      ],
      'a salesperson cannot attach contacts to a customer outside the record rule, by code or by name',
    );

    const byAdmin = await importFile(
      admin,
      'crm.contact',
      csv([
        ['客户编号或名称', '姓名', '电话', '邮箱', '微信', '职务'],
        [star.code, '王小明', '138 0013 8000; 021-6888 0000', 'wang@example.cn', 'wxm', '经理'],
        ['上海星辰贸易公司', '李娜', '13900000000', '', '', ''],
        ['', '散客', '', 'OLD@example.com', '', ''],
        ['没有这个客户', '张三', '', '', '', ''],
        ['', '王小明二', '+86 13800138000', '', '', ''],
        ['', '另一个', '133 0000 0000', '', '', ''],
      ]),
    );
    assert.equal(byAdmin.batch.okRows, 2);
    assert.deepEqual(
      byAdmin.errors.map((e) => [e.rowNo, e.errors[0].column, e.errors[0].code]),
      [
        [4, 'email', 'duplicate'],
        [5, 'customer', 'import.unknown_customer'],
        [6, 'phones', 'duplicate'],
        [7, 'phones', 'duplicate'],
      ],
    );
    assert.match(byAdmin.errors[2].errors[0].message, /row 2 of this file \(王小明\)/);
    assert.match(byAdmin.errors[3].errors[0].message, /contact 自己的联系人/);
    const wang = (await admin.get(`/api/v1/contacts?q=${encodeURIComponent('王小明')}`)).body.items[0];
    assert.deepEqual(wang.phones, ['138 0013 8000', '021-6888 0000']);
    assert.equal(wang.customerId, star.id);
    const undo = await admin.post(`/api/v1/imports/${byAdmin.batch.id}/undo`, {
      version: byAdmin.batch.version,
    });
    assert.equal(undo.status, 200);
    assert.equal(
      await count(ctx.db, 'crm_contact', company.id),
      2,
      'the earlier one and the seller’s import stay',
    );
  });

  test('leads: owner is the importer unless given; duplicates of customers, open leads and earlier rows', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const seller = await company.user('sales');
    await admin.post('/api/v1/customers', { name: '上海星辰贸易有限公司' });
    const file = csv([
      ['公司', '联系人', '电话', '邮箱', '来源', '地区', '留言', '负责人邮箱'],
      ['杭州新公司', '赵六', '13700000001', 'zhao@example.com', '展会', '浙江', '要报价', ''],
      ['宁波新公司', '钱七', '13700000002', '', 'web', 'CN-ZJ', '', seller.email],
      ['上海星辰贸易公司', '孙八', '', '', '', '', '', ''],
      ['', '周九', '137 0000 0001', '', '', '', '', ''],
      ['温州公司', '吴十', '', '', '不存在的来源', '', '', ''],
    ]);
    const { batch, errors } = await importFile(admin, 'crm.lead', file);
    assert.equal(batch.okRows, 2);
    assert.deepEqual(
      errors.map((e) => [e.rowNo, e.errors[0].column, e.errors[0].code]),
      [
        [4, 'companyName', 'duplicate'],
        [5, 'phone', 'duplicate'],
        [6, 'source', 'import.unknown_value'],
      ],
    );
    const leads = await rows<{
      contact_name: string;
      owner_user_id: string;
      source_code: string;
      region_code: string;
      phone_key: string;
    }>(
      ctx.db.orm,
      sql`select contact_name, owner_user_id, source_code, region_code, phone_key from crm_lead where company_id = ${company.id} order by contact_name`,
    );
    assert.deepEqual(
      leads.map((l) => [l.contact_name, l.owner_user_id, l.source_code, l.region_code, l.phone_key]),
      [
        ['赵六', company.admin.id, 'exhibition', 'CN-ZJ', '13700000001'],
        ['钱七', seller.id, 'web', 'CN-ZJ', '13700000002'],
      ],
    );
    const again = await importFile(admin, 'crm.lead', file);
    assert.equal(again.batch.okRows, 0, 'the same list twice doubles nothing');
    assert.equal(
      (await admin.post(`/api/v1/imports/${batch.id}/undo`, { version: batch.version })).status,
      200,
    );
    assert.equal(await count(ctx.db, 'crm_lead', company.id), 0);
  });
});
