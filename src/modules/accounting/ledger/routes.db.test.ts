import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, newCompany, signedIn } from '../../../../test/kit/index.ts';
import { one } from '../../../platform/db/tx.ts';
import { ledgerCounts } from './fixtures.ts';

describeDb('accounting HTTP: accounts, entries, periods, reports', (ctx) => {
  async function world() {
    const company = await newCompany(ctx.db);
    const preparer = await signedIn(ctx.db, await company.user('finance'));
    const reviewer = await signedIn(ctx.db, await company.user('finance'));
    const sales = await signedIn(ctx.db, await company.user('sales'));
    const accounts = (await preparer.get('/api/v1/accounts')).body.items as Array<{
      id: string;
      code: string;
      role: string | null;
    }>;
    const role = (r: string) => accounts.find((a) => a.role === r)!.id;
    return { company, preparer, reviewer, sales, role };
  }

  test('draft → review → post with review required; voucher 记-001; reversal; delete of drafts', async () => {
    const w = await world();
    await ctx.db.orm.execute(
      sql`update platform_company set settings = jsonb_set(settings, '{accounting}', '{"reviewBeforePosting": true}')
           where id = ${w.company.id}`,
    );
    const lines = [
      { accountId: w.role('bank'), debit: '500.00' },
      { accountId: w.role('revenue'), credit: '500.00' },
    ];
    const created = await w.preparer.post('/api/v1/journal-entries', {
      date: '2026-05-04',
      memo: 'cash sale',
      lines,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.state, 'draft');
    assert.equal(created.body.voucher, null);
    const id = created.body.id;
    let res = await w.preparer.post(`/api/v1/journal-entries/${id}/post`, { version: created.body.version });
    assert.equal(res.status, 422);
    assert.equal(res.body.error.code, 'accounting.entry_not_reviewed');
    res = await w.preparer.post(`/api/v1/journal-entries/${id}/review`, { version: created.body.version });
    assert.equal(res.body.error.code, 'accounting.self_review');
    res = await w.reviewer.post(`/api/v1/journal-entries/${id}/review`, { version: created.body.version });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    res = await w.preparer.post(`/api/v1/journal-entries/${id}/post`, { version: res.body.version });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.voucher, '记-001');
    const got = await w.preparer.get(`/api/v1/journal-entries/${id}`);
    assert.equal(got.body.state, 'posted');
    assert.ok(got.body.preparerId && got.body.reviewerId && got.body.posterId);
    assert.notEqual(got.body.preparerId, got.body.reviewerId);
    // The voucher is signed by name (制单 / 审核 / 记账).
    const nameOf = async (id: string) =>
      ((await ctx.db.orm.execute(sql`select name from platform_user where id = ${id}`)) as any).rows[0].name;
    assert.equal(got.body.preparerName, await nameOf(got.body.preparerId));
    assert.equal(got.body.reviewerName, await nameOf(got.body.reviewerId));
    assert.equal(got.body.posterName, await nameOf(got.body.posterId));
    res = await w.preparer.patch(`/api/v1/journal-entries/${id}`, { version: got.body.version, memo: 'x' });
    assert.equal(res.status, 409);
    res = await w.preparer.delete(`/api/v1/journal-entries/${id}?version=${got.body.version}`);
    assert.equal(res.status, 409);
    res = await w.preparer.post(`/api/v1/journal-entries/${id}/reverse`, { date: '2026-05-06' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.voucher, '记-002');
    res = await w.preparer.post(`/api/v1/journal-entries/${id}/reverse`, {});
    assert.equal(res.status, 409);
    const list = await w.preparer.get('/api/v1/journal-entries?state=posted&from=2026-05-01&to=2026-05-31');
    assert.deepEqual(list.body.items.map((e: { voucher: string }) => e.voucher).sort(), ['记-001', '记-002']);
    // An unbalanced draft is saved, and refused at posting with the difference.
    const draft = await w.preparer.post('/api/v1/journal-entries', {
      date: '2026-05-07',
      lines: [lines[0], { accountId: w.role('revenue'), credit: '499.00' }],
    });
    res = await w.reviewer.post(`/api/v1/journal-entries/${draft.body.id}/review`, {
      version: draft.body.version,
    });
    assert.equal(res.status, 422);
    assert.equal(res.body.error.code, 'accounting.entry_unbalanced');
    assert.equal(res.body.error.details.difference, '1.00');
    res = await w.preparer.delete(`/api/v1/journal-entries/${draft.body.id}?version=${draft.body.version}`);
    assert.equal(res.status, 204);
    assert.equal((await w.preparer.get(`/api/v1/journal-entries/${draft.body.id}`)).status, 404);
  });

  test('periods close and reopen over HTTP; reports answer JSON, CSV and XLSX; the ledger export is text', async () => {
    const w = await world();
    const lines = [
      { accountId: w.role('bank'), debit: '20.00' },
      { accountId: w.role('revenue'), credit: '20.00' },
    ];
    const draft = await w.preparer.post('/api/v1/journal-entries', { date: '2026-06-02', lines });
    await w.preparer.post(`/api/v1/journal-entries/${draft.body.id}/post`, { version: draft.body.version });
    const periods = await w.preparer.get('/api/v1/fiscal-periods?year=2026');
    const june = periods.body.items.find((p: { month: number }) => p.month === 6);
    let res = await w.preparer.post(`/api/v1/fiscal-periods/${june.id}/close`, { version: june.version });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const other = await w.preparer.post('/api/v1/journal-entries', { date: '2026-06-03', lines });
    assert.equal(other.status, 422);
    assert.equal(other.body.error.code, 'accounting.period_closed');
    res = await w.preparer.post(`/api/v1/fiscal-periods/${june.id}/reopen`, { version: res.body.version });
    assert.equal(res.status, 200);
    assert.equal(res.body.state, 'open');
    const tb = await w.preparer.get('/api/v1/reports/trial-balance?from=2026-06-01&to=2026-06-30');
    assert.equal(tb.status, 200);
    assert.equal(tb.body.totals.periodDebit, '20.00');
    const csv = await w.preparer.get(
      '/api/v1/reports/trial-balance?from=2026-06-01&to=2026-06-30&format=csv',
    );
    assert.equal(csv.status, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.match(csv.raw.body, /Opening debit/);
    const xlsx = await w.preparer.get('/api/v1/reports/balance-sheet?date=2026-06-30&format=xlsx');
    assert.equal(xlsx.status, 200);
    assert.equal(xlsx.raw.rawPayload.subarray(0, 2).toString(), 'PK');
    for (const url of [
      '/api/v1/reports/profit-and-loss?from=2026-06-01&to=2026-06-30',
      `/api/v1/reports/general-ledger?accountId=${w.role('bank')}&from=2026-06-01&to=2026-06-30`,
    ])
      assert.equal((await w.preparer.get(url)).status, 200, url);
    const bad = await w.preparer.get('/api/v1/reports/trial-balance?from=2026-06-30&to=2026-06-01');
    assert.equal(bad.status, 422);
    const ledger = await w.preparer.get('/api/v1/accounting/export?format=ledger');
    assert.equal(ledger.status, 200);
    assert.match(ledger.raw.body, /2026-06-02 \* \(记-001\)/);
  });

  test('accounts: create a sub-account, re-point a role; a parent with entries gets no children', async () => {
    const w = await world();
    const bank = w.role('bank');
    const sub = await w.preparer.post('/api/v1/accounts', {
      code: '1011',
      name: { en: 'Bank USD', 'zh-CN': '银行存款-美元' },
      type: 'asset',
      currency: 'USD',
      cashFlow: true,
    });
    assert.equal(sub.status, 201, JSON.stringify(sub.body));
    const moved = await w.preparer.patch(`/api/v1/accounts/${sub.body.id}`, {
      version: sub.body.version,
      role: 'bank',
    });
    assert.equal(moved.status, 200);
    assert.equal(moved.body.role, 'bank');
    const old = await w.preparer.get(`/api/v1/accounts/${bank}`);
    assert.equal(old.body.role, null);
    const draft = await w.preparer.post('/api/v1/journal-entries', {
      date: '2026-06-02',
      lines: [
        { accountId: bank, debit: '1.00' },
        { accountId: w.role('revenue'), credit: '1.00' },
      ],
    });
    assert.equal(draft.status, 201);
    const child = await w.preparer.post('/api/v1/accounts', {
      code: '101001',
      name: { en: 'x' },
      type: 'asset',
      parentId: bank,
    });
    assert.equal(child.status, 422);
    assert.equal(child.body.error.code, 'accounting.parent_has_entries');
    const dup = await w.preparer.post('/api/v1/accounts', { code: '1011', name: { en: 'x' }, type: 'asset' });
    assert.equal(dup.status, 422);
  });

  test('a sales user gets 403 on accounts, entries and reports, and changes nothing', async () => {
    const w = await world();
    const before = await ledgerCounts(ctx.db, w.company.id);
    for (const url of [
      '/api/v1/journal-entries',
      '/api/v1/accounts',
      '/api/v1/fiscal-periods',
      '/api/v1/reports/trial-balance?from=2026-01-01&to=2026-01-31',
      '/api/v1/reports/balance-sheet?date=2026-01-31',
      '/api/v1/accounting/export?format=ledger',
    ])
      assert.equal((await w.sales.get(url)).status, 403, url);
    const res = await w.sales.post('/api/v1/journal-entries', {
      date: '2026-05-04',
      lines: [
        { accountId: w.role('bank'), debit: '1.00' },
        { accountId: w.role('revenue'), credit: '1.00' },
      ],
    });
    assert.equal(res.status, 403);
    assert.deepEqual(await ledgerCounts(ctx.db, w.company.id), before);
    const audit = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from platform_audit_log where company_id = ${w.company.id} and entity = 'accounting.entry'`,
    );
    assert.equal(audit?.n, 0);
  });
});
