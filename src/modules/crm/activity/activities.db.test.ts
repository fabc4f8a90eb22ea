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
import type { Db } from '../../../platform/db/connect.ts';
import { one, rows } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { registeredJobs } from '../../../platform/jobs/scheduler.ts';
import { sendActivityReminders } from './send-reminders.ts';

async function salesTeam(company: TestCompany) {
  const manager = await company.user('sales_manager');
  const team = await company.department({ managerUserId: manager.id });
  const a = await company.user('sales', { departmentId: team });
  const b = await company.user('sales');
  return { manager, a, b, team };
}

async function customer(client: Client, name: string): Promise<string> {
  const res = await client.post('/api/v1/customers', { name, ignoreDuplicates: true });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id;
}

async function contact(db: Db, companyId: string, customerId: string | null, name: string): Promise<string> {
  const id = newId();
  await db.orm.execute(
    sql`insert into crm_contact (company_id, id, customer_id, name, name_key) values (${companyId}, ${id}, ${customerId}, ${name}, ${name})`,
  );
  return id;
}

const count = async (db: Db, companyId: string) =>
  (
    await one<{ n: number }>(
      db.orm,
      sql`select count(*)::int as n from crm_activity where company_id = ${companyId}`,
    )
  )?.n;

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

describeDb('activities: logging, links, record rule, completion, lists, my day, reminders', (ctx) => {
  test('logging a call on a customer counts as follow-up and publishes activity.logged; bad input changes nothing', async () => {
    const company = await newCompany(ctx.db);
    const { a, b, manager } = await salesTeam(company);
    const clientA = await signedIn(ctx.db, a);
    const clientB = await signedIn(ctx.db, b);
    const mine = await customer(clientA, '上海星辰贸易有限公司');
    const theirs = await customer(clientB, '北京华夏电子有限公司');

    const res = await clientA.post('/api/v1/activities', {
      kind: 'call',
      subject: '询价：年度框架协议',
      body: '客户关心交期',
      customerId: mine,
      done: true,
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.ownerUserId, a.id);
    assert.equal(res.body.customerName, '上海星辰贸易有限公司');
    assert.equal(res.body.done, true);
    const touched = await one<{ recent: boolean }>(
      ctx.db.orm,
      sql`select last_activity_at > now() - interval '1 minute' as recent from crm_customer
           where company_id = ${company.id} and id = ${mine}`,
    );
    assert.equal(touched?.recent, true, 'last_activity_at feeds the public-pool rule');
    const event = await one<{ payload: any }>(
      ctx.db.orm,
      sql`select payload from platform_event where company_id = ${company.id} and type = 'activity.logged'
           and aggregate_id = ${res.body.id}`,
    );
    assert.equal(event?.payload.customerId, mine);
    assert.equal(event?.payload.summary, 'Call: 询价：年度框架协议');

    const before = await count(ctx.db, company.id);
    for (const [label, body, status] of [
      ['unknown kind', { kind: 'lunch', subject: 'x' }, 400],
      ['empty subject', { kind: 'note', subject: '  ' }, 400],
      ['unknown field', { kind: 'note', subject: 'x', companyId: company.id }, 400],
      ['not a time', { kind: 'meeting', subject: 'x', startsAt: 'tomorrow' }, 400],
      ['February 31st', { kind: 'task', subject: 'x', dueAt: '2026-02-31T10:00:00Z' }, 400],
      [
        'ends before it starts',
        { kind: 'meeting', subject: 'x', startsAt: hoursFromNow(2), endsAt: hoursFromNow(1) },
        422,
      ],
      ['someone else’s customer', { kind: 'note', subject: 'x', customerId: theirs }, 404],
      ['a customer that does not exist', { kind: 'note', subject: 'x', customerId: newId() }, 404],
      ['an unknown lead', { kind: 'note', subject: 'x', leadId: newId() }, 404],
      ['an unknown opportunity', { kind: 'note', subject: 'x', opportunityId: newId() }, 404],
      ['an owner outside my record rule', { kind: 'task', subject: 'x', ownerUserId: b.id }, 422],
    ] as const) {
      const r = await clientA.post('/api/v1/activities', body);
      assert.equal(r.status, status, `${label}: ${JSON.stringify(r.body)}`);
    }
    assert.equal(await count(ctx.db, company.id), before, 'refused requests wrote nothing');

    const mgr = await signedIn(ctx.db, manager);
    const delegated = await mgr.post('/api/v1/activities', {
      kind: 'task',
      subject: '寄样品',
      customerId: mine,
      ownerUserId: a.id,
      dueAt: hoursFromNow(24),
    });
    assert.equal(delegated.status, 201, 'a manager gives a task to a team member');
    assert.equal(delegated.body.ownerUserId, a.id);
  });

  test('a contact or opportunity brings its customer; links that disagree are a 422', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const c1 = await customer(admin, '甲公司');
    const c2 = await customer(admin, '乙公司');
    const k1 = await contact(ctx.db, company.id, c1, '张三');
    const viaContact = await admin.post('/api/v1/activities', {
      kind: 'email',
      subject: '报价单',
      contactId: k1,
    });
    assert.equal(viaContact.status, 201);
    assert.equal(viaContact.body.customerId, c1, 'the contact’s customer');
    const wrong = await admin.post('/api/v1/activities', {
      kind: 'email',
      subject: '报价单',
      contactId: k1,
      customerId: c2,
    });
    assert.equal(wrong.status, 422);
    assert.equal(wrong.body.error.code, 'crm.link_mismatch');

    await ctx.db.orm.execute(
      sql`update crm_customer set merged_into_id = ${c2}, merged_at = now() where company_id = ${company.id} and id = ${c1}`,
    );
    const merged = await admin.post('/api/v1/activities', { kind: 'note', subject: 'x', customerId: c1 });
    assert.equal(merged.status, 422);
    assert.equal(merged.body.error.code, 'crm.customer_merged');
    assert.equal(merged.body.error.details.mergedIntoId, c2);
  });

  test('record rule, edits and completion: versions, once only, audited, activity.completed', async () => {
    const company = await newCompany(ctx.db);
    const { a, b, manager } = await salesTeam(company);
    const clientA = await signedIn(ctx.db, a);
    const clientB = await signedIn(ctx.db, b);
    const cust = await customer(clientA, '丙公司');
    const task = (
      await clientA.post('/api/v1/activities', {
        kind: 'task',
        subject: '发合同',
        customerId: cust,
        dueAt: hoursFromNow(4),
      })
    ).body;

    assert.equal((await clientB.get(`/api/v1/activities/${task.id}`)).status, 404, 'B cannot see it');
    assert.equal(
      (await clientB.post(`/api/v1/activities/${task.id}/complete`, { version: 1 })).status,
      404,
      'nor complete it',
    );
    assert.equal((await (await signedIn(ctx.db, manager)).get(`/api/v1/activities/${task.id}`)).status, 200);

    const edited = await clientA.patch(`/api/v1/activities/${task.id}`, {
      version: task.version,
      subject: '发合同（盖章版）',
      remindAt: hoursFromNow(1),
    });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    const stale = await clientA.post(`/api/v1/activities/${task.id}/complete`, { version: task.version });
    assert.equal(stale.status, 409);
    const done = await clientA.post(`/api/v1/activities/${task.id}/complete`, {
      version: edited.body.version,
      outcome: '已寄出',
    });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.done, true);
    assert.match(done.body.body, /已寄出$/);
    const again = await clientA.post(`/api/v1/activities/${task.id}/complete`, {
      version: done.body.version,
    });
    assert.equal(again.status, 422);
    assert.equal(again.body.error.code, 'crm.activity_done');

    const events = await rows<{ type: string; payload: any }>(
      ctx.db.orm,
      sql`select type, payload from platform_event where company_id = ${company.id} and aggregate_id = ${task.id}
           order by seq`,
    );
    assert.deepEqual(
      events.map((e) => e.type),
      ['activity.logged', 'activity.completed'],
    );
    assert.equal(events[1].payload.customerId, cust);
    const admin = await signedIn(ctx.db, company.admin);
    const log = await admin.get(`/api/v1/audit-log?entity=crm.activity&entityId=${task.id}`);
    assert.deepEqual(
      log.body.items.map((i: any) => i.action),
      ['complete', 'update', 'create'],
    );
  });

  test('lists: owner=me, overdue, customer, time window, pages; another salesperson sees none of it', async () => {
    const company = await newCompany(ctx.db);
    const { a, b } = await salesTeam(company);
    const clientA = await signedIn(ctx.db, a);
    const cust = await customer(clientA, '丁公司');
    const log = (body: Record<string, unknown>) => clientA.post('/api/v1/activities', body);
    const overdue = (await log({ kind: 'task', subject: '逾期', customerId: cust, dueAt: hoursFromNow(-30) }))
      .body;
    await log({ kind: 'task', subject: '明天', dueAt: hoursFromNow(20) });
    await log({ kind: 'meeting', subject: '会议', customerId: cust, startsAt: hoursFromNow(3) });
    await log({ kind: 'note', subject: '备注' });
    await log({ kind: 'call', subject: '电话', customerId: cust, done: true });

    const all = await clientA.get('/api/v1/activities?owner=me');
    assert.equal(all.body.items.length, 5);
    const late = await clientA.get('/api/v1/activities?overdue=true');
    assert.deepEqual(
      late.body.items.map((i: any) => i.id),
      [overdue.id],
    );
    assert.equal(late.body.items[0].overdue, true);
    assert.equal((await clientA.get(`/api/v1/activities?customerId=${cust}`)).body.items.length, 3);
    const window = await clientA.get(
      `/api/v1/activities?from=${encodeURIComponent(hoursFromNow(1))}&to=${encodeURIComponent(hoursFromNow(48))}`,
    );
    assert.deepEqual(window.body.items.map((i: any) => i.subject).sort(), ['会议', '明天'].sort());

    const seen: string[] = [];
    let url = '/api/v1/activities?limit=2';
    for (let page = 0; page < 5; page++) {
      const res = await clientA.get(url);
      assert.equal(res.status, 200);
      seen.push(...res.body.items.map((i: any) => i.id));
      if (!res.body.nextCursor) break;
      url = `/api/v1/activities?limit=2&cursor=${res.body.nextCursor}`;
    }
    assert.equal(new Set(seen).size, 5, 'pages cover every activity once');
    for (const cursor of [
      'nonsense',
      Buffer.from(JSON.stringify(['2026-02-31 00:00:00+00', newId()])).toString('base64url'),
    ])
      assert.equal((await clientA.get(`/api/v1/activities?cursor=${cursor}`)).status, 400, cursor);

    const clientB = await signedIn(ctx.db, b);
    assert.equal((await clientB.get('/api/v1/activities')).body.items.length, 0);
    assert.equal((await clientB.get(`/api/v1/activities?owner=${a.id}`)).body.items.length, 0);
  });

  test('my day follows the company’s time zone: overdue, due today, meetings today', async () => {
    const company = await newCompany(ctx.db);
    const user = await company.user('sales');
    const client = await signedIn(ctx.db, user);
    for (const timeZone of ['Pacific/Kiritimati', 'America/Los_Angeles']) {
      await ctx.db.orm.execute(
        sql`update platform_company set time_zone = ${timeZone} where id = ${company.id}`,
      );
      const day = await one<{ start: string; end: string }>(
        ctx.db.orm,
        sql`select (date_trunc('day', now() at time zone ${timeZone}) at time zone ${timeZone})::text as start,
                   ((date_trunc('day', now() at time zone ${timeZone}) + interval '1 day') at time zone ${timeZone})::text as end`,
      );
      const start = Date.parse(day!.start.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
      const at = (h: number) => new Date(start + h * 3_600_000).toISOString();
      const tag = timeZone.split('/')[1];
      const log = (body: Record<string, unknown>) => client.post('/api/v1/activities', body);
      await log({ kind: 'task', subject: `${tag} overdue`, dueAt: at(-2) });
      await log({ kind: 'task', subject: `${tag} today`, dueAt: at(23) });
      await log({ kind: 'task', subject: `${tag} done today`, dueAt: at(10), done: true });
      await log({ kind: 'task', subject: `${tag} tomorrow`, dueAt: at(25) });
      await log({ kind: 'meeting', subject: `${tag} meeting`, startsAt: at(9), endsAt: at(10) });
      await log({ kind: 'visit', subject: `${tag} visit tomorrow`, startsAt: at(33) });

      const res = await client.get('/api/v1/activities/my-day');
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.timeZone, timeZone);
      assert.equal(res.body.date, new Intl.DateTimeFormat('sv-SE', { timeZone }).format(new Date()));
      const subjects = (list: any[]) => list.map((i) => i.subject).filter((s: string) => s.startsWith(tag));
      assert.deepEqual(subjects(res.body.overdue), [`${tag} overdue`]);
      assert.deepEqual(subjects(res.body.dueToday), [`${tag} today`]);
      assert.deepEqual(subjects(res.body.meetings), [`${tag} meeting`]);
    }
  });

  test('reminders: owners are notified once when remindAt passes; done and future ones wait', async () => {
    const company = await newCompany(ctx.db);
    const user = await company.user('sales');
    const client = await signedIn(ctx.db, user);
    const log = (body: Record<string, unknown>) => client.post('/api/v1/activities', body);
    const due = (
      await log({
        kind: 'call',
        subject: '回访星辰',
        startsAt: hoursFromNow(1),
        remindAt: hoursFromNow(-0.1),
      })
    ).body;
    await log({ kind: 'task', subject: 'done already', remindAt: hoursFromNow(-1), done: true });
    await log({ kind: 'task', subject: 'later', remindAt: hoursFromNow(2) });

    await sendActivityReminders(ctx.db);
    await sendActivityReminders(ctx.db);
    const mine = await client.get('/api/v1/notifications');
    const reminders = mine.body.items.filter((n: any) => n.kind === 'crm.activity.reminder');
    assert.equal(reminders.length, 1, JSON.stringify(mine.body.items));
    assert.equal(reminders[0].title, 'Reminder: 回访星辰');
    assert.equal(reminders[0].link, `/crm/activities/${due.id}`);
    const row = await one<{ reminded: boolean }>(
      ctx.db.orm,
      sql`select reminded_at is not null as reminded from crm_activity where company_id = ${company.id} and id = ${due.id}`,
    );
    assert.equal(row?.reminded, true);

    const job = registeredJobs().find((j) => j.name === 'crm.activity.reminders');
    assert.equal(job?.everySeconds, 60, 'the scheduler runs it every minute');
  });
});
