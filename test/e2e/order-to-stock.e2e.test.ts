// Order to stock in a real browser against the real server. The admin gives two products stock through
// the API; then the salesperson (zh-CN) builds a quote with both, watches the live totals and the stock
// per line, accepts it and confirms the order; the warehouse clerk (English) scans the goods on the
// picking screen and ships; the salesperson sees the shipment on the customer's timeline.
// Screenshots go to test-results/screenshots/o2s-*.png (zh-CN, English, and 375 px wide).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  CUP,
  CUSTOMER,
  noSidewaysScroll,
  overCreditOrder,
  PICKER,
  pickOption,
  SELLER,
  setUp,
  signIn,
  TEA,
  waitForTimelineEntry,
} from './o2s-helpers.ts';
import {
  ADMIN,
  chromiumPath,
  ensureWebBuild,
  launchChromium,
  screenshot,
  screenshotDir,
  settle,
  startTandem,
} from './support.ts';

test('order to stock: quote → order → confirm → pick and ship → customer timeline', {
  timeout: 330_000,
}, async (t) => {
  if (!existsSync(chromiumPath)) {
    t.skip(`chromium not installed at ${chromiumPath}: install Debian package chromium`);
    return;
  }
  ensureWebBuild();
  mkdirSync(screenshotDir, { recursive: true });
  rmSync(path.join(screenshotDir, 'o2s-failure.png'), { force: true });

  const server = await startTandem();
  let browser: Browser | undefined;
  try {
    const ids = await setUp(server.baseUrl);
    browser = await launchChromium();
    const sellerContext = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
    });
    const page = await sellerContext.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    const url = (p: string) => `${server.baseUrl}${p}`;
    let orderPath = '';
    let orderNumber = '';
    let deliveryPath = '';
    // Each step builds on the one before: after a failure the rest are skipped, not failed again.
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
            .screenshot({ path: path.join(screenshotDir, 'o2s-failure.png'), fullPage: true })
            .catch(() => undefined);
          throw err;
        }
      });

    await step('the salesperson builds a quote with two products: prices, live totals, stock', async () => {
      await signIn(page, server.baseUrl, SELLER);
      const nav = page.getByTestId('nav-menu');
      await nav.getByText('销售', { exact: true }).click();
      await nav.getByText('报价单', { exact: true }).click();
      await page.waitForURL(/\/sales\/quotes$/);
      await page.getByTestId('new-quote').click();
      await page.waitForURL(/\/sales\/quotes\/new$/);
      await pickOption(page, 'quote-customer', '青禾', new RegExp(CUSTOMER));
      await pickOption(page, 'line-product-0', TEA.sku, new RegExp(TEA.zh));
      await page.getByTestId('line-qty-0').fill('3');
      await page.getByTestId('add-line').click();
      await pickOption(page, 'line-product-1', '茶杯', new RegExp(CUP.sku));
      await page.getByTestId('line-qty-1').fill('10');
      // 3 × 128 + 13 % = 433.92; 10 × 35.5 + 13 % = 401.15 — computed in the browser with decimal.js.
      await page.getByTestId('line-total-0').getByText('CNY 433.92').waitFor();
      await page.getByTestId('line-total-1').getByText('CNY 401.15').waitFor();
      await page.getByTestId('quote-totals').getByText('CNY 835.07').waitFor();
      assert.match(await page.getByTestId('line-price-0').inputValue(), /^128(\.0+)?$/, 'the list price');
      await page
        .getByTestId('quote-line')
        .nth(0)
        .getByTestId('availability-ok')
        .getByText('可用 40')
        .waitFor();
      await page
        .getByTestId('quote-line')
        .nth(1)
        .getByTestId('availability-ok')
        .getByText('可用 200')
        .waitFor();
      await page.getByTestId('quote-line').nth(0).getByTestId('price-source').getByText('标准价').waitFor();
      await screenshot(page, 'o2s-quote-form-zh', true);
      await page.getByTestId('quote-save').click();
      await page.waitForURL(/\/sales\/quotes\/[0-9a-f-]{36}$/);
      await page.getByTestId('quote-number').waitFor();
      await page.getByTestId('quote-state').getByText('草稿').waitFor();
    });

    await step('accepting the quote makes the sales order; confirming it reserves the stock', async () => {
      await page.getByTestId('quote-accept').click();
      await page.getByTestId('accept-confirm').click();
      await page.waitForURL(/\/sales\/orders\/[0-9a-f-]{36}$/);
      orderPath = new URL(page.url()).pathname;
      await page.getByTestId('order-state').getByText('草稿').waitFor();
      orderNumber = ((await page.getByTestId('order-number').textContent()) ?? '').trim();
      assert.ok(orderNumber, 'the order has a number');
      await page.getByTestId('order-confirm').click();
      await page.getByTestId('order-state').getByText('已确认').waitFor();
      const lines = page.getByTestId('order-lines');
      await lines
        .locator('tr')
        .filter({ hasText: TEA.sku })
        .getByText('3', { exact: true })
        .first()
        .waitFor();
      await page.getByTestId('order-history').getByText('已确认').waitFor();
      await page.getByTestId('order-deliveries').getByTestId('picking-state').waitFor();
      await screenshot(page, 'o2s-order-confirmed-zh', true);
    });

    await step('the order line shows what is left available, with the projection chart', async () => {
      const teaRow = page.getByTestId('order-lines').locator('tr').filter({ hasText: TEA.sku });
      // 40 on hand, 3 reserved for this order: 37 available.
      await teaRow.getByTestId('availability-ok').getByText('可用 37').waitFor();
      await teaRow.getByTestId('line-availability').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('availability-chart').locator('canvas').first().waitFor();
      await dialog.getByText('已预留').waitFor();
      await screenshot(page, 'o2s-availability-zh');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
    });

    // The warehouse clerk works in English, in their own browser session.
    const pickerContext = await browser.newContext({
      viewport: { width: 1280, height: 860 },
      locale: 'en-US',
    });
    const clerk = await pickerContext.newPage();
    clerk.setDefaultTimeout(15_000);
    clerk.on('pageerror', (err) => pageErrors.push(err.message));

    await step('the warehouse clerk opens the delivery, scans the goods and ships', async () => {
      current = clerk;
      await signIn(clerk, server.baseUrl, PICKER);
      await clerk.goto(url('/inventory/deliveries'));
      const row = clerk.getByTestId('deliveries-table').locator('tr').filter({ hasText: orderNumber });
      await row.waitFor();
      await screenshot(clerk, 'o2s-deliveries-en');
      await row.getByRole('link').or(row.locator('.ant-typography-link')).first().click();
      await clerk.waitForURL(/\/inventory\/deliveries\/[0-9a-f-]{36}$/);
      deliveryPath = new URL(clerk.url()).pathname;
      await clerk.getByTestId('picking-state').getByText('Ready').waitFor();
      // The scan box has the focus: a scanner types the code and Enter.
      const scan = clerk.getByTestId('scan-input');
      await scan.waitFor();
      // Three quick scans in a row: codes that arrive while one is handled wait their turn.
      for (let i = 0; i < 3; i += 1) {
        await clerk.keyboard.type(TEA.sku);
        await clerk.keyboard.press('Enter');
      }
      await clerk.waitForFunction(
        (sku) =>
          (document.querySelector(`[data-testid="tick-${sku}"]`) as HTMLInputElement | null)?.value === '3',
        TEA.sku,
      );
      await clerk.getByTestId(`tick-${CUP.sku}`).fill('10');
      await clerk.getByTestId('carrier').fill('SF Express');
      await clerk.getByTestId('tracking-no').fill('SF1234567890');
      await screenshot(clerk, 'o2s-picking-en', true);
      const printed = await clerk.request.get(
        url(`/api/v1${deliveryPath.replace('/inventory', '')}/print?lang=en`),
      );
      assert.equal(printed.status(), 200);
      assert.match(printed.headers()['content-type'] ?? '', /text\/html/);
      await clerk.getByTestId('ship').click();
      // Wait for the server's answer to the ship call itself (it books stock and cost, which can take a
      // while on a loaded machine), then for the page to show it.
      const shipped = clerk.waitForResponse(
        (res) => res.request().method() === 'POST' && /\/deliveries\/[^/]+\/ship$/.test(res.url()),
        { timeout: 60_000 },
      );
      await clerk.getByTestId('ship-confirm').click();
      assert.equal((await shipped).status(), 200);
      await clerk.getByTestId('picking-state').getByText('Done').waitFor({ timeout: 30_000 });
      await screenshot(clerk, 'o2s-shipped-en', true);
    });

    await step(
      'the salesperson sees the order delivered and the shipment on the customer timeline',
      async () => {
        current = page;
        await page.goto(url(orderPath));
        await page
          .getByTestId('order-state')
          .getByText('已发货')
          .waitFor({ timeout: 30_000 })
          .catch(async () => {
            // The order follows the shipment through the outbox: reload once it has run.
            await page.reload();
            await page.getByTestId('order-state').getByText('已发货').waitFor({ timeout: 30_000 });
          });
        await screenshot(page, 'o2s-order-delivered-zh', true);
        await waitForTimelineEntry(
          page,
          url(`/crm/customers/${ids.customerId}?tab=timeline`),
          'delivery.shipped',
        );
        const entry = page.locator('[data-testid="timeline-entry"][data-type="delivery.shipped"]').first();
        await entry.getByText(/SF Express/).waitFor();
        await screenshot(page, 'o2s-customer-timeline-zh', true);
      },
    );

    await step('the products and stock screens in English', async () => {
      current = clerk;
      await clerk.goto(url('/inventory/stock'));
      await clerk.getByTestId('stock-table').getByText(TEA.sku).waitFor();
      await screenshot(clerk, 'o2s-stock-en');
      await clerk.goto(url(`/inventory/products/${ids.teaId}?tab=moves`));
      await clerk.getByTestId('moves-table').getByText('Delivery').first().waitFor();
      await screenshot(clerk, 'o2s-product-moves-en');
      await clerk.goto(url(`/inventory/products/${ids.teaId}?tab=availability`));
      await clerk.getByTestId('availability-chart').locator('canvas').first().waitFor();
      await screenshot(clerk, 'o2s-product-availability-en');
    });

    await step(
      'a stock count: scanning a box barcode counts the box, then the difference is posted',
      async () => {
        await clerk.goto(url('/inventory/counts'));
        await clerk.getByTestId('new-count').click();
        await clerk.getByRole('dialog').getByRole('button', { name: 'Start counting' }).click();
        await clerk.waitForURL(/\/inventory\/counts\/[0-9a-f-]{36}$/);
        await clerk.getByTestId('scan-input').waitFor();
        // Scanned quickly, one after the other: none may be lost.
        for (const code of [TEA.boxBarcode, TEA.boxBarcode, TEA.sku]) {
          await clerk.keyboard.type(code);
          await clerk.keyboard.press('Enter');
        }
        // 37 expected; 2 boxes of 12 + 1 = 25 counted: −12 (only once all three scans are in).
        const teaRow = clerk.getByTestId('count-lines').locator('tr').filter({ hasText: TEA.sku });
        await teaRow.getByText('-12').waitFor();
        await screenshot(clerk, 'o2s-count-en', true);
        await clerk.getByTestId('count-post').click();
        await clerk.getByRole('button', { name: 'OK' }).click();
        await clerk.getByText('Posted', { exact: true }).first().waitFor();
      },
    );

    await step(
      'over the credit limit, confirming shows the translated error and offers an approval',
      async () => {
        current = page;
        // The delivered order (CNY 835.07) still counts until it is invoiced; 10 more cups are CNY 401.15.
        const orderId = await overCreditOrder(server.baseUrl, ids, '1000');
        await page.goto(url(`/sales/orders/${orderId}`));
        await page.getByTestId('order-confirm').click();
        const error = page.getByTestId('confirm-error');
        await error.getByText(/超出信用额度（额度 1,000.00，已占用 835.07，本单 401.15）/).waitFor();
        await error.getByTestId('request-approval').waitFor();
        await page.getByTestId('order-state').getByText('草稿').waitFor();
        await screenshot(page, 'o2s-credit-limit-zh');
      },
    );

    // The admin keeps the catalogue, in Chinese.
    const adminContext = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
    });
    const admin = await adminContext.newPage();
    admin.setDefaultTimeout(15_000);
    admin.on('pageerror', (err) => pageErrors.push(err.message));
    const ok = /^确\s*定$/; // antd spaces two-character labels

    await step('the admin creates a product in the form', async () => {
      current = admin;
      await signIn(admin, server.baseUrl, ADMIN);
      await admin.goto(url('/inventory/products'));
      await admin.getByTestId('products-table').getByText(TEA.sku).waitFor();
      await admin.getByTestId('new-product').click();
      const drawer = admin.getByTestId('product-form');
      await drawer.getByLabel('编码', { exact: true }).fill('POT-300');
      await drawer.getByLabel('名称（中文）').fill('紫砂茶壶');
      await drawer.getByLabel('名称（英文）').fill('Yixing teapot');
      await drawer.getByLabel('标准售价').fill('268');
      await screenshot(admin, 'o2s-product-form-zh');
      await drawer.getByTestId('product-save').click();
      await admin.waitForURL(/\/inventory\/products\/[0-9a-f-]{36}$/);
      await admin.getByTestId('product-name').getByText('紫砂茶壶').waitFor();
    });

    await step('a price list for a customer group; the price check names the rule that applies', async () => {
      await admin.goto(url('/sales/price-lists'));
      await admin.getByTestId('new-price-list').click();
      const drawer = admin.getByTestId('price-list-form');
      await drawer.getByLabel('编码', { exact: true }).fill('VIP-TEA');
      await drawer.getByLabel('名称（中文）').fill('茶叶大客户价');
      await drawer.getByText('客户分组', { exact: true }).click();
      await drawer.getByRole('textbox', { name: '客户分组' }).fill('茶叶');
      await drawer.getByTestId('add-rule').click();
      const rule = drawer.getByTestId('price-rule');
      await rule.locator('.ant-select').first().click();
      await rule.locator('.ant-select input').first().fill(TEA.sku);
      await admin
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: TEA.zh })
        .click();
      await rule.getByLabel('起订数量').fill('10');
      await rule.getByLabel('单价').fill('99');
      await screenshot(admin, 'o2s-price-list-form-zh', true);
      await drawer.getByTestId('price-list-save').click();
      await drawer.waitFor({ state: 'hidden' });
      await admin.getByTestId('price-lists-table').getByText('VIP-TEA').waitFor();
      const check = admin.getByTestId('price-check');
      await check.locator('.ant-select').nth(0).click();
      await check.locator('.ant-select input').nth(0).fill(TEA.sku);
      await admin
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: TEA.zh })
        .click();
      await check.locator('.ant-select').nth(1).click();
      await check.locator('.ant-select input').nth(1).fill('青禾');
      await admin
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: CUSTOMER })
        .click();
      await check.getByTestId('price-check-qty').fill('12');
      await check.getByTestId('price-check-price').getByText('CNY 99.00').waitFor();
      await check.getByText('价目表 VIP-TEA · 满 10').waitFor();
      await screenshot(admin, 'o2s-price-check-zh');
    });

    await step('a goods receipt is entered and validated', async () => {
      await admin.goto(url('/inventory/receipts'));
      await admin.getByTestId('new-receipt').click();
      const drawer = admin.getByRole('dialog');
      await drawer.locator('.ant-card .ant-select').first().click();
      await drawer.locator('.ant-card .ant-select input').first().fill(CUP.sku);
      await admin
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: CUP.zh })
        .click();
      await drawer.getByLabel('数量').fill('24');
      await drawer.getByLabel('单位成本').fill('11.5');
      await drawer.getByTestId('receipt-save').click();
      await admin.waitForURL(/\/inventory\/receipts\/[0-9a-f-]{36}$/);
      await admin.getByTestId('receipt-validate').click();
      await admin.getByRole('button', { name: ok }).click();
      await admin.getByTestId('picking-state').getByText('已完成').waitFor();
      await screenshot(admin, 'o2s-receipt-done-zh');
    });

    await step('at 375 px the order-to-stock screens fit the phone', async () => {
      current = page;
      await page.setViewportSize({ width: 375, height: 812 });
      for (const [p, ready, name] of [
        ['/sales/quotes', 'quotes-table', 'quotes'],
        ['/sales/quotes/new', 'quote-line', 'quote-form'],
        [orderPath, 'order-lines', 'order'],
        ['/sales/orders', 'orders-table', 'orders'],
        ['/sales/price-lists', 'price-check', 'price-lists'],
        ['/inventory/products', 'products-table', 'products'],
        [`/inventory/products/${ids.teaId}`, 'stock-table', 'product'],
      ] as const) {
        await page.goto(url(p));
        await page.getByTestId(ready).first().waitFor();
        await settle(page);
        await noSidewaysScroll(page, name);
        await screenshot(page, `o2s-phone-${name}-zh`, true);
      }
      current = clerk;
      await clerk.setViewportSize({ width: 375, height: 812 });
      for (const [p, ready, name] of [
        ['/inventory/deliveries', 'deliveries-table', 'deliveries'],
        [deliveryPath, 'picking-lines', 'delivery'],
        ['/inventory/stock', 'stock-table', 'stock'],
        ['/inventory/counts', 'counts-table', 'counts'],
        ['/inventory/receipts', 'receipts-table', 'receipts'],
        ['/inventory/safety-levels', 'safety-table', 'safety'],
      ] as const) {
        await clerk.goto(url(p));
        await clerk.getByTestId(ready).first().waitFor();
        await settle(clerk);
        await noSidewaysScroll(clerk, name);
        await screenshot(clerk, `o2s-phone-${name}-en`, true);
      }
    });

    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  } finally {
    await browser?.close();
    await server.stop();
  }
});
