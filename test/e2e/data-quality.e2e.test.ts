// The data-quality centre in a real browser against the real server. The API makes a company customer
// without a tax id (the default settings require one); the admin opens Integration → Data quality, runs
// the checks and watches the progress end, opens "Customers missing required fields", follows nothing
// yet, ignores the finding with a note; then the same screen in 中文 at 375 px without sideways scrolling,
// and the finding's link opens the customer. Screenshots go to test-results/screenshots/data-quality-*.png.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { test } from 'node:test';
import type { Browser } from 'playwright-core';
import { noSidewaysScroll, signIn } from './o2s-helpers.ts';
import {
  ADMIN,
  adminSession,
  chooseLanguage,
  chromiumPath,
  ensureWebBuild,
  launchChromium,
  screenshot,
  screenshotDir,
  settle,
  startTandem,
} from './support.ts';

test('data quality: run the checks, see a finding, ignore it with a note, follow its link', {
  timeout: 300_000,
}, async (t) => {
  if (!existsSync(chromiumPath)) {
    t.skip(`chromium not installed at ${chromiumPath}: install Debian package chromium`);
    return;
  }
  ensureWebBuild();
  mkdirSync(screenshotDir, { recursive: true });
  const server = await startTandem();
  let browser: Browser | undefined;
  try {
    const admin = await adminSession(server.baseUrl);
    const customer = await admin.call<{ id: string }>('POST', '/customers', {
      name: 'Quality Check Probe Trading Ltd',
      ignoreDuplicates: true,
    });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, server.baseUrl, ADMIN);
    await chooseLanguage(page, 'English');
    await page.goto(`${server.baseUrl}/integration/data-quality`);
    await page.getByRole('heading', { name: 'Data quality' }).waitFor();
    await page.getByTestId('dq-run-now').click();
    await page.locator('[data-testid="dq-run"][data-state="done"]').waitFor({ timeout: 60_000 });
    await settle(page);
    await page.locator('[data-check="crm.customer_required_fields"]').click();
    const finding = page.locator(`[data-testid="dq-finding"][data-record-id="${customer.id}"]`);
    await finding.waitFor();
    assert.match(await finding.innerText(), /Missing: tax id/);
    await screenshot(page, 'data-quality-desktop');
    await finding.getByTestId('dq-ignore').click();
    await page.getByTestId('dq-note').fill('a sole trader, no tax id');
    await page.getByRole('button', { name: 'Ignore', exact: true }).last().click();
    await finding.waitFor({ state: 'detached' });
    const ignored = await admin.call<{ items: Array<{ status: string; note: string }> }>(
      'GET',
      `/data-quality/findings?recordId=${customer.id}`,
    );
    assert.deepEqual(
      ignored.items.map((f) => [f.status, f.note]),
      [['ignored', 'a sole trader, no tax id']],
    );
    // 中文 at phone width: the ignored finding under its filter, and its link opens the customer.
    await page.setViewportSize({ width: 375, height: 800 });
    await chooseLanguage(page, '中文');
    await page.getByText('已忽略', { exact: true }).first().click();
    // The check's panel is still open from before: it now lists the ignored finding.
    await finding.waitFor();
    await settle(page);
    await noSidewaysScroll(page, 'the data-quality screen');
    await screenshot(page, 'data-quality-phone-zh');
    await finding.getByTestId('dq-record-link').click();
    await page.waitForURL(new RegExp(`/crm/customers/${customer.id}$`));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- server output ---\n${server.output()}`);
  } finally {
    await browser?.close();
    await server.stop();
  }
});
