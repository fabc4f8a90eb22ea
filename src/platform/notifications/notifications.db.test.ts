import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { Client, describeDb, newCompany, signedIn } from '../../../test/kit/index.ts';
import { one, rows, withTransaction } from '../db/tx.ts';
import { notify } from './notify.ts';

describeDb('in-app notifications', (ctx) => {
  test('notify reaches active members in their language and skips strangers and disabled users', async () => {
    const company = await newCompany(ctx.db);
    const other = await newCompany(ctx.db);
    const zh = await company.user('sales');
    const gone = await company.user('sales');
    await ctx.db.orm.execute(sql`update platform_user set locale = 'zh-CN' where id = ${zh.id}`);
    await ctx.db.orm.execute(
      sql`update platform_membership set active = false where company_id = ${company.id} and user_id = ${gone.id}`,
    );
    const ids = await withTransaction(ctx.db, (tx) =>
      notify(tx, company.id, [company.admin.id, zh.id, zh.id, gone.id, other.admin.id], {
        kind: 'test.hello',
        title: { en: 'Hello', 'zh-CN': '你好' },
        body: 'body',
        link: '/approvals/1',
      }),
    );
    assert.equal(ids.length, 2);
    const written = await rows<{ user_id: string; title: string }>(
      ctx.db.orm,
      sql`select user_id, title from platform_notification where company_id = ${company.id} order by title`,
    );
    assert.deepEqual(
      written.map((w) => [w.user_id, w.title]),
      [
        [company.admin.id, 'Hello'],
        [zh.id, '你好'],
      ],
    );
    await assert.rejects(
      withTransaction(ctx.db, (tx) =>
        notify(tx, company.id, [company.admin.id], { kind: 'x.y', title: 't', link: 'javascript:alert(1)' }),
      ),
      /app path/,
    );
    await assert.rejects(
      withTransaction(ctx.db, (tx) =>
        notify(tx, company.id, [company.admin.id], { kind: 'x.y', title: 't', link: '//evil.example/x' }),
      ),
      /app path/,
    );
  });

  test('a user lists, counts and reads only their own notifications (SEC-AUTHZ-01)', async () => {
    const company = await newCompany(ctx.db);
    const stranger = await newCompany(ctx.db);
    const bob = await company.user('sales');
    const [mine1, mine2] = await withTransaction(ctx.db, async (tx) => [
      ...(await notify(tx, company.id, [company.admin.id], { kind: 'test.one', title: 'one' })),
      ...(await notify(tx, company.id, [company.admin.id], { kind: 'test.two', title: 'two' })),
    ]);
    const [bobs] = await withTransaction(ctx.db, (tx) =>
      notify(tx, company.id, [bob.id], { kind: 'test.bob', title: 'for bob' }),
    );
    const [foreign] = await withTransaction(ctx.db, (tx) =>
      notify(tx, stranger.id, [stranger.admin.id], { kind: 'test.x', title: 'other company' }),
    );

    const admin = await signedIn(ctx.db, company.admin);
    const list = await admin.get('/api/v1/notifications');
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.items.map((n: any) => n.id),
      [mine2, mine1],
    );
    assert.equal((await admin.get('/api/v1/notifications/unread-count')).body.count, 2);

    for (const id of [bobs, foreign]) {
      const denied = await admin.post(`/api/v1/notifications/${id}/read`);
      assert.equal(denied.status, 404);
    }
    const untouched = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from platform_notification where id in (${bobs}, ${foreign}) and read_at is null`,
    );
    assert.equal(untouched!.n, 2, 'another user’s notifications stay unread');

    const read = await admin.post(`/api/v1/notifications/${mine1}/read`);
    assert.equal(read.status, 200);
    assert.ok(read.body.readAt);
    const again = await admin.post(`/api/v1/notifications/${mine1}/read`);
    assert.equal(again.body.readAt, read.body.readAt, 'the first read time is kept');
    const unread = await admin.get('/api/v1/notifications?unread=true');
    assert.deepEqual(
      unread.body.items.map((n: any) => n.id),
      [mine2],
    );
    assert.equal((await admin.get('/api/v1/notifications/unread-count')).body.count, 1);
    assert.equal((await admin.get('/api/v1/notifications?unread=maybe')).status, 400);
  });

  test('read-all marks only the caller’s own notifications', async () => {
    const company = await newCompany(ctx.db);
    const bob = await company.user('sales');
    await withTransaction(ctx.db, async (tx) => {
      await notify(tx, company.id, [company.admin.id, bob.id], { kind: 'test.a', title: 'a' });
      await notify(tx, company.id, [company.admin.id, bob.id], { kind: 'test.b', title: 'b' });
    });
    const admin = await signedIn(ctx.db, company.admin);
    const res = await admin.post('/api/v1/notifications/read-all');
    assert.equal(res.status, 200);
    assert.equal(res.body.updated, 2);
    const bobClient = await signedIn(ctx.db, bob);
    assert.equal((await bobClient.get('/api/v1/notifications/unread-count')).body.count, 2);
  });

  test('pages with a cursor; a forged cursor is a 400; no sign-in is a 401', async () => {
    const company = await newCompany(ctx.db);
    await withTransaction(ctx.db, async (tx) => {
      for (let i = 0; i < 3; i++)
        await notify(tx, company.id, [company.admin.id], { kind: 'test.p', title: `${i}` });
    });
    const admin = await signedIn(ctx.db, company.admin);
    const first = await admin.get('/api/v1/notifications?limit=2');
    assert.equal(first.body.items.length, 2);
    const second = await admin.get(`/api/v1/notifications?limit=2&cursor=${first.body.nextCursor}`);
    assert.equal(second.body.items.length, 1);
    assert.equal(second.body.nextCursor, null);
    const forged = Buffer.from(JSON.stringify(["' or 1=1 --"])).toString('base64url');
    assert.equal((await admin.get(`/api/v1/notifications?cursor=${forged}`)).status, 400);
    assert.equal((await new Client(admin.app).get('/api/v1/notifications')).status, 401);
  });
});
