// Webhooks in a real browser against the real server: the admin creates a webhook to a local receiver
// (allow-listed in the company settings), sees the signing secret once and copies it; a new customer's
// event is delivered and verified with the `standardwebhooks` package, and the delivery log shows HTTP 200;
// with the receiver stopped the next delivery fails and the log says why; with it back, Replay delivers it.
// The events page shows each event's deliveries. Then the screens in 中文 at 375 px without sideways
// scrolling. Screenshots: test-results/screenshots/webhooks-*.png.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type Receiver, startReceiver } from '../../src/modules/integration/webhooks/fixtures/receiver.ts';
import { noSidewaysScroll, signIn } from './o2s-helpers.ts';
import {
  ADMIN,
  type ApiSession,
  adminSession,
  chooseLanguage,
  chromiumPath,
  ensureWebBuild,
  eventually,
  launchChromium,
  screenshot,
  screenshotDir,
  settle,
  startTandem,
} from './support.ts';

interface DeliveryRow {
  id: string;
  eventId: string;
  state: string;
  attempts: number;
  lastStatus: number | null;
}

async function deliveriesOf(admin: ApiSession, webhookId: string): Promise<DeliveryRow[]> {
  return (await admin.call<{ items: DeliveryRow[] }>('GET', `/webhooks/${webhookId}/deliveries`)).items;
}

async function newCustomer(admin: ApiSession, name: string): Promise<string> {
  const made = await admin.call<{ id: string }>('POST', '/customers', { name, ignoreDuplicates: true });
  return made.id;
}

/** The delivery-log row of the newest delivery, expanded to show its attempts. */
async function openNewestDelivery(page: Page): Promise<void> {
  const row = page.getByTestId('webhook-deliveries').locator('tbody tr.ant-table-row').first();
  await row.locator('.ant-table-row-expand-icon').click();
  await page.getByTestId('attempt').first().waitFor();
}

test('webhooks: create, copy the secret once, see deliveries, failures and a replay', {
  timeout: 300_000,
}, async (t) => {
  if (!existsSync(chromiumPath)) {
    t.skip(`chromium not installed at ${chromiumPath}: install Debian package chromium`);
    return;
  }
  ensureWebBuild();
  mkdirSync(screenshotDir, { recursive: true });
  const receiver: Receiver = await startReceiver();
  const server = await startTandem();
  let browser: Browser | undefined;
  try {
    const admin = await adminSession(server.baseUrl);
    const settings = await admin.call<{ version: number }>('GET', '/company/settings');
    await admin.call('PATCH', '/company/settings/integration', {
      version: settings.version,
      values: { webhookAllowList: '127.0.0.1' },
    });

    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
    const page = await context.newPage();
    await signIn(page, server.baseUrl, ADMIN);
    await chooseLanguage(page, 'English');

    // Create the webhook; the secret is shown once and copied.
    await page.goto(`${server.baseUrl}/integration/webhooks`);
    await page.getByRole('heading', { name: 'Webhooks' }).waitFor();
    await page.getByTestId('webhook-new').click();
    await page.getByTestId('webhook-url').fill(receiver.url);
    await page.getByLabel('Description').fill('ERP bridge');
    await screenshot(page, 'webhooks-new');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^Save$/ })
      .click();
    const secretBox = page.getByTestId('webhook-secret');
    await secretBox.waitFor();
    const shown = (await secretBox.innerText()).trim();
    assert.match(shown, /^whsec_[A-Za-z0-9+/=]+$/);
    await secretBox.getByRole('button').click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, shown, 'the copy button puts the secret on the clipboard');
    await screenshot(page, 'webhooks-secret');
    await page.getByRole('dialog').getByRole('button', { name: /^OK$/ }).click();
    await secretBox.waitFor({ state: 'hidden' });
    receiver.secret = copied;

    const hooks = await admin.call<{ items: Array<{ id: string; url: string; secretHint: string }> }>(
      'GET',
      '/webhooks',
    );
    assert.equal(hooks.items.length, 1);
    const hook = hooks.items[0];
    assert.ok(!JSON.stringify(hook).includes(copied), 'the secret is not shown again');

    // An event is delivered, verified by the receiver, and the log shows HTTP 200.
    await page.getByRole('link', { name: receiver.url }).click();
    await page.getByRole('heading', { name: 'Webhook' }).waitFor();
    await newCustomer(admin, 'Webhook Probe Trading Ltd');
    await eventually(
      'the first delivery is verified by the receiver',
      async () => receiver.effects.size === 1,
    );
    const [first] = [...receiver.effects.values()];
    assert.equal(first.body.type, 'customer.created');
    assert.equal(first.verified, true);
    const deliveries = page.getByTestId('webhook-deliveries');
    await deliveries.getByText('Delivered').waitFor();
    await deliveries.getByText('200').first().waitFor();
    await openNewestDelivery(page);
    await page.getByTestId('attempt').getByText('HTTP 200').waitFor();
    await screenshot(page, 'webhooks-delivered', true);

    // The receiver stops: the next delivery fails and the log says why.
    await receiver.close();
    await newCustomer(admin, 'Webhook Outage Trading Ltd');
    await eventually('the second delivery fails', async () => {
      const list = await deliveriesOf(admin, hook.id);
      return list.length === 2 && list.some((d) => d.state === 'pending' && d.attempts > 0);
    });
    await page.reload();
    await deliveries.getByText('Pending').waitFor();
    await openNewestDelivery(page);
    await page
      .getByTestId('attempt')
      .getByText(/ECONNREFUSED|refused/i)
      .first()
      .waitFor();
    await screenshot(page, 'webhooks-failing', true);

    // The receiver is back; Replay sends the failed delivery now.
    await receiver.reopen();
    const failedRow = deliveries.locator('tbody tr.ant-table-row').first();
    await failedRow.getByRole('button', { name: 'Replay' }).click();
    await page.getByText('Queued to be sent again').waitFor();
    await eventually(
      'the replayed delivery is verified by the receiver',
      async () => receiver.effects.size === 2,
    );
    const all = await deliveriesOf(admin, hook.id);
    assert.deepEqual(
      all.map((d) => [d.state, d.lastStatus]),
      [
        ['succeeded', 200],
        ['succeeded', 200],
      ],
    );
    await page.reload();
    await deliveries.getByText('Pending').waitFor({ state: 'hidden' });
    await screenshot(page, 'webhooks-replayed', true);

    // The events page shows where each event went.
    await page.goto(`${server.baseUrl}/integration/events`);
    await page.getByRole('heading', { name: 'Events' }).waitFor();
    const eventRow = page.locator('tbody tr.ant-table-row', { hasText: 'customer.created' }).first();
    await eventRow.locator('.ant-table-row-expand-icon').click();
    const delivery = page.getByTestId('event-delivery').first();
    await delivery.waitFor();
    assert.match(await delivery.innerText(), /HTTP 200/);
    await screenshot(page, 'webhooks-events', true);

    // 中文 at phone width: the list, one webhook with its log, the events.
    await page.setViewportSize({ width: 375, height: 800 });
    await chooseLanguage(page, '中文');
    await page.goto(`${server.baseUrl}/integration/webhooks`);
    await page.getByRole('heading', { name: 'Webhook' }).waitFor();
    await settle(page);
    await noSidewaysScroll(page, 'the webhook list');
    await screenshot(page, 'webhooks-phone-zh', true);
    await page.goto(`${server.baseUrl}/integration/webhooks/${hook.id}`);
    await deliveries.getByText('已送达').first().waitFor();
    await openNewestDelivery(page);
    await settle(page);
    await noSidewaysScroll(page, 'the webhook page');
    await screenshot(page, 'webhooks-phone-zh-log', true);
    await page.goto(`${server.baseUrl}/integration/events`);
    await page.locator('tbody tr.ant-table-row').first().waitFor();
    await settle(page);
    await noSidewaysScroll(page, 'the events page');
    await screenshot(page, 'webhooks-phone-zh-events', true);
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- server output ---\n${server.output()}`);
  } finally {
    await browser?.close();
    await server.stop();
    await receiver.close();
  }
});
