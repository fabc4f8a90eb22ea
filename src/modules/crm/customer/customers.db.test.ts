import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import {
  type Client,
  describeDb,
  newCompany,
  signedIn,
  type TestCompany,
} from '../../../../test/kit/index.ts';
import { one } from '../../../platform/db/tx.ts';

const USCC = '91350100M000100Y43';

async function create(client: Client, body: Record<string, unknown>) {
  return client.post('/api/v1/customers', body);
}

async function salesTeam(company: TestCompany) {
  const manager = await company.user('sales_manager');
  const team = await company.department({ managerUserId: manager.id });
  const a = await company.user('sales', { departmentId: team });
  const b = await company.user('sales');
  return { manager, a, b, team };
}

describeDb('customers: master data, validation, duplicates, record rules, search', (ctx) => {
  test('create, read and edit a customer; validation errors are 400s; a stale version is a 409', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const res = await create(admin, {
      name: '上海星辰贸易有限公司',
      shortName: '星辰',
      taxId: USCC,
      industryCode: 'wholesale',
      tags: ['VIP', '华东'],
      creditLimit: '500000.00',
      addresses: [{ kind: 'billing', regionCode: 'CN-SH', city: '上海', line1: '浦东新区世纪大道 100 号' }],
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.match(res.body.code, /^C\d{6}$/);
    assert.equal(res.body.ownerUserId, company.admin.id);
    assert.equal(res.body.addresses.length, 1);
    assert.equal(res.body.creditLimit, '500000.00');

    for (const bad of [
      {},
      { name: '' },
      { name: 'x'.repeat(201) },
      { name: 'A', creditLimit: '-1' },
      { name: 'A', creditLimit: 12 },
      { name: 'A', status: 'vip' },
      { name: 'A', companyId: company.id },
      { name: 'A', code: 'C1' },
    ]) {
      const r = await create(admin, bad);
      assert.equal(r.status, 400, JSON.stringify(bad));
      assert.equal(r.body.error.code, 'validation');
    }
    const edited = await admin.patch(`/api/v1/customers/${res.body.id}`, {
      version: res.body.version,
      status: 'active',
      notes: '年框客户',
    });
    assert.equal(edited.status, 200);
    assert.equal(edited.body.status, 'active');
    const stale = await admin.patch(`/api/v1/customers/${res.body.id}`, {
      version: res.body.version,
      status: 'lost',
    });
    assert.equal(stale.status, 409);
    const log = await admin.get(`/api/v1/audit-log?entity=crm.customer&entityId=${res.body.id}`);
    assert.deepEqual(
      log.body.items.map((i: any) => i.action),
      ['update', 'create'],
    );
  });

  test('a unified social credit code with a wrong check character is refused', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const res = await create(admin, { name: '福州某某公司', taxId: '91350100M000100Y44' });
    assert.equal(res.status, 422);
    assert.equal(res.body.error.code, 'crm.uscc_invalid');
    const foreign = await create(admin, {
      name: 'Acme GmbH',
      taxId: 'DE123456789',
      addresses: [{ kind: 'billing', countryCode: 'DE', line1: 'Hauptstr. 1' }],
    });
    assert.equal(foreign.status, 201, 'other countries’ tax ids are stored as text');
    const count = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from crm_customer where company_id = ${company.id}`,
    );
    assert.equal(count?.n, 1);
  });

  test('duplicates are flagged with their reasons, and a true non-duplicate is not', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    for (const name of [
      '上海星辰贸易有限公司',
      'ACME Trading Co., Ltd.',
      '上海光明乳业股份有限公司',
      '深圳华南电子（集团）有限公司',
    ])
      assert.equal((await create(admin, { name, ignoreDuplicates: true })).status, 201);
    assert.equal((await create(admin, { name: '厦门海豚科技有限公司', taxId: USCC })).status, 201);

    const cases: Array<[string, Record<string, unknown>, string | null]> = [
      ['suffix differs', { name: '上海星辰贸易公司' }, 'name'],
      ['股份 form', { name: '上海星辰贸易股份有限公司' }, 'name'],
      ['spaces and full width', { name: '上海 星辰 贸易' }, 'name'],
      ['English form suffix', { name: 'acme trading inc.' }, 'name'],
      ['full-width Latin', { name: 'ＡＣＭＥ　Ｔｒａｄｉｎｇ' }, 'name'],
      ['punctuation', { name: 'ACME-Trading LLC' }, 'name'],
      ['group in brackets', { name: '深圳华南电子集团' }, 'name'],
      ['longer name containing it', { name: '上海星辰贸易发展有限公司' }, 'similar_name'],
      ['same tax id, other name', { name: '海豚公司', taxId: USCC }, 'tax_id'],
      [
        'tax id typed in full width',
        { name: '别的名字', taxId: '９１３５０１００Ｍ０００１００Ｙ４３' },
        'tax_id',
      ],
      ['true non-duplicate: same district, different business', { name: '上海光明食品有限公司' }, null],
      ['true non-duplicate: same brand word, other city and trade', { name: '北京星辰科技有限公司' }, null],
    ];
    for (const [label, probe, reason] of cases) {
      const res = await admin.post('/api/v1/customers/duplicates', probe);
      assert.equal(res.status, 200, label);
      if (reason === null) assert.deepEqual(res.body.items, [], label);
      else
        assert.ok(
          res.body.items.some((c: any) => c.reasons.includes(reason)),
          `${label}: ${JSON.stringify(res.body.items)}`,
        );
    }
    const blocked = await create(admin, { name: '上海星辰贸易公司' });
    assert.equal(blocked.status, 409);
    assert.equal(blocked.body.error.code, 'crm.duplicate_suspected');
    assert.equal(blocked.body.error.details.candidates[0].reasons[0], 'name');
    const sameTax = await create(admin, { name: '海豚公司', taxId: USCC, ignoreDuplicates: true });
    assert.equal(sameTax.status, 409, 'a tax id duplicate is refused even when confirmed');
    assert.equal(
      (await create(admin, { name: '上海星辰贸易公司', ignoreDuplicates: true })).status,
      201,
      'confirmed by the user',
    );
  });

  test('record rule: salesperson A gets 404 for B’s customer; A’s manager and an admin see both', async () => {
    const company = await newCompany(ctx.db);
    const { manager, a, b } = await salesTeam(company);
    const clientA = await signedIn(ctx.db, a);
    const clientB = await signedIn(ctx.db, b);
    const ofA = await create(clientA, { name: '甲公司' });
    const ofB = await create(clientB, { name: '乙公司' });
    assert.equal(ofA.status, 201);
    assert.equal(ofB.status, 201);
    assert.equal((await clientA.get(`/api/v1/customers/${ofB.body.id}`)).status, 404);
    assert.equal(
      (await clientA.patch(`/api/v1/customers/${ofB.body.id}`, { version: 1, name: '抢单' })).status,
      404,
    );
    const listA = await clientA.get('/api/v1/customers');
    assert.deepEqual(
      listA.body.items.map((c: any) => c.id),
      [ofA.body.id],
    );
    assert.equal(
      (await clientA.get(`/api/v1/customers?q=${encodeURIComponent('乙公')}`)).body.items.length,
      0,
      'search does not leak',
    );

    const mgr = await signedIn(ctx.db, manager);
    assert.equal((await mgr.get(`/api/v1/customers/${ofA.body.id}`)).status, 200, 'team scope covers A');
    assert.equal(
      (await mgr.get(`/api/v1/customers/${ofB.body.id}`)).status,
      404,
      'B is not in the manager’s team',
    );
    const admin = await signedIn(ctx.db, company.admin);
    assert.equal((await admin.get('/api/v1/customers')).body.items.length, 2);

    const other = await newCompany(ctx.db);
    const stranger = await signedIn(ctx.db, other.admin);
    assert.equal((await stranger.get(`/api/v1/customers/${ofA.body.id}`)).status, 404, 'another company');
  });

  test('reassigning the owner is audited and needs the assign permission', async () => {
    const company = await newCompany(ctx.db);
    const { manager, a, b } = await salesTeam(company);
    const clientA = await signedIn(ctx.db, a);
    const c = await create(clientA, { name: '丙公司' });
    const selfGive = await clientA.post(`/api/v1/customers/${c.body.id}/assign`, {
      version: c.body.version,
      ownerUserId: b.id,
    });
    assert.equal(selfGive.status, 403, 'a salesperson cannot hand customers around');
    const mgr = await signedIn(ctx.db, manager);
    const moved = await mgr.post(`/api/v1/customers/${c.body.id}/assign`, {
      version: c.body.version,
      ownerUserId: b.id,
      reason: '重新分配',
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal(moved.body.ownerUserId, b.id);
    assert.equal(
      (await clientA.get(`/api/v1/customers/${c.body.id}`)).status,
      404,
      'the old owner no longer sees it',
    );
    assert.equal((await (await signedIn(ctx.db, b)).get(`/api/v1/customers/${c.body.id}`)).status, 200);
    const admin = await signedIn(ctx.db, company.admin);
    const log = await admin.get(`/api/v1/audit-log?entity=crm.customer&entityId=${c.body.id}`);
    const assign = log.body.items.find((i: any) => i.action === 'assign');
    assert.equal(assign.reason, '重新分配');
    assert.deepEqual(assign.changes.ownerUserId, { before: a.id, after: b.id });
  });

  test('search finds customers by two-character fragment, pinyin, initials, code and tax id', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const star = await create(admin, { name: '上海星辰贸易有限公司', taxId: USCC });
    await create(admin, { name: '北京华夏电子有限公司' });
    await create(admin, { name: 'Acme Trading Co., Ltd.' });
    for (const q of ['星辰', 'xc', 'XingChen', 'shxc', star.body.code, USCC.slice(0, 8), '辰贸']) {
      const res = await admin.get(`/api/v1/customers?q=${encodeURIComponent(q)}`);
      assert.equal(res.status, 200);
      assert.deepEqual(
        res.body.items.map((c: any) => c.id),
        [star.body.id],
        q,
      );
    }
    assert.equal((await admin.get(`/api/v1/customers?q=${encodeURIComponent('acme')}`)).body.items.length, 1);
    assert.equal((await admin.get(`/api/v1/customers?q=${encodeURIComponent('星光')}`)).body.items.length, 0);
    assert.equal(
      (await admin.get(`/api/v1/customers?q=${encodeURIComponent("' or 1=1 --")}`)).body.items.length,
      0,
    );
  });

  test('search results page newest first with a cursor, without gaps or repeats', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const matching: string[] = [];
    for (let i = 0; i < 5; i++) {
      const hit = await create(admin, {
        name: `星辰${['一', '二', '三', '四', '五'][i]}号公司`,
        ignoreDuplicates: true,
      });
      matching.unshift(hit.body.id);
      await create(admin, { name: `华夏${i}号工厂`, ignoreDuplicates: true });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await admin.get(
        `/api/v1/customers?limit=2&q=${encodeURIComponent('星辰')}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      assert.equal(page.status, 200);
      seen.push(...page.body.items.map((c: any) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, matching);
  });

  test('addresses can be added, edited (version), made default and removed; outside the record rule is a 404', async () => {
    const company = await newCompany(ctx.db);
    const { a, b } = await salesTeam(company);
    const clientA = await signedIn(ctx.db, a);
    const c = await create(clientA, {
      name: '地址测试公司',
      addresses: [{ kind: 'shipping', isDefault: true, line1: '仓库一号' }],
    });
    const first = c.body.addresses[0];
    const added = await clientA.post(`/api/v1/customers/${c.body.id}/addresses`, {
      kind: 'shipping',
      isDefault: true,
      city: '苏州',
      line1: '仓库二号',
    });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    const listed = (await clientA.get(`/api/v1/customers/${c.body.id}`)).body.addresses;
    assert.deepEqual(
      listed.filter((x: any) => x.isDefault).map((x: any) => x.id),
      [added.body.id],
      'one default per kind',
    );
    const edited = await clientA.patch(`/api/v1/customers/${c.body.id}/addresses/${first.id}`, {
      version: first.version + 1,
      line1: '仓库一号（新）',
    });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.equal(edited.body.line1, '仓库一号（新）');
    const stale = await clientA.patch(`/api/v1/customers/${c.body.id}/addresses/${first.id}`, {
      version: 1,
      line1: 'x',
    });
    assert.equal(stale.status, 409);
    const clientB = await signedIn(ctx.db, b);
    assert.equal(
      (await clientB.post(`/api/v1/customers/${c.body.id}/addresses`, { kind: 'other', line1: 'x' })).status,
      404,
    );
    assert.equal((await clientB.delete(`/api/v1/customers/${c.body.id}/addresses/${first.id}`)).status, 404);
    assert.equal((await clientA.delete(`/api/v1/customers/${c.body.id}/addresses/${first.id}`)).status, 204);
    assert.equal((await clientA.get(`/api/v1/customers/${c.body.id}`)).body.addresses.length, 1);
    const admin = await signedIn(ctx.db, company.admin);
    const log = await admin.get(`/api/v1/audit-log?entity=crm.customer&entityId=${c.body.id}`);
    for (const action of ['address_add', 'address_update', 'address_remove'])
      assert.ok(
        log.body.items.some((i: any) => i.action === action),
        action,
      );
  });
});
