// API tokens in a real browser: the admin creates a token narrowed to read customers, sees the secret
// once and copies it; the token reads customers over HTTP and is refused a write outside its scope;
// revoked in the screen, it is refused at the very next request. Then the screen in 中文 at 375 px.
// Screenshots: test-results/screenshots/api-tokens-*.png.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { test } from 'node:test';
import type { Browser } from 'playwright-core';
import { noSidewaysScroll, signIn } from './o2s-helpers.ts';
import {
  ADMIN,
  chooseLanguage,
  chromiumPath,
  ensureWebBuild,
  launchChromium,
  screenshot,
  screenshotDir,
  settle,
  startTandem,
} from './support.ts';

test('API tokens: create with a scope, copy once, use it, revoke it', { timeout: 240_000 }, async (t) => {
  if (!existsSync(chromiumPath)) {
    t.skip(`chromium not installed at ${chromiumPath}: install Debian package chromium`);
    return;
  }
  ensureWebBuild();
  mkdirSync(screenshotDir, { recursive: true });
  const server = await startTandem();
  let browser: Browser | undefined;
  const call = (token: string, method: string, path: string, body?: unknown) =>
    fetch(`${server.baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  try {
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
    const page = await context.newPage();
    await signIn(page, server.baseUrl, ADMIN);
    await chooseLanguage(page, 'English');

    await page.goto(`${server.baseUrl}/settings/api-tokens`);
    await page.getByRole('heading', { name: 'API tokens' }).waitFor();
    await page.getByTestId('token-new').click();
    await page.getByTestId('token-name').fill('BI reader');
    const scopes = page.getByTestId('token-scopes');
    await scopes.click();
    await page.keyboard.type('crm.customer.read');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await screenshot(page, 'api-tokens-new');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^Create$/ })
      .click();
    const secretBox = page.getByTestId('token-secret');
    await secretBox.waitFor();
    const shown = (await secretBox.innerText()).trim();
    assert.match(shown, /^tdm_/);
    await secretBox.getByRole('button').click();
    const token = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(token, shown, 'the copy button puts the token on the clipboard');
    await screenshot(page, 'api-tokens-secret');
    await page.getByRole('dialog').getByRole('button', { name: /^OK$/ }).click();
    await secretBox.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: /BI reader/ }).waitFor();
    await page.getByText('crm.customer.read').first().waitFor();

    // The token reads customers, is refused what its scope leaves out, and says how much is left.
    const read = await call(token, 'GET', '/customers?limit=1');
    assert.equal(read.status, 200);
    assert.ok(Number(read.headers.get('ratelimit-remaining')) > 0, 'RateLimit-Remaining is sent');
    const write = await call(token, 'POST', '/customers', {
      name: 'Scope Probe Ltd',
      ignoreDuplicates: true,
    });
    assert.equal(write.status, 403);

    // Revoked in the screen: refused at the next request.
    await page.getByTestId('token-revoke-BI reader').click();
    await page.getByRole('button', { name: /^OK$/ }).click();
    await page.getByText('Revoked', { exact: true }).waitFor();
    assert.equal((await call(token, 'GET', '/customers?limit=1')).status, 401);
    await screenshot(page, 'api-tokens-revoked');

    // 中文, phone width.
    const phone = await browser.newContext({ viewport: { width: 375, height: 780 }, isMobile: true });
    const mobile = await phone.newPage();
    await signIn(mobile, server.baseUrl, ADMIN);
    await chooseLanguage(mobile, '中文');
    await mobile.goto(`${server.baseUrl}/settings/api-tokens`);
    await mobile.getByRole('heading', { name: 'API 令牌' }).waitFor();
    await mobile.getByText('已吊销').waitFor();
    await settle(mobile);
    await noSidewaysScroll(mobile, 'the API tokens page');
    await screenshot(mobile, 'api-tokens-zh-phone');
  } finally {
    await browser?.close();
    await server.stop();
  }
});
