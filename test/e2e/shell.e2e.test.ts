// The web shell in a real browser against the real server: sign-in, layout, languages, audit log, phone menu.
// Needs Debian's chromium (never downloads a browser); starts `node bin/tandem.mjs start` on a fresh DATA_DIR.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  ADMIN,
  chooseLanguage,
  chromiumPath,
  ensureWebBuild,
  launchChromium,
  screenshot,
  screenshotDir,
  startTandem,
} from './support.ts';

test('web shell in Chromium against the real server', { timeout: 120_000 }, async (t) => {
  if (!existsSync(chromiumPath)) {
    t.skip(`chromium not installed at ${chromiumPath}: install Debian package chromium`);
    return;
  }
  ensureWebBuild();
  mkdirSync(screenshotDir, { recursive: true });

  const server = await startTandem();
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    const url = (p: string) => `${server.baseUrl}${p}`;

    await t.test('an anonymous visit to / lands on the sign-in page', async () => {
      await page.goto(url('/'));
      await page.waitForURL(/\/login/);
      await page.getByRole('heading', { name: 'Sign in to Tandem' }).waitFor();
    });

    await t.test('a wrong password shows the translated error', async () => {
      await page.getByLabel('Email').fill(ADMIN.email);
      await page.getByLabel('Password', { exact: true }).fill('not-the-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      const error = page.getByTestId('sign-in-error');
      await error.waitFor();
      assert.match((await error.textContent()) ?? '', /email or password is incorrect/);
      await screenshot(page, 'sign-in-error');
    });

    await t.test('signing in shows the layout with a menu entry per module', async () => {
      await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(/\/dashboard$/);
      const nav = page.getByTestId('nav-menu');
      for (const label of ['Dashboard', 'CRM', 'Sales', 'Inventory', 'Accounting', 'HR', 'Settings']) {
        await nav.getByText(label, { exact: true }).waitFor();
      }
      // The order-to-stock modules are groups with their screens.
      await nav.getByText('Sales', { exact: true }).click();
      for (const label of ['Quotes', 'Sales orders', 'Price lists'])
        await nav.getByText(label, { exact: true }).waitFor();
      await nav.getByText('Inventory', { exact: true }).click();
      for (const label of ['Products', 'Stock', 'Deliveries', 'Receipts', 'Stock counts', 'Safety levels'])
        await nav.getByText(label, { exact: true }).waitFor();
      await screenshot(page, 'dashboard-en');
    });

    await t.test('the language switches to Chinese and back', async () => {
      await chooseLanguage(page, '中文');
      await page.getByTestId('nav-menu').getByText('客户管理', { exact: true }).waitFor();
      assert.equal(await page.evaluate(() => localStorage.getItem('tandem.locale')), 'zh-CN');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
      await screenshot(page, 'dashboard-zh');
      await chooseLanguage(page, 'English');
      await page.getByTestId('nav-menu').getByText('CRM', { exact: true }).waitFor();
      assert.equal(await page.evaluate(() => localStorage.getItem('tandem.locale')), 'en');
    });

    await t.test('the audit log lists the sign-in', async () => {
      const nav = page.getByTestId('nav-menu');
      await nav.getByText('Settings', { exact: true }).click();
      await nav.getByText('Audit log', { exact: true }).click();
      await page.waitForURL(/\/settings\/audit-log$/);
      await page.getByRole('heading', { name: 'Audit log' }).waitFor();
      await page.getByTestId('audit-table').getByText('Sign-in session').first().waitFor();
      await screenshot(page, 'audit-log-en');
    });

    await t.test('the bell opens the notifications panel', async () => {
      await page.getByTestId('notification-bell').click();
      const panel = page.getByRole('tooltip').filter({ hasText: 'Notifications' });
      await panel.waitFor();
      await panel
        .getByText(/all caught up|Mark as read/)
        .first()
        .waitFor();
      await screenshot(page, 'notifications');
      await page.getByTestId('notification-bell').click();
      await panel.waitFor({ state: 'hidden' });
    });

    await t.test('an unknown address shows the 404 page', async () => {
      await page.goto(url('/no-such-page'));
      await page.getByText('Page not found').waitFor();
      await screenshot(page, 'not-found');
    });

    await t.test('at 375 px the menu is a drawer behind the hamburger button', async () => {
      await page.setViewportSize({ width: 375, height: 800 });
      await page.goto(url('/settings/audit-log'));
      await page.getByRole('heading', { name: 'Audit log' }).waitFor();
      const nav = page.getByTestId('nav-menu');
      assert.equal(await nav.isVisible(), false, 'no side menu at phone width');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px at 375 px`);
      await screenshot(page, 'phone-audit-log');

      await page.getByTestId('nav-toggle').click();
      await nav.waitFor({ state: 'visible' });
      await screenshot(page, 'phone-menu-open');
      await nav.getByText('Users', { exact: true }).click();
      await page.waitForURL(/\/settings\/users$/);
      await nav.waitFor({ state: 'hidden' });
      await page.getByTestId('users-table').getByText(ADMIN.email).waitFor();
      await screenshot(page, 'phone-users');
    });

    await t.test(
      'company settings at 375 px: overdue invoices block orders after 30 days, kept after a reload',
      async () => {
        await page.goto(url('/settings/company'));
        const sales = page.getByTestId('settings-sales');
        await sales.getByText('Block new orders when an invoice is this many days past due').waitFor();
        await sales.getByLabel('Block new orders when an invoice is this many days past due').fill('30');
        await page.getByTestId('save-sales').click();
        await page.getByText('Settings saved').waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `the settings page scrolls sideways by ${overflow}px at 375 px`);
        await screenshot(page, 'phone-company-settings', true);
        await page.reload();
        const field = page
          .getByTestId('settings-sales')
          .getByLabel('Block new orders when an invoice is this many days past due');
        await field.waitFor();
        await page.waitForFunction(
          (el) => (el as HTMLInputElement).value === '30',
          await field.elementHandle(),
        );
      },
    );

    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  } finally {
    await browser?.close();
    await server.stop();
  }
});
