// Order to cash in a real browser against the real server. The API delivers a sales order (as in
// order-to-stock); then the finance clerk (中文 first) invoices it from the order page and posts the
// invoice, reads its voucher, switches to English, sees the receivable in the AR aging, registers the
// customer's payment against the invoice and sees the aging cleared, drills from the trial balance to the
// ledger and the voucher, and prepares a manual voucher; the salesperson (English) sees the invoice paid
// on the customer's page. Screenshots go to test-results/screenshots/o2c-*.png.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { FINANCE, ORDER_TOTAL, type OrderToCash, setUpOrderToCash } from './o2c-helpers.ts';
import { CUSTOMER, noSidewaysScroll, pickOption, SELLER, signIn } from './o2s-helpers.ts';
import {
  chooseLanguage,
  chromiumPath,
  ensureWebBuild,
  launchChromium,
  screenshot,
  screenshotDir,
  settle,
  startTandem,
} from './support.ts';

/** Waits for the answer of an API call the click triggers: sturdier than waiting for the UI to guess. */
function answerOf(page: Page, method: string, pattern: RegExp) {
  return page.waitForResponse(
    (res) => res.request().method() === method && pattern.test(new URL(res.url()).pathname),
    { timeout: 30_000 },
  );
}

test('order to cash: invoice a delivered order → post → voucher → payment → aging → customer sees paid', {
  timeout: 330_000,
}, async (t) => {
  if (!existsSync(chromiumPath)) {
    t.skip(`chromium not installed at ${chromiumPath}: install Debian package chromium`);
    return;
  }
  ensureWebBuild();
  mkdirSync(screenshotDir, { recursive: true });
  rmSync(path.join(screenshotDir, 'o2c-failure.png'), { force: true });

  const server = await startTandem();
  let browser: Browser | undefined;
  try {
    const ids: OrderToCash = await setUpOrderToCash(server.baseUrl);
    browser = await launchChromium();
    const financeContext = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
    });
    const page = await financeContext.newPage();
    page.setDefaultTimeout(20_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    const url = (p: string) => `${server.baseUrl}${p}`;
    let invoicePath = '';
    let invoiceNumber = '';
    let paymentPath = '';
    let broken = false;
    let current: Page = page;
    const step = (name: string, fn: () => Promise<void>) =>
      t.test(name, async (st) => {
        if (broken) return st.skip('an earlier step failed');
        try {
          await fn();
        } catch (err) {
          broken = true;
          await current
            .screenshot({ path: path.join(screenshotDir, 'o2c-failure.png'), fullPage: true })
            .catch(() => undefined);
          throw err;
        }
      });

    await step(
      'finance invoices the delivered order from the order page and posts the invoice (中文)',
      async () => {
        await signIn(page, server.baseUrl, FINANCE);
        await page.goto(url(`/sales/orders/${ids.orderId}`));
        await page.getByTestId('order-state').getByText('已发货').waitFor();
        await page.getByTestId('order-invoice').click();
        const dialog = page.getByRole('dialog');
        await dialog.getByText('立即过账').click(); // leave a draft to look at first
        const created = answerOf(page, 'POST', /\/sales-orders\/[^/]+\/invoice$/);
        await page.getByTestId('order-invoice-confirm').click();
        assert.equal((await created).status(), 201);
        await page.waitForURL(/\/accounting\/invoices\/[0-9a-f-]{36}$/);
        invoicePath = new URL(page.url()).pathname;
        await page.getByTestId('invoice-state').getByText('草稿').waitFor();
        await page.getByTestId('invoice-totals').getByText(`CNY ${ORDER_TOTAL}`).first().waitFor();
        await screenshot(page, 'o2c-invoice-draft-zh', true);
        const posted = answerOf(page, 'POST', /\/invoices\/[^/]+\/post$/);
        await page.getByTestId('invoice-post').click();
        assert.equal((await posted).status(), 200);
        await page.getByTestId('invoice-state').getByText('已过账').waitFor();
        await page.getByTestId('payment-state').getByText('未收款').waitFor();
        invoiceNumber = ((await page.getByTestId('invoice-number').textContent()) ?? '').trim();
        assert.match(invoiceNumber, /\d/, 'the posted invoice has a number');
        await page.getByTestId('invoice-residual').getByText(`CNY ${ORDER_TOTAL}`).waitFor();
        await screenshot(page, 'o2c-invoice-posted-zh', true);
      },
    );

    await step(
      'the invoice’s voucher: 记 word and number, balanced lines, 制单 and 记账 (中文)',
      async () => {
        await page.getByTestId('invoice-entry-link').click();
        await page.waitForURL(/\/accounting\/entries\/[0-9a-f-]{36}$/);
        await page.getByTestId('entry-state').getByText('已记账').waitFor();
        assert.match((await page.getByTestId('voucher-number').textContent()) ?? '', /^记-\d{3,}$/);
        await page.getByTestId('voucher-total-debit').getByText(ORDER_TOTAL).waitFor();
        await page.getByTestId('voucher-total-credit').getByText(ORDER_TOTAL).waitFor();
        await page.getByTestId('voucher-lines').getByText('1122').waitFor(); // 应收账款
        await page.getByTestId('voucher-signatures').getByText(/记账/).waitFor();
        await screenshot(page, 'o2c-voucher-zh', true);
      },
    );

    await step('in English, the AR aging shows the open invoice under the customer', async () => {
      await chooseLanguage(page, 'English');
      await page.goto(url('/accounting/reports/ar-aging'));
      const row = page.getByTestId('ar-aging').locator('tr').filter({ hasText: CUSTOMER });
      await row.getByTestId('aging-total').getByText(ORDER_TOTAL).waitFor();
      await row
        .getByRole('button', { name: /expand/i })
        .or(row.locator('.ant-table-row-expand-icon'))
        .first()
        .click();
      await page.getByTestId('aging-open-invoices').getByText(invoiceNumber).waitFor();
      await screenshot(page, 'o2c-aging-before-en', true);
    });

    await step('finance registers the customer’s payment against the invoice', async () => {
      await page.goto(url(invoicePath));
      await page.getByTestId('invoice-register-payment').click();
      await page.waitForURL(/\/accounting\/payments\/new\?/);
      // Arriving from the invoice: its residual, allocated to it.
      await page.waitForFunction(
        (want) =>
          (document.querySelector('[data-testid="payment-amount"]') as HTMLInputElement | null)?.value ===
          want,
        ORDER_TOTAL,
      );
      assert.equal(await page.getByTestId(`allocation-${invoiceNumber}`).inputValue(), ORDER_TOTAL);
      await pickOption(page, 'payment-account', '1002', /Bank deposits/);
      await page.getByTestId('allocation-summary').getByText('CNY 0.00').waitFor(); // nothing unallocated
      await screenshot(page, 'o2c-payment-form-en', true);
      const saved = answerOf(page, 'POST', /\/api\/v1\/payments$/);
      await page.getByTestId('payment-save').click();
      assert.equal((await saved).status(), 201);
      await page.waitForURL(/\/accounting\/payments\/[0-9a-f-]{36}$/);
      paymentPath = new URL(page.url()).pathname;
      await page.getByTestId('payment-allocations').getByText(invoiceNumber).waitFor();
      await page.getByTestId('payment-unallocated').getByText('CNY 0.00').waitFor();
      await screenshot(page, 'o2c-payment-en', true);
      await page.goto(url(invoicePath));
      await page.getByTestId('payment-state').getByText('Paid').waitFor();
      await page
        .getByTestId('invoice-settlements')
        .getByText(/Payment/)
        .waitFor();
    });

    await step('the AR aging no longer lists the customer', async () => {
      await page.goto(url('/accounting/reports/ar-aging'));
      await page.getByTestId('aging-sum-total').getByText('0.00').waitFor();
      assert.equal(
        await page.getByTestId('ar-aging').locator('tr').filter({ hasText: CUSTOMER }).count(),
        0,
        'a paid customer is not in the aging',
      );
      await screenshot(page, 'o2c-aging-after-en');
    });

    await step('trial balance → the receivables ledger → the voucher', async () => {
      await page.goto(url('/accounting/reports/trial-balance'));
      const receivables = page.getByTestId('trial-balance').locator('tr').filter({ hasText: '1122' }).first();
      await receivables.getByTestId('tb-periodDebit').getByText(ORDER_TOTAL).waitFor();
      await screenshot(page, 'o2c-trial-balance-en', true);
      await receivables.getByTestId('tb-periodDebit').click();
      await page.waitForURL(/\/accounting\/reports\/general-ledger\?/);
      await page.getByTestId('gl-voucher').first().waitFor();
      // Invoiced and paid: the receivable is back to nothing.
      await page.getByTestId('gl-closing').getByText('0.00').waitFor();
      await screenshot(page, 'o2c-general-ledger-en', true);
      await page.getByTestId('gl-voucher').first().click();
      await page.waitForURL(/\/accounting\/entries\/[0-9a-f-]{36}$/);
      await page.getByTestId('voucher').waitFor();
    });

    await step('a manual voucher: post stays disabled until debit equals credit', async () => {
      await page.goto(url('/accounting/entries/new'));
      await page.getByTestId('entry-memo').fill('Cash deposited at the bank');
      await pickOption(page, 'line-account-0', '1002', /Bank deposits/);
      await page.getByTestId('line-debit-0').fill('500');
      await pickOption(page, 'line-account-1', '1001', /Cash on hand/);
      await page.getByTestId('line-credit-1').fill('450');
      await page.getByTestId('entry-difference').getByText('50.00').waitFor();
      assert.equal(await page.getByTestId('entry-save-post').isDisabled(), true, 'unbalanced: no posting');
      await screenshot(page, 'o2c-entry-unbalanced-en', true);
      await page.getByTestId('line-credit-1').fill('500');
      await page.getByTestId('entry-difference').getByText('0.00').waitFor();
      const posted = answerOf(page, 'POST', /\/journal-entries\/[^/]+\/post$/);
      await page.getByTestId('entry-save-post').click();
      assert.equal((await posted).status(), 200);
      await page.waitForURL(/\/accounting\/entries\/[0-9a-f-]{36}$/);
      await page.getByTestId('entry-state').getByText('Posted').waitFor();
      await screenshot(page, 'o2c-entry-posted-en', true);
    });

    // The salesperson works in English, in their own browser session.
    const sellerContext = await browser.newContext({
      viewport: { width: 1280, height: 860 },
      locale: 'en-US',
    });
    const seller = await sellerContext.newPage();
    seller.setDefaultTimeout(20_000);
    seller.on('pageerror', (err) => pageErrors.push(err.message));

    await step('the salesperson sees the invoice paid on the customer’s page', async () => {
      current = seller;
      await signIn(seller, server.baseUrl, SELLER);
      await seller.goto(url(`/crm/customers/${ids.customerId}`));
      const account = seller.getByTestId('customer-account');
      const row = account.getByTestId('customer-invoices').locator('tr').filter({ hasText: invoiceNumber });
      await row.getByTestId('payment-state').getByText('Paid').waitFor();
      await account.getByTestId('account-open').getByText('CNY 0.00').waitFor();
      await account.getByTestId('account-payments').locator('.ant-list-item').first().waitFor();
      // Paid on the day it was invoiced: the credit assessment puts the customer in band A.
      await account.getByTestId('credit-band').getByText('Risk band A').waitFor();
      await account
        .getByTestId('credit-profile')
        .getByText(/Pays on time/)
        .waitFor();
      await screenshot(seller, 'o2c-customer-account-en', true);
    });

    await step(
      'the salesperson plans the collection of the order; the payment already covers it',
      async () => {
        await seller.goto(url(`/sales/orders/${ids.orderId}`));
        await seller.getByTestId('order-collection-plan').click();
        await seller.waitForURL(/\/accounting\/collections\/new\?/);
        assert.equal(
          await seller.getByTestId('plan-line-amount-0').inputValue(),
          ORDER_TOTAL,
          'the order total',
        );
        assert.equal(await seller.getByTestId('plan-origin-number').inputValue(), ids.orderNumber);
        await seller.getByTestId('plan-save').click();
        await seller.waitForURL(/\/accounting\/collections\/[0-9a-f-]{36}$/);
        await seller
          .getByTestId('plan-lines-table')
          .getByTestId('line-status')
          .getByText('Collected')
          .waitFor();
        await seller.getByTestId('plan-collected').getByText(ORDER_TOTAL).waitFor();
        await screenshot(seller, 'o2c-collection-plan-en', true);
      },
    );

    await step('at 390 px the accounting screens fit the phone', async () => {
      current = page;
      await page.setViewportSize({ width: 390, height: 844 });
      for (const [p, ready, name] of [
        ['/accounting/invoices', 'invoices-table', 'invoices'],
        [invoicePath, 'invoice-lines', 'invoice'],
        [paymentPath, 'payment-allocations', 'payment'],
        ['/accounting/entries', 'entries-table', 'entries'],
        ['/accounting/entries/new', 'entry-line', 'entry-editor'],
        ['/accounting/accounts', 'accounts-table', 'accounts'],
        ['/accounting/periods', 'periods', 'periods'],
        ['/accounting/reports/trial-balance', 'trial-balance', 'trial-balance'],
        ['/accounting/reports/ar-aging', 'ar-aging', 'aging'],
      ] as const) {
        await page.goto(url(p));
        await page.getByTestId(ready).first().waitFor();
        await settle(page);
        await noSidewaysScroll(page, name);
        await screenshot(page, `o2c-phone-${name}-en`, true);
      }
      current = seller;
      await seller.setViewportSize({ width: 390, height: 844 });
      await seller.goto(url(`/crm/customers/${ids.customerId}`));
      await seller.getByTestId('customer-invoices').waitFor();
      await settle(seller);
      await noSidewaysScroll(seller, 'customer account');
      await screenshot(seller, 'o2c-phone-customer-en', true);
    });

    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  } finally {
    await browser?.close();
    await server.stop();
  }
});
