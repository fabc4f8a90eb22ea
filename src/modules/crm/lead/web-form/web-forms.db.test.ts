import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { Client, describeDb, newCompany, signedIn, testApp } from '../../../../../test/kit/index.ts';
import { one, rows } from '../../../../platform/db/tx.ts';

const visitor = {
  companyName: '宁波海港进出口有限公司',
  contactName: '林海',
  phone: '13812345678',
  email: 'lin@haigang.example',
  region: 'CN-ZJ',
  message: '请报价',
};

describeDb('public web forms: keys, submissions, honeypot, rate limit, hosted page', (ctx) => {
  const leadCount = async (companyId: string) =>
    (
      await one<{ n: number }>(
        ctx.db.orm,
        sql`select count(*)::int as n from crm_lead where company_id = ${companyId}`,
      )
    )?.n;
  const anonymous = async () => new Client(await testApp(ctx.db));

  test('manage forms: a long random key made by the server, rotation kills the old key, off means 404', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const created = await admin.post('/api/v1/web-forms', { name: '官网询价', sourceCode: 'web' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.match(created.body.key, /^[A-Za-z0-9_-]{24,}$/);
    assert.equal(created.body.submitPath, `/api/v1/public/forms/${created.body.key}`);
    const forged = await admin.post('/api/v1/web-forms', { name: 'x', key: 'my-own-key-aaaaaaaaaaaaaaaa' });
    assert.equal(forged.status, 400, 'the key is never chosen by the client');
    const badSource = await admin.post('/api/v1/web-forms', { name: 'x', sourceCode: 'nope' });
    assert.equal(badSource.status, 422);

    const guest = await anonymous();
    const oldKey = created.body.key;
    assert.equal((await guest.post(`/api/v1/public/forms/${oldKey}`, visitor)).status, 202);
    const rotated = await admin.post(`/api/v1/web-forms/${created.body.id}/rotate-key`);
    assert.equal(rotated.status, 200);
    assert.notEqual(rotated.body.key, oldKey);
    assert.equal((await guest.post(`/api/v1/public/forms/${oldKey}`, visitor)).status, 404);
    assert.equal((await guest.get(`/forms/${oldKey}`)).status, 404);
    assert.equal((await guest.post(`/api/v1/public/forms/${rotated.body.key}`, visitor)).status, 202);

    const off = await admin.patch(`/api/v1/web-forms/${created.body.id}`, {
      version: rotated.body.version,
      active: false,
    });
    assert.equal(off.status, 200);
    const refused = await guest.post(`/api/v1/public/forms/${rotated.body.key}`, visitor);
    assert.equal(refused.status, 404);
    assert.equal(refused.body.error.code, 'not_found');
    assert.equal((await guest.post('/api/v1/public/forms/short', visitor)).status, 404);
    assert.equal(await leadCount(company.id), 2);

    const sales = await signedIn(ctx.db, await company.user('sales'));
    assert.equal((await sales.get('/api/v1/web-forms')).status, 403);
    const list = await admin.get('/api/v1/web-forms');
    assert.equal(list.body.items.length, 1);
    const log = await rows<{ action: string; changes: unknown }>(
      ctx.db.orm,
      sql`select action, changes from platform_audit_log where company_id = ${company.id} and entity = 'crm.web_form' order by seq`,
    );
    assert.deepEqual(
      log.map((l) => l.action),
      ['create', 'rotate_key', 'update'],
    );
    assert.ok(!JSON.stringify(log).includes(oldKey), 'the key is a credential: not in the audit log');
  });

  test('a submission becomes a lead of the form’s company with the form’s source; the answer says nothing', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const form = (await admin.post('/api/v1/web-forms', { name: '展会扫码', sourceCode: 'exhibition' })).body;
    const guest = await anonymous();
    const res = await guest.post(`/api/v1/public/forms/${form.key}`, visitor);
    assert.equal(res.status, 202, JSON.stringify(res.body));
    assert.deepEqual(res.body, { status: 'received' });
    const lead = await one<Record<string, any>>(
      ctx.db.orm,
      sql`select * from crm_lead where company_id = ${company.id}`,
    );
    assert.equal(lead?.source_code, 'exhibition');
    assert.equal(lead?.form_id, form.id);
    assert.equal(lead?.region_code, 'CN-ZJ');
    assert.equal(lead?.owner_user_id, company.admin.id, 'no rule: the company fallback (first admin)');
    const audit = await one<Record<string, any>>(
      ctx.db.orm,
      sql`select actor_user_id, reason from platform_audit_log where company_id = ${company.id} and entity = 'crm.lead'`,
    );
    assert.equal(audit?.actor_user_id, null);
    assert.equal(audit?.reason, 'web form 展会扫码');

    // A duplicate of an existing lead is still taken, and still answered with the same words.
    const again = await guest.post(`/api/v1/public/forms/${form.key}`, visitor);
    assert.deepEqual(again.body, { status: 'received' });
    assert.equal(await leadCount(company.id), 2);
  });

  test('a filled honeypot gets the same answer and stores nothing; bad input is a 400', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const form = (await admin.post('/api/v1/web-forms', { name: 'site' })).body;
    const guest = await anonymous();
    const bot = await guest.post(`/api/v1/public/forms/${form.key}`, {
      ...visitor,
      website: 'http://spam.example',
    });
    assert.equal(bot.status, 202);
    assert.deepEqual(bot.body, { status: 'received' });
    for (const bad of [
      { contactName: 'No way to reach me' },
      { contactName: 'A', phone: '', email: '' },
      { contactName: '', phone: '13800000000' },
      { ...visitor, email: 'nope' },
      { ...visitor, ownerUserId: company.admin.id },
      { ...visitor, region: 'anywhere' },
    ]) {
      const r = await guest.post(`/api/v1/public/forms/${form.key}`, bad);
      assert.equal(r.status, 400, JSON.stringify(bad));
    }
    const notJson = await guest.request('POST', `/api/v1/public/forms/${form.key}`, undefined, {
      raw: '{"contactName": ',
    });
    assert.equal(notJson.status, 400);
    assert.equal(await leadCount(company.id), 0);
    const events = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from platform_event where company_id = ${company.id} and type like 'lead.%'`,
    );
    assert.equal(events?.n, 0);
  });

  test('rate limit: the 11th submission a minute from one visitor is a 429 with Retry-After', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const form = (await admin.post('/api/v1/web-forms', { name: 'limited' })).body;
    const guest = await anonymous();
    for (let i = 0; i < 10; i++) {
      const ok = await guest.post(`/api/v1/public/forms/${form.key}`, {
        contactName: `V${i}`,
        phone: `1380000${1000 + i}`,
      });
      assert.equal(ok.status, 202);
    }
    const limited = await guest.post(`/api/v1/public/forms/${form.key}`, visitor);
    assert.equal(limited.status, 429);
    assert.equal(limited.body.error.code, 'rate_limited');
    assert.ok(Number(limited.headers['retry-after']) >= 1);
    const bot = await guest.post(`/api/v1/public/forms/${form.key}`, { ...visitor, website: 'x' });
    assert.equal(bot.status, 429, 'bots are throttled like people');
    const other = await anonymous();
    assert.equal((await other.post(`/api/v1/public/forms/${form.key}`, visitor)).status, 202);
    assert.equal(await leadCount(company.id), 11);
  });

  test('the hosted page: escaped, self-contained, in the visitor’s language, with a strict policy', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const form = (await admin.post('/api/v1/web-forms', { name: '<script>alert(1)</script> internal' })).body;
    const guest = await anonymous();
    const zh = await guest.get(`/forms/${form.key}`, {
      headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' },
    });
    assert.equal(zh.status, 200);
    assert.match(String(zh.headers['content-type']), /^text\/html/);
    const html = zh.raw.body;
    assert.match(html, /<html lang="zh-CN">/);
    assert.match(html, /联系我们/);
    assert.ok(html.includes(`data-action="/api/v1/public/forms/${form.key}"`));
    assert.ok(!html.includes('internal'), 'the internal form name is not shown');
    assert.ok(!html.includes(company.code));
    assert.ok(!/(src|href)="(https?:)?\/\//.test(html), 'no external assets');
    const csp = String(zh.headers['content-security-policy']);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'sha256-/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    const en = await guest.get(`/forms/${form.key}`, {
      headers: { 'accept-language': 'en-US,en;q=0.9,zh;q=0.5' },
    });
    assert.match(en.raw.body, /<html lang="en">/);
    assert.match(en.raw.body, /Contact us/);
    const missing = await guest.get('/forms/%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    assert.equal(missing.status, 404);
    assert.ok(!missing.raw.body.includes('<script>alert'));
  });
});
