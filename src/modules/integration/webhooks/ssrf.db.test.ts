// Must-show 3 of issue 7: webhooks to loopback, private, metadata and IPv6 loopback addresses, and to a
// host name resolving to 127.0.0.1, are refused by default (400 on save, and at connect time when DNS
// changes after saving) and allowed only when the company's allow-list names them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeDb, newCompany, signedIn } from '../../../../test/kit/index.ts';
import { drainOutbox } from '../../../platform/outbox/dispatcher.ts';
import { setAllowList, startReceiver } from './fixtures/receiver.ts';
import { configureWebhooks, drainWebhooks, setWebhookResolver } from './index.ts';

const targets = [
  'http://127.0.0.1/hook',
  'http://10.0.0.1/hook',
  'http://169.254.169.254/latest/meta-data/',
  'http://[::1]/hook',
  'http://[::ffff:127.0.0.1]/hook',
  'http://localhost/hook',
  'http://rebind.example.test/hook',
];

describeDb('webhooks: server-side request forgery guard', (ctx) => {
  test('internal targets are refused on save unless allow-listed', async (t) => {
    setWebhookResolver(async (host) =>
      host === 'rebind.example.test'
        ? [{ address: '127.0.0.1', family: 4 }]
        : [{ address: '::1', family: 6 }],
    );
    t.after(() => setWebhookResolver(null));
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    for (const url of targets) {
      const res = await admin.post('/api/v1/webhooks', { url, eventTypes: ['*'] });
      assert.equal(res.status, 400, url);
      assert.equal(res.body.error.code, 'webhook.url_blocked', url);
    }
    for (const url of ['ftp://example.com/x', 'http://user:secret@example.com/hook']) {
      const res = await admin.post('/api/v1/webhooks', { url, eventTypes: ['*'] });
      assert.equal(res.body.error.code, 'webhook.url_invalid', url);
    }
    const hook = await admin.post('/api/v1/webhooks', {
      url: 'https://203.0.113.10/hook',
      eventTypes: ['*'],
    });
    assert.equal(hook.status, 201);
    const moved = await admin.patch(`/api/v1/webhooks/${hook.body.id}`, {
      version: hook.body.version,
      url: 'http://10.0.0.1/x',
    });
    assert.equal(moved.body.error.code, 'webhook.url_blocked', 'checked on change too');

    await setAllowList(admin, '127.0.0.1, 10.0.0.0/8, 169.254.169.254, ::1, localhost');
    for (const url of targets) {
      const res = await admin.post('/api/v1/webhooks', { url, eventTypes: ['*'] });
      assert.equal(res.status, 201, `${url} once allow-listed: ${JSON.stringify(res.body)}`);
    }
    const other = await signedIn(ctx.db, (await newCompany(ctx.db)).admin);
    const res = await other.post('/api/v1/webhooks', { url: 'http://127.0.0.1/hook', eventTypes: ['*'] });
    assert.equal(res.status, 400, "one company's allow-list opens nothing for another");
  });

  test('a host that resolves to loopback after saving is refused at connect time', async (t) => {
    configureWebhooks({ retrySchedule: [60_000], jitter: 0 });
    const receiver = await startReceiver();
    let answer = '203.0.113.5';
    setWebhookResolver(async () => [{ address: answer, family: 4 }]);
    t.after(async () => {
      setWebhookResolver(null);
      configureWebhooks();
      await receiver.close();
    });
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const hook = await admin.post('/api/v1/webhooks', {
      url: `http://hooks.example.test:${receiver.port}/hook`,
      eventTypes: ['customer.created'],
    });
    assert.equal(hook.status, 201);
    receiver.secret = hook.body.secret;
    answer = '127.0.0.1'; // DNS rebinding: the name now points inside
    const customer = await admin.post('/api/v1/customers', {
      name: `Rebind ${Date.now()}`,
      ignoreDuplicates: true,
    });
    assert.equal(customer.status, 201);
    await drainOutbox(ctx.db);
    await drainWebhooks(ctx.db, { companyId: company.id });
    assert.equal(receiver.received.length, 0, 'nothing reached the loopback receiver');
    const [delivery] = (await admin.get(`/api/v1/webhooks/${hook.body.id}/deliveries`)).body.items;
    const detail = (await admin.get(`/api/v1/webhooks/${hook.body.id}/deliveries/${delivery.id}`)).body;
    assert.equal(detail.log.length, 1);
    assert.match(detail.log[0].error, /resolves to 127\.0\.0\.1 is a loopback/);

    await setAllowList(admin, '127.0.0.1');
    const replay = await admin.post(`/api/v1/webhooks/${hook.body.id}/deliveries/${delivery.id}/replay`, {});
    assert.equal(replay.status, 200);
    await drainWebhooks(ctx.db, { companyId: company.id });
    assert.equal(receiver.received.length, 1, 'delivered once allow-listed');
    assert.equal(receiver.received[0].body.type, 'customer.created');
  });
});
