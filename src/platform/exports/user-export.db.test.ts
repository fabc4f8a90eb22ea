import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import {
  describeDb,
  newCompany,
  signedIn,
  TEST_PASSWORD,
  type TestCompany,
} from '../../../test/kit/index.ts';

const EVIL = "=cmd|' /C calc'!A0";

/** A user whose name a spreadsheet would run, added through the API like any other. */
async function addEvilUser(company: TestCompany, admin: Awaited<ReturnType<typeof signedIn>>) {
  const res = await admin.post('/api/v1/users', {
    email: `evil.${company.code}@example.com`.toLowerCase(),
    name: EVIL,
    locale: 'en',
    roleIds: [company.roles.sales],
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
}

function csvRows(text: string): string[][] {
  assert.ok(text.startsWith('\uFEFF'), 'UTF-8 BOM for Excel');
  return text
    .slice(1)
    .split('\r\n')
    .filter(Boolean)
    .map((line) => line.split(','));
}

describeDb('exporting users', (ctx) => {
  test('CSV: no cell can trigger a formula, Chinese survives, only this company’s users', async () => {
    const company = await newCompany(ctx.db);
    const other = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    await addEvilUser(company, admin);
    await ctx.db.orm.execute(sql`update platform_user set name = '张伟' where id = ${company.admin.id}`);

    const res = await admin.get('/api/v1/users/export.csv');
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.equal(res.headers['content-disposition'], 'attachment; filename="users.csv"');
    const table = csvRows(res.raw.body);
    assert.deepEqual(table[0], [
      'Email',
      'Name',
      'Language',
      'Role',
      'Department',
      'Disabled',
      'Last sign-in',
      'Added',
    ]);
    assert.equal(table.length, 3);
    const names = table.slice(1).map((r) => r[1]);
    assert.ok(names.includes('张伟'));
    assert.ok(names.includes(`'${EVIL}`));
    for (const row of table) for (const cell of row) assert.doesNotMatch(cell, /^"?[=+\-@\t\r]/, cell);
    assert.ok(!res.raw.body.includes(other.admin.email));
  });

  test('XLSX: the formula is plain text with the apostrophe', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    await addEvilUser(company, admin);
    const res = await admin.get('/api/v1/users/export.xlsx');
    assert.equal(res.status, 200);
    assert.equal(
      res.headers['content-type'],
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.raw.rawPayload as any);
    const sheet = book.getWorksheet('Users')!;
    const cells: unknown[] = [];
    sheet.eachRow((row) => cells.push(...(row.values as unknown[]).slice(1)));
    assert.ok(cells.includes(`'${EVIL}`));
    for (const cell of cells) {
      assert.equal(typeof cell === 'object' && cell !== null && 'formula' in cell, false);
      if (typeof cell === 'string') assert.doesNotMatch(cell, /^[=+\-@\t\r]/);
    }
  });

  test('a masked field is absent as a column; a role without export or read permission gets 403', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const role = await admin.post('/api/v1/roles', {
      code: 'exporter',
      name: { en: 'Exporter' },
      permissions: ['platform.user.read', 'platform.export.run'],
      recordScope: 'company',
      fieldMasks: { 'platform.user': ['email', 'lastLoginAt'] },
    });
    assert.equal(role.status, 201, JSON.stringify(role.body));
    const email = `exporter.${company.code}@example.com`.toLowerCase();
    const user = await admin.post('/api/v1/users', {
      email,
      name: 'Exporter',
      locale: 'zh-CN',
      password: TEST_PASSWORD,
      roleIds: [role.body.id],
    });
    assert.equal(user.status, 201, JSON.stringify(user.body));
    const exporter = await signedIn(ctx.db, { email, password: TEST_PASSWORD });
    const res = await exporter.get('/api/v1/users/export.csv');
    assert.equal(res.status, 200);
    const table = csvRows(res.raw.body);
    assert.deepEqual(table[0], ['姓名', '语言', '角色', '部门', '已停用', '加入时间']);
    assert.ok(!res.raw.body.includes('@'));
    const sorted = await exporter.get('/api/v1/users/export.csv?sort=email');
    assert.equal(sorted.status, 400);
    assert.equal(sorted.body.error.code, 'field_masked');

    const viewer = await signedIn(ctx.db, await company.user('viewer'));
    assert.equal((await viewer.get('/api/v1/users/export.csv')).status, 403);
    const sales = await signedIn(ctx.db, await company.user('sales'));
    const denied = await sales.get('/api/v1/users/export.xlsx');
    assert.equal(denied.status, 403);
    assert.equal(denied.body.error.details.permission, 'platform.user.read');
  });

  test('an exported file can be imported into another company of the same administrator as it is', async () => {
    const source = await newCompany(ctx.db);
    const adminS = await signedIn(ctx.db, source.admin);
    await adminS.post('/api/v1/users', {
      email: `roundtrip.${source.code}@example.com`.toLowerCase(),
      name: 'Round Trip',
      locale: 'en',
      roleIds: [source.roles.sales, source.roles.finance],
    });
    const file = await adminS.get('/api/v1/users/export.xlsx');
    // Accounts are shared across companies only by someone who administers users in all of them:
    // the same administrator opens a second company and imports the file there.
    const target = await adminS.post('/api/v1/companies', {
      code: `T${source.code}`.slice(0, 20),
      name: 'Target',
    });
    assert.equal(target.status, 201);
    assert.equal(
      (await adminS.post('/api/v1/auth/switch-company', { companyId: target.body.id })).status,
      200,
    );
    const res = await adminS.request('POST', '/api/v1/imports?entity=platform.user', undefined, {
      raw: file.raw.rawPayload,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    // The administrator is already a member of the new company (its creator): that row is a duplicate.
    assert.deepEqual([res.body.okRows, res.body.errorRows], [1, 1]);
    const other = await newCompany(ctx.db);
    const stranger = await signedIn(ctx.db, other.admin);
    const refused = await stranger.request('POST', '/api/v1/imports?entity=platform.user', undefined, {
      raw: file.raw.rawPayload,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    assert.equal(refused.status, 201);
    assert.deepEqual(
      [refused.body.okRows, refused.body.errorRows],
      [0, 2],
      'another company cannot take the accounts over',
    );
  });
});
