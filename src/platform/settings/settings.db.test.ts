import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, newCompany, signedIn } from '../../../test/kit/index.ts';
import { one } from '../db/tx.ts';

describeDb('company settings per module section', (ctx) => {
  test('defaults shown; an admin changes one key; bad values, unknown keys, stale versions and other roles change nothing', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const sales = await signedIn(ctx.db, await company.user('sales'));
    const read = async () => {
      const res = await admin.get('/api/v1/company/settings');
      assert.equal(res.status, 200);
      return res.body;
    };
    const section = (body: any, name: string) => body.sections.find((s: any) => s.section === name);
    const start = await read();
    assert.deepEqual(section(start, 'sales').values, {
      requireCreditCheck: true,
      blockOverdueDays: null,
      quoteValidDays: 30,
      quoteNumberPattern: 'QT-{year}-{seq:5}',
      orderNumberPattern: 'SO-{year}-{seq:5}',
    });
    assert.equal(section(start, 'inventory').values.costMethod, 'moving_average');
    assert.equal(section(start, 'sales').editable, true);
    const seen = (await sales.get('/api/v1/company/settings')).body;
    assert.equal(section(seen, 'sales').editable, false, 'a salesperson reads but may not edit');

    const stored = async () =>
      (await one<{ s: any }>(
        ctx.db.orm,
        sql`select settings as s from platform_company where id = ${company.id}`,
      ))!.s;
    const before = await stored();
    for (const [who, values, version, status] of [
      [sales, { quoteValidDays: 10 }, start.version, 403],
      [admin, { quoteValidDays: 0 }, start.version, 400],
      [admin, { quoteValidDays: '10' }, start.version, 400],
      [admin, { quoteValidDays: 10, surprise: true }, start.version, 400],
      [admin, { orderNumberPattern: "SO'; drop table x; --" }, start.version, 400],
      [admin, { quoteValidDays: 10 }, start.version + 5, 409],
    ] as const) {
      const res = await who.patch('/api/v1/company/settings/sales', { version, values });
      assert.equal(res.status, status, JSON.stringify(values));
      assert.ok(res.body.error.code, 'documented error shape');
    }
    assert.equal(
      (await admin.patch('/api/v1/company/settings/nope', { version: start.version, values: {} })).status,
      404,
    );
    assert.deepEqual(await stored(), before, 'refusals changed nothing');

    const res = await admin.patch('/api/v1/company/settings/inventory', {
      version: start.version,
      values: { costMethod: 'monthly_average', salesHorizonDays: 30 },
    });
    assert.equal(res.status, 200);
    assert.equal(res.body.version, start.version + 1);
    assert.deepEqual(section(res.body, 'inventory').values, {
      allowNegativeStock: false,
      costMethod: 'monthly_average',
      salesHorizonDays: 30,
    });
    const after = await stored();
    assert.deepEqual([after.inventory.costMethod, after.inventory.salesHorizonDays], ['monthly_average', 30]);
    assert.deepEqual(after.sales, before.sales, 'other sections untouched');
    const audit = await admin.get('/api/v1/audit-log?entity=platform.company_settings');
    assert.equal(audit.status, 200);
    const entry = audit.body.items[0];
    assert.deepEqual(entry.changes, {
      'inventory.costMethod': { before: 'moving_average', after: 'monthly_average' },
      'inventory.salesHorizonDays': { before: 14, after: 30 },
    });
  });
});
