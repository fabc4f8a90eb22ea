import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { type Client, describeDb, newCompany, signedIn, type TestCompany } from '../../../test/kit/index.ts';
import type { Db } from '../db/connect.ts';
import { one, rows } from '../db/tx.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function importFile(
  client: Client,
  body: string | Buffer,
  options: {
    dryRun?: boolean;
    contentType?: string;
    mapping?: Record<string, string>;
    fileName?: string;
  } = {},
) {
  const query = new URLSearchParams({ entity: 'platform.user', fileName: options.fileName ?? 'users.csv' });
  if (options.dryRun) query.set('dryRun', 'true');
  if (options.mapping) query.set('mapping', JSON.stringify(options.mapping));
  return client.request('POST', `/api/v1/imports?${query}`, undefined, {
    raw: body,
    contentType: options.contentType ?? 'text/csv',
  });
}

/** Node can decode GB18030 but not encode it: build the reverse table of the two-byte (GBK) range. */
let gbkTable: Map<string, Buffer> | null = null;
function gbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++)
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const bytes = Buffer.from([lead, trail]);
        const char = decoder.decode(bytes);
        if (char.length === 1 && !gbkTable.has(char)) gbkTable.set(char, bytes);
      }
  }
  return Buffer.concat(
    [...text].map((char) => (char.charCodeAt(0) < 0x80 ? Buffer.from(char, 'latin1') : gbkTable!.get(char)!)),
  );
}

const emailOf = (company: TestCompany, who: string) => `${who}.${company.code}@example.com`.toLowerCase();

async function member(db: Db, company: TestCompany, email: string) {
  return one<{ id: string; name: string; locale: string; active: boolean; department_id: string | null }>(
    db.orm,
    sql`select u.id, u.name, u.locale, m.active, m.department_id from platform_user u
          join platform_membership m on m.user_id = u.id and m.company_id = ${company.id}
         where lower(u.email) = ${email}`,
  );
}

async function batchCount(db: Db, company: TestCompany): Promise<number> {
  const row = await one<{ n: number }>(
    db.orm,
    sql`select count(*)::int as n from platform_import_batch where company_id = ${company.id}`,
  );
  return Number(row!.n);
}

async function departmentCode(db: Db, company: TestCompany): Promise<string> {
  const id = await company.department();
  const row = await one<{ code: string }>(
    db.orm,
    sql`select code from platform_department where company_id = ${company.id} and id = ${id}`,
  );
  return row!.code;
}

/** Five rows: 2 good, then a bad email, an unknown role and a duplicate of row 2. */
function mixedCsv(company: TestCompany, dept: string): string {
  const e = (who: string) => emailOf(company, who);
  return (
    '\uFEFFemail,name,role,department,locale\r\n' +
    `${e('ann')},Ann,sales,,en\r\n` +
    'not-an-email,Bob,sales,,\r\n' +
    `${e('cat')},Cat,nosuchrole,,\r\n` +
    `${e('ann')},Ann again,sales,,\r\n` +
    `${e('dan')},"Dan, Jr.","sales, finance",${dept},中文\r\n`
  );
}

describeDb('importing users', (ctx) => {
  test('good rows are created, bad rows are listed with their row numbers and as an error CSV', async () => {
    const company = await newCompany(ctx.db);
    const dept = await departmentCode(ctx.db, company);
    const admin = await signedIn(ctx.db, company.admin);
    const res = await importFile(admin, mixedCsv(company, dept));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.status, 'done');
    assert.equal(res.body.format, 'csv');
    assert.deepEqual(
      [res.body.totalRows, res.body.processedRows, res.body.okRows, res.body.errorRows],
      [5, 5, 2, 3],
    );

    const ann = await member(ctx.db, company, emailOf(company, 'ann'));
    const dan = await member(ctx.db, company, emailOf(company, 'dan'));
    assert.equal(ann?.name, 'Ann');
    assert.equal(ann?.locale, 'en');
    assert.equal(dan?.name, 'Dan, Jr.');
    assert.equal(dan?.locale, 'zh-CN');
    assert.ok(dan?.department_id);
    const danRoles = await rows<{ code: string }>(
      ctx.db.orm,
      sql`select r.code from platform_user_role ur join platform_role r on r.company_id = ur.company_id and r.id = ur.role_id
           where ur.company_id = ${company.id} and ur.user_id = ${dan!.id} order by r.code`,
    );
    assert.deepEqual(
      danRoles.map((r) => r.code),
      ['finance', 'sales'],
    );
    assert.equal(await member(ctx.db, company, emailOf(company, 'cat')), undefined);

    const audit = await rows<{ reason: string; actor_user_id: string }>(
      ctx.db.orm,
      sql`select reason, actor_user_id from platform_audit_log
           where company_id = ${company.id} and entity = 'platform.user' and action = 'create'`,
    );
    assert.equal(audit.length, 2);
    for (const a of audit) {
      assert.equal(a.reason, `import batch ${res.body.id}`);
      assert.equal(a.actor_user_id, company.admin.id);
    }

    const errors = await admin.get(`/api/v1/imports/${res.body.id}/errors`);
    assert.equal(errors.status, 200);
    assert.deepEqual(
      errors.body.items.map((i: any) => [i.rowNo, i.errors[0].column, i.errors[0].code]),
      [
        [3, 'email', 'invalid'],
        [4, 'role', 'import.unknown_role'],
        [5, 'email', 'duplicate'],
      ],
    );
    assert.equal(errors.body.items[1].errors[0].header, 'role');

    const file = await admin.get(`/api/v1/imports/${res.body.id}/errors.csv`);
    assert.equal(file.status, 200);
    assert.match(String(file.headers['content-type']), /^text\/csv/);
    assert.match(String(file.headers['content-disposition']), /^attachment; filename=".*errors\.csv"$/);
    const lines = file.raw.body.split('\r\n');
    assert.equal(lines[0], '\uFEFFRow,Column,Error,Code');
    assert.match(lines[1], /^3,email,/);
    assert.match(lines[2], /^4,role,Unknown role nosuchrole,import\.unknown_role$/);
    assert.match(lines[3], /^5,email,.*,duplicate$/);

    const got = await admin.get(`/api/v1/imports/${res.body.id}`);
    assert.equal(got.body.okRows, 2);
    // the BOM is not part of the first header
    assert.deepEqual(got.body.mapping, {
      email: 'email',
      name: 'name',
      role: 'role',
      department: 'department',
      locale: 'locale',
    });
  });

  test('a dry run checks every row for real and creates nothing', async () => {
    const company = await newCompany(ctx.db);
    const dept = await departmentCode(ctx.db, company);
    const admin = await signedIn(ctx.db, company.admin);
    const res = await importFile(admin, mixedCsv(company, dept), { dryRun: true });
    assert.equal(res.status, 201);
    assert.equal(res.body.dryRun, true);
    // the duplicate of row 2 is found although row 2 itself was rolled back
    assert.deepEqual([res.body.okRows, res.body.errorRows], [2, 3]);
    for (const who of ['ann', 'dan'])
      assert.equal(await member(ctx.db, company, emailOf(company, who)), undefined);
    const users = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from platform_user where email like ${`%.${company.code.toLowerCase()}@example.com`}`,
    );
    assert.equal(Number(users!.n), 0);
    const audit = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from platform_audit_log where company_id = ${company.id} and entity = 'platform.user'`,
    );
    assert.equal(Number(audit!.n), 0);
    const errors = await admin.get(`/api/v1/imports/${res.body.id}/errors`);
    assert.deepEqual(
      errors.body.items.map((i: any) => i.rowNo),
      [3, 4, 5],
    );
    const undo = await admin.post(`/api/v1/imports/${res.body.id}/undo`, { version: res.body.version });
    assert.equal(undo.status, 422);
    assert.equal(undo.body.error.code, 'import.not_undoable');
  });

  test('an Excel workbook imports the same way, with Chinese headers and the sheet’s row numbers', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('用户');
    sheet.addRow(['邮箱', '姓名', '角色', '备注']);
    sheet.addRow([emailOf(company, 'xa'), '王小明', 'sales', 'ignored column']);
    sheet.addRow([]);
    sheet.addRow([emailOf(company, 'xb'), { richText: [{ text: '赵' }, { text: '六' }] }, 'warehouse']);
    sheet.addRow(['bad@', '钱七', 'sales']);
    sheet.addRow([emailOf(company, 'xc'), '孙八', 'nosuchrole']);
    book.addWorksheet('notes').addRow(['not imported']);
    const file = Buffer.from(await book.xlsx.writeBuffer());

    const res = await importFile(admin, file, { contentType: XLSX, fileName: 'C:\\Users\\me\\用户.xlsx' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.format, 'xlsx');
    assert.equal(res.body.fileName, '用户.xlsx');
    assert.deepEqual([res.body.totalRows, res.body.okRows, res.body.errorRows], [4, 2, 2]);
    assert.equal((await member(ctx.db, company, emailOf(company, 'xa')))?.name, '王小明');
    assert.equal((await member(ctx.db, company, emailOf(company, 'xb')))?.name, '赵六');
    const errors = await admin.get(`/api/v1/imports/${res.body.id}/errors`);
    assert.deepEqual(
      errors.body.items.map((i: any) => [i.rowNo, i.errors[0].header]),
      [
        [5, '邮箱'],
        [6, '角色'],
      ],
    );
  });

  test('a GBK-encoded CSV from Chinese Excel keeps its Chinese names', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const csv = gbk(
      `邮箱,姓名,角色,语言\r\n${emailOf(company, 'g1')},张三,sales,中文\r\n${emailOf(company, 'g2')},欧阳娜娜,finance,英文\r\n`,
    );
    assert.ok(!new TextDecoder('utf-8').decode(csv).includes('张三'));
    // the declared charset does not matter (browsers rarely send one): the bytes decide
    const res = await importFile(admin, csv, { contentType: 'text/csv; charset=utf-8' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.okRows, 2);
    const g1 = await member(ctx.db, company, emailOf(company, 'g1'));
    const g2 = await member(ctx.db, company, emailOf(company, 'g2'));
    assert.deepEqual([g1?.name, g1?.locale], ['张三', 'zh-CN']);
    assert.deepEqual([g2?.name, g2?.locale], ['欧阳娜娜', 'en']);
  });

  test('undo disables exactly the imported users and is audited; a stale version or second undo is refused', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const bystander = await company.user('sales');
    const csv = `email,name,role\n${emailOf(company, 'u1')},U1,sales\n${emailOf(company, 'u2')},U2,hr\nbad,U3,sales\n`;
    const res = await importFile(admin, csv);
    assert.equal(res.body.okRows, 2);

    const stale = await admin.post(`/api/v1/imports/${res.body.id}/undo`, { version: res.body.version + 1 });
    assert.equal(stale.status, 409);
    assert.equal((await member(ctx.db, company, emailOf(company, 'u1')))?.active, true);

    const undo = await admin.post(`/api/v1/imports/${res.body.id}/undo`, { version: res.body.version });
    assert.equal(undo.status, 200, JSON.stringify(undo.body));
    assert.equal(undo.body.status, 'undone');
    assert.ok(undo.body.undoneAt);
    for (const who of ['u1', 'u2'])
      assert.equal((await member(ctx.db, company, emailOf(company, who)))?.active, false);
    const still = await one<{ active: boolean }>(
      ctx.db.orm,
      sql`select active from platform_membership where company_id = ${company.id} and user_id = ${bystander.id}`,
    );
    assert.equal(still?.active, true);
    assert.equal((await member(ctx.db, company, company.admin.email))?.active, true);

    const audit = await rows<{ entity: string; action: string; reason: string }>(
      ctx.db.orm,
      sql`select entity, action, reason from platform_audit_log
           where company_id = ${company.id} and action in ('disable', 'undo') order by seq`,
    );
    assert.deepEqual(
      audit.map((a) => [a.entity, a.action, a.reason]),
      [
        ['platform.user', 'disable', `undo of import batch ${res.body.id}`],
        ['platform.user', 'disable', `undo of import batch ${res.body.id}`],
        ['platform.import_batch', 'undo', `undo of import batch ${res.body.id}`],
      ],
    );

    const again = await admin.post(`/api/v1/imports/${res.body.id}/undo`, { version: undo.body.version });
    assert.equal(again.status, 422);
    const extra = await admin.post(`/api/v1/imports/${res.body.id}/undo`, { version: 1, force: true });
    assert.equal(extra.status, 400);
  });

  test('a sales user cannot import users (403, nothing changed); an HR user cannot grant what they lack', async () => {
    const company = await newCompany(ctx.db);
    const sales = await signedIn(ctx.db, await company.user('sales'));
    const csv = `email,name,role\n${emailOf(company, 's1')},S1,sales\n`;
    const denied = await importFile(sales, csv);
    assert.equal(denied.status, 403);
    assert.equal(denied.body.error.details.permission, 'platform.user.create');
    assert.equal(await batchCount(ctx.db, company), 0);
    assert.equal(await member(ctx.db, company, emailOf(company, 's1')), undefined);

    const hr = await signedIn(ctx.db, await company.user('hr'));
    // hr may grant only roles whose every permission it holds itself: a narrow clerk role, not sales.
    const admin = await signedIn(ctx.db, company.admin);
    const clerk = await admin.post('/api/v1/roles', {
      code: 'clerk',
      name: { en: 'Clerk' },
      permissions: ['platform.reference.read'],
      recordScope: 'own',
    });
    assert.equal(clerk.status, 201);
    const res = await importFile(
      hr,
      `email,name,role\n${emailOf(company, 'h1')},H1,clerk\n${emailOf(company, 'h2')},H2,admin\n`,
    );
    assert.equal(res.status, 201);
    assert.deepEqual([res.body.okRows, res.body.errorRows], [1, 1]);
    const errors = await hr.get(`/api/v1/imports/${res.body.id}/errors`);
    assert.equal(errors.body.items[0].rowNo, 3);
    assert.equal(errors.body.items[0].errors[0].code, 'forbidden');
    assert.equal(await member(ctx.db, company, emailOf(company, 'h2')), undefined);

    // HR may create users but not disable them, so it may not undo the batch either
    const undo = await hr.post(`/api/v1/imports/${res.body.id}/undo`, { version: res.body.version });
    assert.equal(undo.status, 403);
    assert.equal((await member(ctx.db, company, emailOf(company, 'h1')))?.active, true);
    // sales may read imports, but not a users batch someone else started
    assert.equal((await sales.get(`/api/v1/imports/${res.body.id}`)).status, 404);
    assert.equal((await sales.get('/api/v1/imports')).body.items.length, 0);
  });

  test("another company's batch is a 404 on every route, and stays as it was", async () => {
    const a = await newCompany(ctx.db);
    const b = await newCompany(ctx.db);
    const adminA = await signedIn(ctx.db, a.admin);
    const adminB = await signedIn(ctx.db, b.admin);
    const res = await importFile(adminA, `email,name,role\n${emailOf(a, 'o1')},O1,sales\nbad,O2,sales\n`);
    assert.equal(res.status, 201);
    const id = res.body.id;
    for (const url of [
      `/api/v1/imports/${id}`,
      `/api/v1/imports/${id}/errors`,
      `/api/v1/imports/${id}/errors.csv`,
    ])
      assert.equal((await adminB.get(url)).status, 404, url);
    const undo = await adminB.post(`/api/v1/imports/${id}/undo`, { version: res.body.version });
    assert.equal(undo.status, 404);
    assert.equal((await adminA.get(`/api/v1/imports/${id}`)).body.status, 'done');
    assert.equal((await member(ctx.db, a, emailOf(a, 'o1')))?.active, true);
    assert.ok(!(await adminB.get('/api/v1/imports')).body.items.some((i: any) => i.id === id));
    assert.ok((await adminA.get('/api/v1/imports')).body.items.some((i: any) => i.id === id));
  });
});
