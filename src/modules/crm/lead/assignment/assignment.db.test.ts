import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import {
  Client,
  describeDb,
  newCompany,
  signedIn,
  type TestCompany,
  testApp,
} from '../../../../../test/kit/index.ts';
import { one, rows } from '../../../../platform/db/tx.ts';

describeDb(
  'lead assignment rules: round robin, region and source, inactive users, fallbacks, concurrency',
  (ctx) => {
    async function setup(company: TestCompany, n = 3) {
      const admin = await signedIn(ctx.db, company.admin);
      const users = [];
      for (let i = 0; i < n; i++) users.push(await company.user('sales'));
      const form = (await admin.post('/api/v1/web-forms', { name: 'site', sourceCode: 'web' })).body;
      return { admin, users, form };
    }
    let phone = 13900000000;
    const submit = async (key: string, extra: Record<string, unknown> = {}) => {
      const guest = new Client(await testApp(ctx.db));
      phone++;
      return guest.post(`/api/v1/public/forms/${key}`, {
        contactName: 'Visitor',
        phone: String(phone),
        ...extra,
      });
    };
    const owners = async (companyId: string) =>
      rows<{ owner_user_id: string; n: number }>(
        ctx.db.orm,
        sql`select owner_user_id, count(*)::int as n from crm_lead where company_id = ${companyId} group by 1`,
      );
    const countFor = (list: Array<{ owner_user_id: string; n: number }>, id: string) =>
      list.find((r) => r.owner_user_id === id)?.n ?? 0;

    test('six web-form leads round-robin over three people: two each, each told in-app', async () => {
      const company = await newCompany(ctx.db);
      const { admin, users, form } = await setup(company);
      const rule = await admin.post('/api/v1/assignment-rules', {
        name: '官网轮询',
        strategy: 'round_robin',
        userIds: users.map((u) => u.id),
      });
      assert.equal(rule.status, 201, JSON.stringify(rule.body));
      for (let i = 0; i < 6; i++) assert.equal((await submit(form.key)).status, 202);
      const spread = await owners(company.id);
      for (const u of users) assert.equal(countFor(spread, u.id), 2);
      const order = await rows<{ owner_user_id: string }>(
        ctx.db.orm,
        sql`select owner_user_id from crm_lead where company_id = ${company.id} order by created_at, id`,
      );
      assert.deepEqual(
        order.map((r) => r.owner_user_id),
        [...users, ...users].map((u) => u.id),
        'in the listed order',
      );
      const notes = await rows<{ user_id: string; n: number }>(
        ctx.db.orm,
        sql`select user_id, count(*)::int as n from platform_notification
           where company_id = ${company.id} and kind = 'crm.lead.assigned' group by 1`,
      );
      for (const u of users) assert.equal(notes.find((r) => r.user_id === u.id)?.n, 2);
      const events = await one<{ n: number }>(
        ctx.db.orm,
        sql`select count(*)::int as n from platform_event where company_id = ${company.id} and type = 'lead.assigned'`,
      );
      assert.equal(events?.n, 6);
      const first = await signedIn(ctx.db, users[0]);
      const mine = await first.get('/api/v1/leads');
      assert.equal(mine.body.items.length, 2, 'each sees the leads given to them');
    });

    test('a region rule beats the catch-all; a source rule takes only its source; prefixes match by level', async () => {
      const company = await newCompany(ctx.db);
      const { admin, users, form } = await setup(company);
      const [shanghai, fair, rest] = users;
      await admin.post('/api/v1/assignment-rules', {
        name: 'catch-all',
        priority: 100,
        strategy: 'fixed',
        userIds: [rest.id],
      });
      await admin.post('/api/v1/assignment-rules', {
        name: '上海',
        priority: 10,
        matchRegionCode: 'CN-SH',
        strategy: 'fixed',
        userIds: [shanghai.id],
      });
      await admin.post('/api/v1/assignment-rules', {
        name: '展会',
        priority: 20,
        matchSourceCode: 'exhibition',
        strategy: 'fixed',
        userIds: [fair.id],
      });
      const fairForm = (await admin.post('/api/v1/web-forms', { name: 'fair', sourceCode: 'exhibition' }))
        .body;
      await submit(form.key, { region: 'CN-SH' });
      await submit(form.key, { region: 'cn-sh-pd' });
      await submit(form.key, { region: 'CN-BJ' });
      await submit(form.key, {});
      await submit(fairForm.key, { region: 'CN-GD' });
      await submit(fairForm.key, { region: 'CN-SH' });
      const byRegion = await rows<{ region_code: string | null; source_code: string; owner_user_id: string }>(
        ctx.db.orm,
        sql`select region_code, source_code, owner_user_id from crm_lead where company_id = ${company.id} order by created_at, id`,
      );
      assert.deepEqual(
        byRegion.map((r) => r.owner_user_id),
        [shanghai.id, shanghai.id, rest.id, rest.id, fair.id, shanghai.id],
      );
    });

    test('an inactive user is skipped; with nobody available the rule’s fallback, then the company’s', async () => {
      const company = await newCompany(ctx.db);
      const { admin, users, form } = await setup(company, 4);
      const [a, b, c, backup] = users;
      const rule = (
        await admin.post('/api/v1/assignment-rules', {
          name: 'rr',
          strategy: 'round_robin',
          userIds: [a.id, b.id, c.id],
          fallbackUserId: backup.id,
        })
      ).body;
      assert.equal((await admin.post(`/api/v1/users/${b.id}/disable`, {})).status, 200);
      for (let i = 0; i < 4; i++) await submit(form.key);
      let spread = await owners(company.id);
      assert.equal(countFor(spread, a.id), 2);
      assert.equal(countFor(spread, b.id), 0);
      assert.equal(countFor(spread, c.id), 2);

      await admin.post(`/api/v1/users/${a.id}/disable`, {});
      await admin.post(`/api/v1/users/${c.id}/disable`, {});
      await submit(form.key);
      spread = await owners(company.id);
      assert.equal(countFor(spread, backup.id), 1, 'the rule’s fallback');
      await admin.post(`/api/v1/users/${backup.id}/disable`, {});
      await submit(form.key);
      spread = await owners(company.id);
      assert.equal(countFor(spread, company.admin.id), 1, 'the company fallback: the first active admin');
      const stored = await admin.get(`/api/v1/assignment-rules/${rule.id}`);
      assert.equal(stored.body.cursor, 0, 'A, C, A, C: the rotation stands at A again');
    });

    test('team rotation goes over the active members of the team', async () => {
      const company = await newCompany(ctx.db);
      const admin = await signedIn(ctx.db, company.admin);
      const team = await company.department();
      const members = [
        await company.user('sales', { departmentId: team }),
        await company.user('sales', { departmentId: team }),
      ];
      const outsider = await company.user('sales');
      const form = (await admin.post('/api/v1/web-forms', { name: 'team', teamId: team })).body;
      const rule = await admin.post('/api/v1/assignment-rules', {
        name: 'team',
        strategy: 'team_round_robin',
        teamId: team,
      });
      assert.equal(rule.status, 201, JSON.stringify(rule.body));
      for (let i = 0; i < 4; i++) await submit(form.key);
      const spread = await owners(company.id);
      for (const m of members) assert.equal(countFor(spread, m.id), 2);
      assert.equal(countFor(spread, outsider.id), 0);
      const teams = await rows<{ team_id: string }>(
        ctx.db.orm,
        sql`select distinct team_id from crm_lead where company_id = ${company.id}`,
      );
      assert.deepEqual(teams, [{ team_id: team }]);
    });

    test('rules are checked: whom they rotate over, users of this company only; managing needs crm.form.manage', async () => {
      const company = await newCompany(ctx.db);
      const other = await newCompany(ctx.db);
      const admin = await signedIn(ctx.db, company.admin);
      const cases: Array<[Record<string, unknown>, number]> = [
        [{ name: 'r', strategy: 'round_robin' }, 422],
        [{ name: 'r', strategy: 'team_round_robin' }, 422],
        [{ name: 'r', strategy: 'fixed', userIds: [other.admin.id] }, 422],
        [{ name: 'r', strategy: 'fixed', userIds: [company.admin.id, company.admin.id] }, 422],
        [{ name: 'r', strategy: 'fixed', userIds: [company.admin.id], matchSourceCode: 'nope' }, 422],
        [{ name: 'r', strategy: 'fixed', userIds: [company.admin.id], fallbackUserId: other.admin.id }, 422],
        [{ name: 'r', strategy: 'random', userIds: [company.admin.id] }, 400],
        [{ name: 'r', strategy: 'fixed', userIds: ['x'] }, 400],
        [{ name: 'r', strategy: 'fixed', userIds: [company.admin.id], matchRegionCode: 'Shanghai' }, 400],
      ];
      for (const [body, status] of cases) {
        const res = await admin.post('/api/v1/assignment-rules', body);
        assert.equal(res.status, status, JSON.stringify(body));
      }
      const n = await one<{ n: number }>(
        ctx.db.orm,
        sql`select count(*)::int as n from crm_assignment_rule where company_id = ${company.id}`,
      );
      assert.equal(n?.n, 0);
      const sales = await signedIn(ctx.db, await company.user('sales'));
      assert.equal(
        (
          await sales.post('/api/v1/assignment-rules', {
            name: 'r',
            strategy: 'fixed',
            userIds: [company.admin.id],
          })
        ).status,
        403,
      );
      const made = (
        await admin.post('/api/v1/assignment-rules', {
          name: 'r',
          strategy: 'fixed',
          userIds: [company.admin.id],
        })
      ).body;
      const edited = await admin.patch(`/api/v1/assignment-rules/${made.id}`, { version: 1, priority: 5 });
      assert.equal(edited.status, 200);
      assert.equal(
        (await admin.patch(`/api/v1/assignment-rules/${made.id}`, { version: 1, priority: 6 })).status,
        409,
      );
      assert.equal(
        (await admin.patch(`/api/v1/assignment-rules/${made.id}`, { version: 2, userIds: [] })).status,
        422,
      );
      assert.equal((await admin.delete(`/api/v1/assignment-rules/${made.id}`)).status, 204);
      assert.equal((await admin.get(`/api/v1/assignment-rules/${made.id}`)).status, 404);
    });

    test('ten leads posted at once spread 4/3/3: the cursor advances under a row lock, never twice the same', async () => {
      const company = await newCompany(ctx.db);
      const { admin, users, form } = await setup(company);
      await admin.post('/api/v1/assignment-rules', {
        name: 'rr',
        strategy: 'round_robin',
        userIds: users.map((u) => u.id),
      });
      const results = await Promise.all(Array.from({ length: 10 }, () => submit(form.key)));
      assert.deepEqual(
        results.map((r) => r.status),
        Array(10).fill(202),
      );
      const spread = await owners(company.id);
      const counts = users.map((u) => countFor(spread, u.id)).sort();
      assert.deepEqual(counts, [3, 3, 4]);
      const rule = await one<{ cursor: number }>(
        ctx.db.orm,
        sql`select cursor from crm_assignment_rule where company_id = ${company.id}`,
      );
      assert.equal(rule?.cursor, 1, 'ten steps around three people');
    });
  },
);
