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
import { one, rows } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';

async function customer(client: Client, name: string): Promise<string> {
  const res = await client.post('/api/v1/customers', { name, ignoreDuplicates: true });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id;
}

async function contactCount(ctx: { db: any }, companyId: string): Promise<number> {
  const r = await one<{ n: number }>(
    ctx.db.orm,
    sql`select count(*)::int as n from crm_contact where company_id = ${companyId}`,
  );
  return r!.n;
}

async function salesTeam(company: TestCompany) {
  const manager = await company.user('sales_manager');
  const team = await company.department({ managerUserId: manager.id });
  const a = await company.user('sales', { departmentId: team });
  const b = await company.user('sales');
  return { manager, a, b };
}

describeDb('contacts: CRUD, duplicates, visibility through the customer, vCard', (ctx) => {
  test('create, read, list, edit and delete a contact; audited, with events for the timeline', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const customerId = await customer(admin, '上海星辰贸易有限公司');
    const res = await admin.post('/api/v1/contacts', {
      customerId,
      name: '王小明',
      title: '采购经理',
      phones: ['+86 138-0013-8000', '021 6888 0000'],
      email: 'Wang@Example.cn',
      wechat: 'wxm2026',
      birthday: '1985-04-12',
      preferredChannel: 'wechat',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.customerName, '上海星辰贸易有限公司');
    assert.equal(res.body.birthday, '1985-04-12');
    assert.equal(res.body.ownerUserId, company.admin.id);
    const stored = await one<{ phone_keys: string[]; name_key: string }>(
      ctx.db.orm,
      sql`select phone_keys, name_key from crm_contact where company_id = ${company.id} and id = ${res.body.id}`,
    );
    assert.deepEqual(stored?.phone_keys, ['13800138000', '2168880000']);

    const list = await admin.get(`/api/v1/customers/${customerId}/contacts`);
    assert.deepEqual(
      list.body.items.map((c: any) => c.id),
      [res.body.id],
    );
    for (const q of ['小明', '138 0013 8000', 'wang@example.cn'])
      assert.equal(
        (await admin.get(`/api/v1/contacts?q=${encodeURIComponent(q)}`)).body.items.length,
        1,
        `search ${q}`,
      );

    const edited = await admin.patch(`/api/v1/contacts/${res.body.id}`, {
      version: res.body.version,
      title: '总经理',
      phones: ['13900139000'],
    });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.deepEqual(edited.body.phones, ['13900139000']);
    const stale = await admin.patch(`/api/v1/contacts/${res.body.id}`, {
      version: res.body.version,
      title: 'x',
    });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'stale_version');

    const log = await admin.get(`/api/v1/audit-log?entity=crm.contact&entityId=${res.body.id}`);
    assert.deepEqual(
      log.body.items.map((i: any) => i.action),
      ['update', 'create'],
    );
    assert.deepEqual(log.body.items[0].changes.title, { before: '采购经理', after: '总经理' });
    const events = await rows<{ type: string; payload: any }>(
      ctx.db.orm,
      sql`select type, payload from platform_event where company_id = ${company.id} and aggregate_id = ${res.body.id}
          order by seq`,
    );
    assert.deepEqual(
      events.map((e) => e.type),
      ['contact.created', 'contact.updated'],
    );
    assert.equal(events[0].payload.customerId, customerId);
    assert.match(events[0].payload.summary, /王小明/);

    const staleDelete = await admin.delete(`/api/v1/contacts/${res.body.id}?version=1`);
    assert.equal(staleDelete.status, 409);
    const deleted = await admin.delete(`/api/v1/contacts/${res.body.id}?version=${edited.body.version}`);
    assert.equal(deleted.status, 204);
    assert.equal((await admin.get(`/api/v1/contacts/${res.body.id}`)).status, 404);
    assert.equal(await contactCount(ctx, company.id), 0);
  });

  test('bad input is a 400 and stores nothing', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    for (const bad of [
      {},
      { name: '' },
      { name: 'x'.repeat(101) },
      { name: 'A', phones: ['call me'] },
      { name: 'A', phones: Array.from({ length: 11 }, (_, i) => `1380013800${i % 10}`) },
      { name: 'A', email: 'not-an-email' },
      { name: 'A', birthday: '1985-02-30' },
      { name: 'A', birthday: '2999-01-01' },
      { name: 'A', preferredChannel: 'fax' },
      { name: 'A', customerId: 'nope' },
      { name: 'A', companyId: company.id },
    ]) {
      const r = await admin.post('/api/v1/contacts', bad);
      assert.equal(r.status, 400, JSON.stringify(bad));
    }
    const missing = await admin.post('/api/v1/contacts', { name: 'A', customerId: newId() });
    assert.equal(missing.status, 404);
    assert.equal(await contactCount(ctx, company.id), 0);
  });

  test('same phone (any format) or email among the company’s contacts is a suspected duplicate', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const customerId = await customer(admin, '厦门海豚科技有限公司');
    const first = await admin.post('/api/v1/contacts', {
      customerId,
      name: '李娜',
      phones: ['138 0013 8000'],
      email: 'li.na@example.com',
    });
    assert.equal(first.status, 201);
    const samePhone = await admin.post('/api/v1/contacts', { name: '李娜娜', phones: ['+86 13800138000'] });
    assert.equal(samePhone.status, 409);
    assert.equal(samePhone.body.error.code, 'crm.duplicate_suspected');
    assert.deepEqual(samePhone.body.error.details.candidates[0], {
      id: first.body.id,
      code: (await admin.get(`/api/v1/customers/${customerId}`)).body.code,
      name: '李娜',
      entity: 'contact',
      reasons: ['phone'],
      score: 0.9,
    });
    const sameEmail = await admin.post('/api/v1/contacts', { name: 'Lina', email: 'LI.NA@example.com' });
    assert.deepEqual(sameEmail.body.error.details.candidates[0].reasons, ['email']);
    const notDuplicate = await admin.post('/api/v1/contacts', { name: '李娜', phones: ['13800138001'] });
    assert.equal(notDuplicate.status, 201, 'the same name alone is no duplicate of a person');
    const confirmed = await admin.post('/api/v1/contacts', {
      name: '李娜 (家)',
      phones: ['0086 138 0013 8000'],
      ignoreDuplicates: true,
    });
    assert.equal(confirmed.status, 201);
    const editedIntoDuplicate = await admin.patch(`/api/v1/contacts/${notDuplicate.body.id}`, {
      version: 1,
      email: 'li.na@EXAMPLE.com',
    });
    assert.equal(editedIntoDuplicate.status, 409);
    assert.equal(await contactCount(ctx, company.id), 3);
  });

  test('visibility follows the customer’s record rule; standalone contacts follow their owner', async () => {
    const company = await newCompany(ctx.db);
    const { manager, a, b } = await salesTeam(company);
    const clientA = await signedIn(ctx.db, a);
    const clientB = await signedIn(ctx.db, b);
    const ofB = await customer(clientB, '乙公司');
    const contactOfB = await clientB.post('/api/v1/contacts', { customerId: ofB, name: '乙联系人' });
    const standaloneB = await clientB.post('/api/v1/contacts', { name: '散客乙' });
    const standaloneA = await clientA.post('/api/v1/contacts', { name: '散客甲' });
    assert.equal(contactOfB.status, 201);

    for (const id of [contactOfB.body.id, standaloneB.body.id]) {
      assert.equal((await clientA.get(`/api/v1/contacts/${id}`)).status, 404);
      assert.equal((await clientA.patch(`/api/v1/contacts/${id}`, { version: 1, name: '改' })).status, 404);
      assert.equal((await clientA.delete(`/api/v1/contacts/${id}?version=1`)).status, 404);
    }
    assert.equal((await clientA.get(`/api/v1/customers/${ofB}/contacts`)).status, 404);
    assert.equal(
      (await clientA.post('/api/v1/contacts', { customerId: ofB, name: '偷偷加' })).status,
      404,
      'a contact cannot be added to a customer one cannot see',
    );
    const moveOwn = await clientA.patch(`/api/v1/contacts/${standaloneA.body.id}`, {
      version: 1,
      customerId: ofB,
    });
    assert.equal(moveOwn.status, 404, 'nor moved onto one');
    assert.deepEqual(
      (await clientA.get('/api/v1/contacts')).body.items.map((c: any) => c.name),
      ['散客甲'],
    );
    assert.equal(
      (await clientA.get(`/api/v1/audit-log?entity=crm.contact&entityId=${contactOfB.body.id}`)).status,
      403,
      'nor its history',
    );

    // The customer moves to A: its people move with it, whoever typed them in.
    const admin = await signedIn(ctx.db, company.admin);
    const customerRow = (await admin.get(`/api/v1/customers/${ofB}`)).body;
    assert.equal(
      (
        await admin.post(`/api/v1/customers/${ofB}/assign`, {
          version: customerRow.version,
          ownerUserId: a.id,
        })
      ).status,
      200,
    );
    assert.equal((await clientA.get(`/api/v1/contacts/${contactOfB.body.id}`)).status, 200);
    assert.equal((await clientB.get(`/api/v1/contacts/${contactOfB.body.id}`)).status, 404);
    const mgr = await signedIn(ctx.db, manager);
    assert.equal((await mgr.get(`/api/v1/contacts/${standaloneA.body.id}`)).status, 200, 'team scope');
    assert.equal((await mgr.get(`/api/v1/contacts/${standaloneB.body.id}`)).status, 404);

    const other = await newCompany(ctx.db);
    const stranger = await signedIn(ctx.db, other.admin);
    assert.equal((await stranger.get(`/api/v1/contacts/${standaloneA.body.id}`)).status, 404);
    assert.equal((await stranger.delete(`/api/v1/contacts/${standaloneA.body.id}?version=1`)).status, 404);
    assert.equal(await contactCount(ctx, company.id), 3, 'nothing was changed by the refused requests');
  });

  test('a contact an activity refers to cannot be deleted; a service user may read but not write', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const customerId = await customer(admin, '丙公司');
    const c = await admin.post('/api/v1/contacts', { customerId, name: '丙' });
    await ctx.db.orm.execute(
      sql`insert into crm_activity (company_id, id, kind, subject, customer_id, contact_id, owner_user_id)
          values (${company.id}, ${newId()}, 'call', '回访', ${customerId}, ${c.body.id}, ${company.admin.id})`,
    );
    const refused = await admin.delete(`/api/v1/contacts/${c.body.id}?version=1`);
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'crm.contact_in_use');
    assert.equal(refused.body.error.details.activities, 1);

    const service = await signedIn(ctx.db, await company.user('service'));
    assert.equal((await service.post('/api/v1/contacts', { name: 'X' })).status, 403);
    assert.equal((await service.delete(`/api/v1/contacts/${c.body.id}?version=1`)).status, 403);
    assert.equal(await contactCount(ctx, company.id), 1);
  });

  test('vCard: export from one company and import into another keeps names, phones and emails', async () => {
    const source = await newCompany(ctx.db);
    const from = await signedIn(ctx.db, source.admin);
    const customerId = await customer(from, '上海星辰贸易有限公司');
    const people = [
      {
        customerId,
        name: '欧阳娜娜',
        title: '总经理, 采购; 财务',
        phones: ['+86 138 0013 8000', '021-6888 0000'],
        email: 'ouyang@example.cn',
        wechat: 'oy_nana',
        birthday: '1990-01-31',
        notes: '第一行\n第二行：很长的备注'.repeat(8),
      },
      { name: 'John O’Neil, Jr.', phones: ['+1 (415) 555-0100'], email: 'john@example.com' },
      { name: '张三', phones: ['13911112222'] },
    ];
    for (const p of people) assert.equal((await from.post('/api/v1/contacts', p)).status, 201);
    const exported = await from.get('/api/v1/contacts/export.vcf');
    assert.equal(exported.status, 200);
    assert.match(String(exported.headers['content-type']), /^text\/vcard/);
    const text = exported.raw.body;
    assert.equal(text.match(/BEGIN:VCARD/g)?.length, 3);
    for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, line);
    const onlyOne = await from.get(`/api/v1/contacts/export.vcf?customerId=${customerId}`);
    assert.equal(onlyOne.raw.body.match(/BEGIN:VCARD/g)?.length, 1);

    const target = await newCompany(ctx.db);
    const to = await signedIn(ctx.db, target.admin);
    const targetCustomer = await customer(to, '上海星辰贸易公司');
    const imported = await to.request('POST', '/api/v1/contacts/import.vcf', undefined, {
      raw: Buffer.from(text, 'utf8'),
      contentType: 'text/vcard',
    });
    assert.equal(imported.status, 200, JSON.stringify(imported.body));
    assert.equal(imported.body.created.length, 3);
    assert.deepEqual(imported.body.skipped, []);
    const list = (await to.get('/api/v1/contacts?limit=10')).body.items;
    for (const p of people) {
      const got = list.find((c: any) => c.name === p.name);
      assert.ok(got, p.name);
      assert.deepEqual(got.phones, p.phones);
      assert.equal(got.email, p.email ?? null);
    }
    const oy = list.find((c: any) => c.name === '欧阳娜娜');
    assert.equal(oy.customerId, targetCustomer, 'ORG found the customer by its name key');
    assert.equal(oy.title, people[0].title);
    assert.equal(oy.notes, people[0].notes);
    assert.equal(oy.birthday, '1990-01-31');
    assert.equal(oy.wechat, 'oy_nana');
    assert.equal(list.find((c: any) => c.name === '张三').customerId, null);

    const again = await to.request('POST', '/api/v1/contacts/import.vcf', undefined, {
      raw: Buffer.from(text, 'utf8'),
      contentType: 'text/vcard',
    });
    assert.equal(again.body.created.length, 0);
    assert.deepEqual(
      again.body.skipped.map((s: any) => s.code),
      ['crm.duplicate_suspected', 'crm.duplicate_suspected', 'crm.duplicate_suspected'],
    );
    const garbage = await to.request('POST', '/api/v1/contacts/import.vcf', undefined, {
      raw: 'hello',
      contentType: 'text/vcard',
    });
    assert.equal(garbage.status, 400);
    assert.equal(await contactCount(ctx, target.id), 3);

    // From a customer's page: every card goes to that customer, whatever its ORG says.
    const page = await customer(to, '杭州云帆科技有限公司');
    const cards = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:李雷',
      'ORG:上海星辰贸易公司',
      'TEL:13700001111',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:韩梅梅',
      'TEL:13700002222',
      'END:VCARD',
      '',
    ].join('\r\n');
    const onPage = await to.request('POST', `/api/v1/contacts/import.vcf?customerId=${page}`, undefined, {
      raw: Buffer.from(cards, 'utf8'),
      contentType: 'text/vcard',
    });
    assert.equal(onPage.status, 200, JSON.stringify(onPage.body));
    assert.deepEqual(
      onPage.body.created.map((c: any) => c.customerId),
      [page, page],
    );
    // A customer of another company is not a target: 404, nothing added.
    const foreign = await to.request(
      'POST',
      `/api/v1/contacts/import.vcf?customerId=${customerId}`,
      undefined,
      {
        raw: Buffer.from(cards, 'utf8'),
        contentType: 'text/vcard',
      },
    );
    assert.equal(foreign.status, 404);
    assert.equal(await contactCount(ctx, target.id), 5);
  });
});
