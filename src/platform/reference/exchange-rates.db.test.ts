import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type Client, describeDb, newCompany, signedIn } from '../../../test/kit/index.ts';
import type { Db } from '../db/connect.ts';
import { one, rows } from '../db/tx.ts';

const url = '/api/v1/exchange-rates';

async function rateRow(db: Db, id: string) {
  return one<Record<string, unknown>>(
    db.orm,
    sql`select currency_code, rate_date::text as rate_date, rate::text as rate, version
          from platform_exchange_rate where id = ${id}`,
  );
}

async function rateCount(db: Db, companyId: string): Promise<number> {
  const found = await one<{ n: number }>(
    db.orm,
    sql`select count(*)::int as n from platform_exchange_rate where company_id = ${companyId}`,
  );
  return found?.n ?? 0;
}

async function addRates(admin: Client) {
  const made: Record<string, string> = {};
  for (const [currency, date, rate] of [
    ['USD', '2026-11-01', '7.1'],
    ['USD', '2026-11-20', '7.2512345678'],
    ['EUR', '2026-11-22', '7.8'],
    ['USD', '2026-12-01', '7.3'],
  ]) {
    const res = await admin.post(url, { currency, date, rate });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    made[`${currency}@${date}`] = res.body.id;
  }
  return made;
}

describeDb('exchange rates API', (ctx) => {
  test('rates are recorded per currency and day, listed by currency and date range, exact to 10 decimals', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const made = await addRates(admin);
    const usd = await admin.get(`${url}?currency=USD`);
    assert.deepEqual(
      usd.body.items.map((r: any) => [r.date, r.rate]),
      [
        ['2026-12-01', '7.3'],
        ['2026-11-20', '7.2512345678'],
        ['2026-11-01', '7.1'],
      ],
    );
    const november = await admin.get(`${url}?from=2026-11-02&to=2026-11-30`);
    assert.deepEqual(
      november.body.items.map((r: any) => `${r.currency}@${r.date}`),
      ['EUR@2026-11-22', 'USD@2026-11-20'],
    );
    const page1 = await admin.get(`${url}?limit=3`);
    assert.equal(page1.body.items.length, 3);
    const page2 = await admin.get(`${url}?limit=3&cursor=${page1.body.nextCursor}`);
    assert.deepEqual(
      page2.body.items.map((r: any) => r.id),
      [made['USD@2026-11-01']],
    );
    assert.equal(page2.body.nextCursor, null);
    assert.equal((await admin.get(`${url}?from=2026-12-01&to=2026-11-01`)).status, 400);
    assert.equal((await admin.get(`${url}?from=2026-02-30`)).status, 400);
    assert.equal((await admin.get(`${url}?currency=usd`)).status, 400);
    assert.equal((await admin.get(`${url}?cursor=not-a-cursor`)).status, 400);

    const dup = await admin.post(url, { currency: 'USD', date: '2026-11-20', rate: '9' });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.error.code, 'duplicate');
    assert.equal((await rateRow(ctx.db, made['USD@2026-11-20']))?.rate, '7.2512345678');
  });

  test('the effective rate is the latest dated on or before the day; none is 404; the company currency is 1', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    await addRates(admin);
    const on = await admin.get(`${url}/effective?currency=USD&date=2026-11-23`);
    assert.equal(on.status, 200, JSON.stringify(on.body));
    assert.deepEqual(on.body, {
      currency: 'USD',
      date: '2026-11-23',
      rateDate: '2026-11-20',
      rate: '7.2512345678',
    });
    const exact = await admin.get(`${url}/effective?currency=USD&date=2026-11-01`);
    assert.equal(exact.body.rate, '7.1');
    const before = await admin.get(`${url}/effective?currency=USD&date=2026-10-31`);
    assert.equal(before.status, 404);
    assert.equal((await admin.get(`${url}/effective?currency=GBP&date=2026-11-23`)).status, 404);
    const base = await admin.get(`${url}/effective?currency=CNY&date=2026-11-23`);
    assert.deepEqual(base.body, { currency: 'CNY', date: '2026-11-23', rateDate: '2026-11-23', rate: '1' });
    assert.equal((await admin.get(`${url}/effective?currency=USD`)).status, 400);
    assert.equal((await admin.get(`${url}/effective?currency=USD&date=23/11/2026`)).status, 400);
    // Another company's rates never answer for this one.
    const other = await newCompany(ctx.db);
    const otherAdmin = await signedIn(ctx.db, other.admin);
    assert.equal((await otherAdmin.get(`${url}/effective?currency=USD&date=2026-11-23`)).status, 404);
  });

  test('bad decimals are 400 and nothing is stored: "abc", "1e5", "-1", "NaN", huge, numbers, zero', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    for (const rate of [
      'abc',
      '1e5',
      '-1',
      'NaN',
      'Infinity',
      '',
      ' 7.1',
      '7.1 ',
      '0',
      '0.0000000000',
      '12345678901',
      '1.12345678901',
      '7,1',
      '0x10',
      7.1,
      null,
    ]) {
      const res = await admin.post(url, { currency: 'USD', date: '2026-11-23', rate });
      assert.equal(res.status, 400, `rate ${JSON.stringify(rate)}: ${JSON.stringify(res.body)}`);
    }
    assert.equal(await rateCount(ctx.db, company.id), 0);
    const max = await admin.post(url, { currency: 'USD', date: '2026-11-23', rate: '9999999999.9999999999' });
    assert.equal(max.status, 201);
    assert.equal(max.body.rate, '9999999999.9999999999');
  });

  test('an unknown currency or the company currency cannot get a rate (422)', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const unknown = await admin.post(url, { currency: 'XYZ', date: '2026-11-23', rate: '1.5' });
    assert.equal(unknown.status, 422);
    assert.equal(unknown.body.error.code, 'reference_invalid');
    const base = await admin.post(url, { currency: 'CNY', date: '2026-11-23', rate: '1' });
    assert.equal(base.status, 422);
    assert.equal(base.body.error.code, 'exchange_rate.company_currency');
    assert.equal(await rateCount(ctx.db, company.id), 0);
  });

  test('correct with the version (stale → 409), delete; both audited with actor and diff', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const made = await addRates(admin);
    const id = made['USD@2026-11-20'];
    const fixed = await admin.patch(`${url}/${id}`, { version: 1, rate: '7.25' });
    assert.equal(fixed.status, 200);
    assert.equal(fixed.body.rate, '7.25');
    assert.equal(fixed.body.version, 2);
    const stale = await admin.patch(`${url}/${id}`, { version: 1, rate: '1' });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'stale_version');
    assert.equal((await rateRow(ctx.db, id))?.rate, '7.2500000000');
    const moved = await admin.patch(`${url}/${id}`, { version: 2, date: '2026-11-21' });
    assert.equal(moved.status, 400, 'the day is part of the rate’s identity');
    assert.equal((await admin.patch(`${url}/${id}`, { rate: '7.3' })).status, 400, 'version-less');

    assert.equal((await admin.delete(`${url}/${id}`)).status, 204);
    assert.equal(await rateRow(ctx.db, id), undefined);
    assert.equal((await admin.get(`${url}/${id}`)).status, 404);
    const trail = await rows<{ action: string; actor_user_id: string; changes: Record<string, any> }>(
      ctx.db.orm,
      sql`select action, actor_user_id, changes from platform_audit_log
           where company_id = ${company.id} and entity = 'platform.exchange_rate' and entity_id = ${id} order by seq`,
    );
    assert.deepEqual(
      trail.map((a) => a.action),
      ['create', 'update', 'delete'],
    );
    assert.ok(trail.every((a) => a.actor_user_id === company.admin.id));
    assert.deepEqual(trail[1].changes.rate, { before: '7.2512345678', after: '7.25' });
    assert.equal(trail[2].changes.rate.before, '7.25');
    const effective = await admin.get(`${url}/effective?currency=USD&date=2026-11-23`);
    assert.equal(effective.body.rateDate, '2026-11-01', 'the deleted day no longer answers');
  });

  test('SEC-AUTHZ-01 another company’s rate is 404 and unchanged; SEC-MASS-01 extra keys are 400', async () => {
    const mine = await newCompany(ctx.db);
    const theirs = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, mine.admin);
    const made = await addRates(await signedIn(ctx.db, theirs.admin));
    const id = made['EUR@2026-11-22'];
    const before = await rateRow(ctx.db, id);
    assert.equal((await admin.get(`${url}/${id}`)).status, 404);
    assert.equal((await admin.patch(`${url}/${id}`, { version: 1, rate: '1' })).status, 404);
    assert.equal((await admin.delete(`${url}/${id}`)).status, 404);
    assert.deepEqual(await rateRow(ctx.db, id), before);
    assert.equal((await admin.get(url)).body.items.length, 0);

    for (const extra of [{ companyId: theirs.id }, { id }, { version: 1 }]) {
      const res = await admin.post(url, { currency: 'USD', date: '2026-11-23', rate: '7', ...extra });
      assert.equal(res.status, 400, JSON.stringify(extra));
    }
    assert.equal(await rateCount(ctx.db, mine.id), 0);
    assert.equal(await rateCount(ctx.db, theirs.id), 4);
  });

  test('a sales user reads rates, but recording, correcting or deleting one is 403 and changes nothing', async () => {
    const company = await newCompany(ctx.db);
    const made = await addRates(await signedIn(ctx.db, company.admin));
    const sales = await signedIn(ctx.db, await company.user('sales'));
    const id = made['USD@2026-11-01'];
    const before = await rateRow(ctx.db, id);
    assert.equal((await sales.get(url)).status, 200);
    assert.equal((await sales.get(`${url}/effective?currency=USD&date=2026-11-05`)).body.rate, '7.1');
    assert.equal((await sales.post(url, { currency: 'USD', date: '2026-11-02', rate: '7' })).status, 403);
    assert.equal((await sales.patch(`${url}/${id}`, { version: 1, rate: '1' })).status, 403);
    assert.equal((await sales.delete(`${url}/${id}`)).status, 403);
    assert.deepEqual(await rateRow(ctx.db, id), before);
    assert.equal(await rateCount(ctx.db, company.id), 4);
  });
});
