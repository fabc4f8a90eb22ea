// Must-show 1 of issue 7: a posted invoice reaches a local receiver that verifies the Standard Webhooks
// signature with the reference package; with the receiver down the delivery is retried (every attempt
// logged) and succeeds once it is back; a long failure streak disables the subscription, tells the admins
// and leaves the events in the dead letters; replay delivers them. Also: rotation and who may see what.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { booksWorld, ok, postedInvoice } from '../../src/modules/accounting/invoice/fixtures.ts';
import {
  setAllowList,
  sleep,
  startReceiver,
} from '../../src/modules/integration/webhooks/fixtures/receiver.ts';
import { configureWebhooks, drainWebhooks } from '../../src/modules/integration/webhooks/index.ts';
import { rows } from '../../src/platform/db/tx.ts';
import { drainOutbox } from '../../src/platform/outbox/dispatcher.ts';
import { describeDb, newCompany, signedIn } from '../kit/index.ts';

const STEP = 150;

describeDb('webhooks: signed delivery, retries, disable, dead letters, replay (scenario)', (ctx) => {
  test('a posted invoice is delivered signed; retried while the receiver is down; disabled after a streak; replayed', async (t) => {
    configureWebhooks({ retrySchedule: Array(10).fill(STEP), jitter: 0, failureThreshold: 5 });
    t.after(() => configureWebhooks());
    const receiver = await startReceiver();
    t.after(() => receiver.close());
    const w = await booksWorld(ctx.db);
    const pump = async () => {
      await drainOutbox(ctx.db);
      await drainWebhooks(ctx.db, { companyId: w.company.id });
    };

    // Loopback is refused until the admin allow-lists it.
    const refused = await w.admin.post('/api/v1/webhooks', {
      url: receiver.url,
      eventTypes: ['invoice.posted'],
    });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.code, 'webhook.url_blocked');
    await setAllowList(w.admin, '127.0.0.1');
    const hook = ok(
      await w.admin.post('/api/v1/webhooks', {
        url: receiver.url,
        eventTypes: ['invoice.posted'],
        description: 'ERP bridge',
      }),
      201,
      'POST /webhooks',
    );
    assert.match(hook.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
    receiver.secret = hook.secret;
    const shown = ok(await w.admin.get(`/api/v1/webhooks/${hook.id}`));
    assert.equal(shown.secret, undefined, 'the secret is shown only once');

    // 1. Delivered and verified.
    const customer = await w.customer();
    const first = await postedInvoice(w.finance, customer.id);
    await pump();
    assert.equal(receiver.received.length, 1);
    const got = receiver.received[0];
    assert.equal(got.body.type, 'invoice.posted');
    assert.equal(got.body.data.invoiceId, first.id);
    const [event] = ok(await w.admin.get(`/api/v1/events?type=invoice.posted`)).items;
    assert.equal(got.id, event.id, 'webhook-id is the event id');
    const detail = ok(await w.admin.get(`/api/v1/events/${event.id}`));
    assert.deepEqual(
      detail.deliveries.map((d: any) => [d.webhookId, d.state]),
      [[hook.id, 'succeeded']],
    );

    // 2. Receiver down: retried with every attempt logged, delivered once it is back.
    await receiver.close();
    const second = await postedInvoice(w.finance, customer.id);
    await pump();
    await sleep(STEP + 50);
    await drainWebhooks(ctx.db, { companyId: w.company.id });
    const pending = ok(await w.admin.get(`/api/v1/webhooks/${hook.id}/deliveries?state=pending`)).items;
    assert.equal(pending.length, 1);
    const log = ok(await w.admin.get(`/api/v1/webhooks/${hook.id}/deliveries/${pending[0].id}`)).log;
    assert.equal(log.length, 2, 'two failed attempts logged');
    assert.ok(log.every((a: any) => a.statusCode === null && /ECONNREFUSED/.test(a.error)));
    assert.equal(ok(await w.admin.get(`/api/v1/webhooks/${hook.id}`)).failureStreak, 2);
    await receiver.reopen();
    await sleep(STEP + 50);
    await drainWebhooks(ctx.db, { companyId: w.company.id });
    assert.equal(receiver.received.at(-1)?.body.data.invoiceId, second.id);
    const afterUp = ok(await w.admin.get(`/api/v1/webhooks/${hook.id}/deliveries/${pending[0].id}`));
    assert.equal(afterUp.state, 'succeeded');
    assert.deepEqual(
      afterUp.log.map((a: any) => a.statusCode),
      [null, null, 200],
    );
    assert.equal(ok(await w.admin.get(`/api/v1/webhooks/${hook.id}`)).failureStreak, 0, 'reset on success');

    // 3. A long failure streak disables the subscription, tells the admins, and dead-letters the events.
    await receiver.close();
    const third = await postedInvoice(w.finance, customer.id);
    const fourth = await postedInvoice(w.finance, customer.id);
    await pump();
    for (let i = 0; i < 5; i++) {
      await sleep(STEP + 50);
      await drainWebhooks(ctx.db, { companyId: w.company.id });
    }
    const disabled = ok(await w.admin.get(`/api/v1/webhooks/${hook.id}`));
    assert.equal(disabled.state, 'disabled');
    assert.ok(disabled.failureStreak >= 5);
    const notes = await rows<{ link: string }>(
      ctx.db.orm,
      sql`select link from platform_notification
           where company_id = ${w.company.id} and user_id = ${w.company.admin.id}
             and kind = 'integration.webhook.disabled'`,
    );
    assert.deepEqual(
      notes.map((n) => n.link),
      [`/integration/webhooks/${hook.id}`],
    );
    const dead = ok(await w.admin.get('/api/v1/webhook-dead-letters')).items;
    const deadIds = dead.map((d: any) => d.eventId);
    assert.equal(dead.length, 2);
    const invoiceOf = async (eventId: string) =>
      ok(await w.admin.get(`/api/v1/events/${eventId}`)).payload.invoiceId;
    assert.deepEqual((await Promise.all(deadIds.map(invoiceOf))).sort(), [third.id, fourth.id].sort());
    // A disabled webhook gets no new deliveries.
    await postedInvoice(w.finance, customer.id);
    await pump();
    assert.equal(ok(await w.admin.get(`/api/v1/webhooks/${hook.id}/deliveries`)).items.length, 4);

    // 4. Replay: enable, replay the dead letters, and one delivered one again (same webhook-id).
    await receiver.reopen();
    const replayWhileDisabled = await w.admin.post(`/api/v1/webhooks/${hook.id}/replay-dead-letters`, {});
    assert.equal(replayWhileDisabled.status, 422);
    ok(await w.admin.patch(`/api/v1/webhooks/${hook.id}`, { version: disabled.version, active: true }));
    assert.equal(ok(await w.admin.post(`/api/v1/webhooks/${hook.id}/replay-dead-letters`, {})).replayed, 2);
    const before = receiver.received.length;
    await drainWebhooks(ctx.db, { companyId: w.company.id });
    assert.deepEqual(
      receiver.received
        .slice(before)
        .map((r) => r.id)
        .sort(),
      [...deadIds].sort(),
    );
    const firstDelivery = detail.deliveries[0];
    ok(await w.admin.post(`/api/v1/webhooks/${hook.id}/deliveries/${firstDelivery.id}/replay`, {}));
    await drainWebhooks(ctx.db, { companyId: w.company.id });
    assert.equal(receiver.received.at(-1)?.id, event.id, 'the replay carries the same webhook-id');
    assert.equal(receiver.effects.size, 4, 'an idempotent receiver applied each event once');
    assert.equal(ok(await w.admin.get('/api/v1/webhook-dead-letters')).items.length, 0);

    // 5. Rotation: the new secret verifies, and so does the old one during the grace period.
    const rotated = ok(await w.admin.post(`/api/v1/webhooks/${hook.id}/rotate-secret`, {}));
    assert.notEqual(rotated.secret, hook.secret);
    receiver.secret = rotated.secret;
    ok(await w.admin.post(`/api/v1/webhooks/${hook.id}/deliveries/${firstDelivery.id}/replay`, {}));
    await drainWebhooks(ctx.db, { companyId: w.company.id });
    receiver.secret = hook.secret;
    ok(await w.admin.post(`/api/v1/webhooks/${hook.id}/deliveries/${firstDelivery.id}/replay`, {}));
    await drainWebhooks(ctx.db, { companyId: w.company.id });
    const lastTwo = receiver.received.slice(-2).map((r) => r.id);
    assert.deepEqual(lastTwo, [event.id, event.id], 'both signatures verify during the grace period');
  });

  test('another company gets 404 on these ids; a salesperson gets 403', async () => {
    const w = await booksWorld(ctx.db);
    const hook = ok(
      await w.admin.post('/api/v1/webhooks', { url: 'https://203.0.113.10/hook', eventTypes: ['*'] }),
      201,
    );
    await w.customer();
    await drainOutbox(ctx.db);
    const [event] = ok(await w.admin.get('/api/v1/events')).items;
    assert.ok(event);
    const other = await newCompany(ctx.db);
    const stranger = await signedIn(ctx.db, other.admin);
    for (const url of [
      `/api/v1/webhooks/${hook.id}`,
      `/api/v1/events/${event.id}`,
      `/api/v1/webhooks/${hook.id}/deliveries`,
    ])
      assert.equal((await stranger.get(url)).status, 404, url);
    assert.equal((await stranger.post(`/api/v1/webhooks/${hook.id}/rotate-secret`, {})).status, 404);
    const sales = await signedIn(ctx.db, await w.company.user('sales'));
    assert.equal((await sales.get('/api/v1/webhooks')).status, 403);
    assert.equal((await sales.get(`/api/v1/webhooks/${hook.id}`)).status, 403);
    assert.equal(
      (await sales.post('/api/v1/webhooks', { url: 'https://203.0.113.10/x', eventTypes: ['*'] })).status,
      403,
    );
    assert.equal((await sales.get('/api/v1/events')).status, 403);
    // The secret is never stored by the idempotency layer: a retried create answers 409, not the secret.
    const key = { headers: { 'idempotency-key': `wh-${hook.id}` } };
    const body = { url: 'https://203.0.113.10/idem', eventTypes: ['invoice.posted'] };
    assert.equal((await w.admin.post('/api/v1/webhooks', body, key)).status, 201);
    const again = await w.admin.post('/api/v1/webhooks', body, key);
    assert.equal(again.status, 409);
    assert.doesNotMatch(JSON.stringify(again.body), /whsec_/);
    const stored = await rows<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from platform_idempotency_key where response_body::text like '%whsec_%'`,
    );
    assert.equal(stored[0].n, 0);
    const catalogue = ok(await w.admin.get('/api/v1/event-types')).items;
    const posted = catalogue.find((e: any) => e.type === 'invoice.posted');
    assert.equal(posted.payloadVersion, 1);
    assert.ok(posted.schema.properties.invoiceId, 'the JSON Schema of the payload');
  });
});
