import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { Client, describeDb, newCompany, signedIn, testApp } from '../../../../test/kit/index.ts';
import { newSecret } from '../../../platform/ids.ts';
import { CALENDAR_LIMITS } from './routes.ts';

const at = (iso: string) => new Date(iso).toISOString();

/** The feed path of a feed URL (the test app's PUBLIC_URL is https://tandem.test). */
function feedPath(url: string): string {
  const parsed = new URL(url);
  assert.equal(parsed.origin, 'https://tandem.test');
  return parsed.pathname;
}

async function fetchFeed(client: Client, path: string) {
  const res = await client.get(path);
  return { res, text: res.raw.rawPayload.toString('utf8') };
}

describeDb('activities as a private iCalendar feed', (ctx) => {
  test('the feed parses with a real iCalendar parser: events, to-dos, Chinese text, escaping, folding', async () => {
    const company = await newCompany(ctx.db);
    const user = await company.user('sales');
    const other = await company.user('sales');
    const client = await signedIn(ctx.db, user);
    const cust = await client.post('/api/v1/customers', { name: '上海星辰贸易有限公司' });
    const subject = '拜访星辰, 讨论报价; 路径 C:\\合同\\2026';
    const body = '第一行：带上样品\n第二行：确认交期, 付款方式; 账期 30 天\n'.repeat(3);
    const meeting = await client.post('/api/v1/activities', {
      kind: 'visit',
      subject,
      body,
      customerId: cust.body.id,
      startsAt: '2026-09-01T09:30:00+08:00',
      endsAt: '2026-09-01T11:00:00+08:00',
    });
    assert.equal(meeting.status, 201, JSON.stringify(meeting.body));
    const task = await client.post('/api/v1/activities', {
      kind: 'task',
      subject: '寄送合同',
      dueAt: '2026-09-02T18:00:00+08:00',
    });
    const done = await client.post('/api/v1/activities', {
      kind: 'task',
      subject: '已完成的任务',
      dueAt: '2026-08-20T10:00:00Z',
      done: true,
    });
    await client.post('/api/v1/activities', { kind: 'note', subject: 'a note has no time: not in the feed' });
    await client.post('/api/v1/activities', { kind: 'meeting', subject: 'no start yet: not in the feed' });
    const otherClient = await signedIn(ctx.db, other);
    await otherClient.post('/api/v1/activities', {
      kind: 'meeting',
      subject: 'someone else’s meeting',
      startsAt: '2026-09-01T10:00:00Z',
    });

    const created = await client.post('/api/v1/activities/calendar-feed');
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const path = feedPath(created.body.url);
    assert.match(path, /^\/api\/v1\/public\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const stored = await ctx.db.orm.execute(
      sql`select token_hash from crm_calendar_feed where company_id = ${company.id} and user_id = ${user.id}`,
    );
    const token = path
      .split('/')
      .pop()!
      .replace(/\.ics$/, '');
    assert.notEqual((stored as any).rows[0].token_hash, token, 'only the hash is stored');

    const anonymous = new Client(await testApp(ctx.db));
    const { res, text } = await fetchFeed(anonymous, path);
    assert.equal(res.status, 200, text);
    assert.equal(res.headers['content-type'], 'text/calendar; charset=utf-8');
    assert.ok(text.endsWith('\r\n'));
    assert.equal(text.replace(/\r\n/g, '').includes('\n'), false, 'CRLF only');
    for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `folded: ${line}`);

    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const todos = calendar.getAllSubcomponents('vtodo');
    assert.equal(events.length, 1, 'only the user’s own timed meetings, visits and calls');
    const event = events[0];
    assert.equal(event.summary, subject, 'commas, semicolons and backslashes survive');
    assert.equal(event.description, `上海星辰贸易有限公司\n\n${body.trim()}`);
    assert.equal(event.uid, `${meeting.body.id}@tandem.test`);
    assert.equal(event.startDate.toJSDate().toISOString(), at('2026-09-01T09:30:00+08:00'));
    assert.equal(event.endDate.toJSDate().toISOString(), at('2026-09-01T11:00:00+08:00'));
    assert.ok(events[0].component.getFirstPropertyValue('dtstamp'), 'DTSTAMP');

    assert.equal(todos.length, 2);
    const byUid = new Map(todos.map((t) => [t.getFirstPropertyValue('uid'), t]));
    const open = byUid.get(`${task.body.id}@tandem.test`)!;
    assert.equal(open.getFirstPropertyValue('summary'), '寄送合同');
    assert.equal(
      (open.getFirstPropertyValue('due') as ICAL.Time).toJSDate().toISOString(),
      at('2026-09-02T18:00:00+08:00'),
    );
    assert.equal(open.getFirstPropertyValue('status'), 'NEEDS-ACTION');
    assert.equal(byUid.get(`${done.body.id}@tandem.test`)!.getFirstPropertyValue('status'), 'COMPLETED');
  });

  test('unknown, rotated, revoked tokens and disabled users get 404; guessing is rate-limited', async () => {
    const company = await newCompany(ctx.db);
    const user = await company.user('sales');
    const client = await signedIn(ctx.db, user);
    await client.post('/api/v1/activities', {
      kind: 'call',
      subject: '电话',
      startsAt: '2026-09-01T10:00:00Z',
    });
    const anonymous = new Client(await testApp(ctx.db));

    const first = feedPath((await client.post('/api/v1/activities/calendar-feed')).body.url);
    assert.equal((await anonymous.get(first)).status, 200);
    const replay = await client.post('/api/v1/activities/calendar-feed', undefined, {
      headers: { 'idempotency-key': 'feed-1' },
    });
    assert.equal(replay.status, 201);
    const replayed = await client.post('/api/v1/activities/calendar-feed', undefined, {
      headers: { 'idempotency-key': 'feed-1' },
    });
    assert.equal(replayed.status, 409, 'a secret is never replayed');
    assert.ok(!JSON.stringify(replayed.body).includes('/public/calendar/'), 'without the URL');

    const second = feedPath(replay.body.url);
    assert.equal((await anonymous.get(first)).status, 404, 'rotating ends the old URL');
    const ok = await anonymous.get(second);
    assert.equal(ok.status, 200);

    await ctx.db.orm.execute(sql`update platform_user set disabled_at = now() where id = ${user.id}`);
    const disabled = await anonymous.get(second);
    assert.equal(disabled.status, 404, 'a disabled user’s feed is gone');
    assert.equal(disabled.body.error.code, 'not_found');
    await ctx.db.orm.execute(sql`update platform_user set disabled_at = null where id = ${user.id}`);
    assert.equal((await anonymous.get(second)).status, 200);
    await ctx.db.orm.execute(
      sql`update platform_membership set active = false where company_id = ${company.id} and user_id = ${user.id}`,
    );
    assert.equal((await anonymous.get(second)).status, 404, 'nor may a former member read it');
    await ctx.db.orm.execute(
      sql`update platform_membership set active = true where company_id = ${company.id} and user_id = ${user.id}`,
    );

    const revoked = await client.delete('/api/v1/activities/calendar-feed');
    assert.equal(revoked.status, 204);
    assert.equal((await anonymous.get(second)).status, 404);
    assert.equal((await client.delete('/api/v1/activities/calendar-feed')).status, 404);

    const guesser = new Client(await testApp(ctx.db));
    for (let i = 0; i < CALENDAR_LIMITS.unknownPerIp.max; i++)
      assert.equal((await guesser.get(`/api/v1/public/calendar/${newSecret(32)}.ics`)).status, 404);
    const blocked = await guesser.get(`/api/v1/public/calendar/${newSecret(32)}.ics`);
    assert.equal(blocked.status, 429);
    assert.ok(blocked.headers['retry-after']);
    assert.equal((await guesser.get('/api/v1/public/calendar/short.ics')).status, 429);
    assert.equal((await anonymous.get('/api/v1/public/calendar/short.ics')).status, 404, 'per address');
  });
});
