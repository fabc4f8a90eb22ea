import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, newCompany, signedIn } from '../../../test/kit/index.ts';
import type { Db } from '../db/connect.ts';
import { one } from '../db/tx.ts';

const name = (en: string) => ({ 'zh-CN': `测试 ${en}`, en });
const BAD_DECIMALS = [
  'abc',
  '1e5',
  '-1',
  'NaN',
  'Infinity',
  '',
  '12345678901',
  '0.12345678901',
  '1,5',
  1.5,
  null,
];

async function countCode(db: Db, table: string, companyId: string, code: string): Promise<number> {
  const found = await one<{ n: number }>(
    db.orm,
    sql`select count(*)::int as n from ${sql.identifier(table)} where company_id = ${companyId} and code = ${code}`,
  );
  return found?.n ?? 0;
}

describeDb('reference data API: rules of each resource', (ctx) => {
  test('tax rates are decimal strings 0 ≤ r < 1; anything else is 400 and nothing is stored', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    for (const rate of [...BAD_DECIMALS, '1', '1.0', '0.1234567', '.5']) {
      const res = await admin.post('/api/v1/tax-codes', {
        code: 'BAD',
        name: name('Bad'),
        kind: 'output',
        rate,
      });
      assert.equal(res.status, 400, `rate ${JSON.stringify(rate)}: ${JSON.stringify(res.body)}`);
    }
    const wrongKind = await admin.post('/api/v1/tax-codes', {
      code: 'BAD',
      name: name('Bad'),
      kind: 'sales',
      rate: '0.1',
    });
    assert.equal(wrongKind.status, 400);
    assert.equal(await countCode(ctx.db, 'platform_tax_code', company.id, 'BAD'), 0);
    const zero = await admin.post('/api/v1/tax-codes', {
      code: 'ZERO-IN',
      name: name('Zero'),
      kind: 'input',
      rate: '0',
    });
    assert.equal(zero.status, 201);
    assert.equal(zero.body.rate, '0');
    const fine = await admin.post('/api/v1/tax-codes', {
      code: 'VAT1.5',
      name: name('VAT 1.5%'),
      kind: 'input',
      rate: '0.015',
      priceIncluded: true,
    });
    assert.equal(fine.body.rate, '0.015');
    assert.equal(fine.body.priceIncluded, true);
    const seeded = await admin.get('/api/v1/tax-codes?q=VAT13-OUT');
    assert.equal(seeded.body.items[0].rate, '0.13', 'numeric(9,6) comes back without trailing zeros');
    const patch = await admin.patch(`/api/v1/tax-codes/${fine.body.id}`, { version: 1, rate: '1e-2' });
    assert.equal(patch.status, 400);
  });

  test('unit factors are decimal strings > 0; payment terms 0–3650 days', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    for (const factor of [...BAD_DECIMALS, '0', '0.0']) {
      const res = await admin.post('/api/v1/units', {
        code: 'BAD',
        name: name('Bad'),
        category: 'unit',
        factor,
      });
      assert.equal(res.status, 400, `factor ${JSON.stringify(factor)}`);
    }
    const badCategory = await admin.post('/api/v1/units', {
      code: 'BAD',
      name: name('Bad'),
      category: "unit'; drop table platform_uom; --",
      factor: '1',
    });
    assert.equal(badCategory.status, 400);
    assert.equal(await countCode(ctx.db, 'platform_uom', company.id, 'BAD'), 0);
    for (const dueDays of [-1, 3651, 1.5, '30', null]) {
      const res = await admin.post('/api/v1/payment-terms', { code: 'BAD', name: name('Bad'), dueDays });
      assert.equal(res.status, 400, `dueDays ${JSON.stringify(dueDays)}`);
    }
    assert.equal(await countCode(ctx.db, 'platform_payment_term', company.id, 'BAD'), 0);
    const edge = await admin.post('/api/v1/payment-terms', {
      code: 'NET3650',
      name: name('Ten years'),
      dueDays: 3650,
    });
    assert.equal(edge.status, 201);
  });

  test('units convert within a category through the API; across categories is 422', async () => {
    const company = await newCompany(ctx.db);
    const sales = await signedIn(ctx.db, await company.user('sales'));
    const boxes = await sales.get('/api/v1/units/convert?qty=2.5&from=BOX12&to=PCS');
    assert.equal(boxes.status, 200, JSON.stringify(boxes.body));
    assert.deepEqual(boxes.body, { qty: '2.5', from: 'BOX12', to: 'PCS', result: '30' });
    const grams = await sales.get('/api/v1/units/convert?qty=1&from=G&to=T');
    assert.equal(grams.body.result, '0.000001');
    const third = await sales.get('/api/v1/units/convert?qty=1&from=PCS&to=BOX12');
    assert.equal(third.body.result, '0.0833333333');
    const mismatch = await sales.get('/api/v1/units/convert?qty=1&from=KG&to=M');
    assert.equal(mismatch.status, 422);
    assert.equal(mismatch.body.error.code, 'uom.category_mismatch');
    assert.equal((await sales.get('/api/v1/units/convert?qty=1&from=KG&to=NOPE')).status, 404);
    assert.equal((await sales.get('/api/v1/units/convert?qty=1e3&from=KG&to=G')).status, 400);
    // Another company's unit of the same code is not visible: its factor must not be used.
    const other = await newCompany(ctx.db);
    const otherAdmin = await signedIn(ctx.db, other.admin);
    const made = await otherAdmin.post('/api/v1/units', {
      code: 'CASE',
      name: name('Case'),
      category: 'unit',
      factor: '6',
    });
    assert.equal(made.status, 201);
    assert.equal((await sales.get('/api/v1/units/convert?qty=1&from=CASE&to=PCS')).status, 404);
  });

  test('the company currency cannot be deactivated (422); another currency can', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const list = await admin.get('/api/v1/currencies?limit=200');
    const cny = list.body.items.find((c: any) => c.code === 'CNY');
    const jpy = list.body.items.find((c: any) => c.code === 'JPY');
    assert.equal(jpy.decimals, 0);
    const off = await admin.post(`/api/v1/currencies/${cny.id}/deactivate`);
    assert.equal(off.status, 422);
    assert.equal(off.body.error.code, 'currency.company_currency');
    const patched = await admin.patch(`/api/v1/currencies/${cny.id}`, {
      version: cny.version,
      active: false,
    });
    assert.equal(patched.status, 422);
    const row = await one<{ active: boolean; version: number }>(
      ctx.db.orm,
      sql`select active, version from platform_currency where id = ${cny.id}`,
    );
    assert.deepEqual(row, { active: true, version: 1 });
    assert.equal((await admin.post(`/api/v1/currencies/${jpy.id}/deactivate`)).body.active, false);
    const again = await admin.post(`/api/v1/currencies/${jpy.id}/deactivate`);
    assert.equal(again.status, 200, 'deactivating twice is harmless');
    assert.equal(again.body.version, 2);
    assert.equal((await admin.post('/api/v1/currencies', { code: 'usd', name: name('x') })).status, 400);
  });

  test('lists page with an opaque cursor in code order; a tampered cursor is 400, never 500', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await admin.get(`/api/v1/tax-codes?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(page.status, 200);
      seen.push(...page.body.items.map((t: any) => t.code));
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.equal(seen.length, 10);
    assert.deepEqual(seen, [...seen].sort());
    const tampered = [
      'bad',
      Buffer.from(JSON.stringify(['VAT', 'not-a-uuid'])).toString('base64url'),
      Buffer.from(JSON.stringify([1, 2, 3])).toString('base64url'),
    ];
    for (const c of tampered) {
      const res = await admin.get(`/api/v1/tax-codes?cursor=${c}`);
      assert.equal(res.status, 400, `${c}: ${JSON.stringify(res.body)}`);
    }
    const sorted = Buffer.from(JSON.stringify(['x', 'VAT', '01900000-0000-7000-8000-000000000000'])).toString(
      'base64url',
    );
    const wrongType = await admin.get(`/api/v1/dictionaries/industry/entries?cursor=${sorted}`);
    assert.equal(wrongType.status, 400, 'a text where the sort number belongs fails the cast: 400');
    assert.equal((await admin.get('/api/v1/tax-codes?active=maybe')).status, 400);
    assert.equal((await admin.get('/api/v1/tax-codes?q=_')).body.items.length, 0, '_ is matched literally');
    assert.equal(
      (await admin.get('/api/v1/tax-codes?q=%25')).body.items.length,
      8,
      'only names with a % sign',
    );
  });

  test('dictionaries: entries in sort order, codes unique per dictionary, an entry of another dictionary is 404', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const names = await admin.get('/api/v1/dictionaries');
    assert.deepEqual(names.body.items, [
      { dictionary: 'industry', entries: 5 },
      { dictionary: 'lead_source', entries: 5 },
      { dictionary: 'lost_reason', entries: 4 },
    ]);
    const first = await admin.post('/api/v1/dictionaries/lost_reason/entries', {
      code: 'quality',
      name: name('Quality'),
      sort: -10,
    });
    assert.equal(first.status, 201);
    assert.equal(first.body.dictionary, 'lost_reason');
    const entries = await admin.get('/api/v1/dictionaries/lost_reason/entries?limit=2');
    assert.deepEqual(
      entries.body.items.map((e: any) => e.code),
      ['quality', 'price'],
    );
    const rest = await admin.get(
      `/api/v1/dictionaries/lost_reason/entries?limit=2&cursor=${entries.body.nextCursor}`,
    );
    assert.deepEqual(
      rest.body.items.map((e: any) => e.code),
      ['competitor', 'no_budget'],
    );
    // The same code in another dictionary is a different entry; twice in one is 409.
    const elsewhere = await admin.post('/api/v1/dictionaries/new_tags/entries', {
      code: 'quality',
      name: name('Q'),
    });
    assert.equal(elsewhere.status, 201);
    const twice = await admin.post('/api/v1/dictionaries/lost_reason/entries', {
      code: 'quality',
      name: name('Q'),
    });
    assert.equal(twice.status, 409);
    assert.equal(twice.body.error.code, 'duplicate');

    const wrongDictionary = `/api/v1/dictionaries/industry/entries/${first.body.id}`;
    assert.equal((await admin.get(wrongDictionary)).status, 404);
    assert.equal((await admin.patch(wrongDictionary, { version: 1, sort: 99 })).status, 404);
    assert.equal((await admin.post(`${wrongDictionary}/deactivate`)).status, 404);
    const row = await one<{ sort: number; active: boolean }>(
      ctx.db.orm,
      sql`select sort, active from platform_dictionary_entry where id = ${first.body.id}`,
    );
    assert.deepEqual(row, { sort: -10, active: true });

    for (const bad of ['Bad-Name', 'x', 'a'.repeat(41), 'drop table', 'lost_reason;']) {
      const res = await admin.get(`/api/v1/dictionaries/${encodeURIComponent(bad)}/entries`);
      assert.equal(res.status, 400, bad);
    }
    const badCode = await admin.post('/api/v1/dictionaries/industry/entries', {
      code: 'Has Space',
      name: name('x'),
    });
    assert.equal(badCode.status, 400);
    const forged = await admin.post('/api/v1/dictionaries/industry/entries', {
      code: 'forged',
      name: name('x'),
      dictionary: 'lead_source',
    });
    assert.equal(forged.status, 400, 'SEC-MASS-01: the dictionary comes from the URL only');
  });
});
