// Planning in a real browser against the real server. The API sets up a bike made from a frame (made
// from steel tubes) and wheels — a 2-level BOM — with tubes out of stock and a confirmed sales order for
// 5 bikes. The planner (built-in role production, English) opens MRP, runs it and watches the progress
// bar reach 100 %, filters the proposals, selects them all and confirms them: 2 production orders and a
// purchase requisition come back by number. The production order shows its expected finish; then the
// same screens in 中文 at 375 px. The purchaser turns the requisition into a PO and confirms it, the
// warehouse validates its receipt (API); the planner makes the frames and then the bikes in the browser
// (confirm, start, produce with backflush); the salesperson's order shows the 5 bikes reserved.
// Screenshots go to test-results/screenshots/planning-*.png.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { noSidewaysScroll, signIn } from './o2s-helpers.ts';
import {
  BIKE,
  buyTubes,
  FRAME,
  PLANNER,
  type PlanningSetUp,
  REQUESTED_DATE,
  SALES,
  setUpPlanning,
  TUBE,
} from './planning-helpers.ts';
import {
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

function answerOf(page: Page, method: string, pattern: RegExp) {
  return page.waitForResponse(
    (res) => res.request().method() === method && pattern.test(new URL(res.url()).pathname),
    { timeout: 30_000 },
  );
}

/** The proposals table's rows as [sku, kind, qty] in the order shown. */
async function proposalRows(page: Page): Promise<string[][]> {
  return page
    .getByTestId('mrp-proposals')
    .locator('tbody tr.ant-table-row')
    .evaluateAll((rows) =>
      rows.map((row) => {
        const cells = Array.from(row.querySelectorAll('td')).map((td) => (td.textContent ?? '').trim());
        // cells: selection, product (sku + name), kind, qty, …
        return [cells[1] ?? '', cells[2] ?? '', cells[3] ?? ''];
      }),
    );
}

/** The "Reserved" cell of the order line of a product, read by the column's header. */
function reservedOfLine(page: Page, sku: string): Promise<string> {
  return page.getByTestId('order-lines').evaluate((table, want) => {
    const headers = Array.from(table.querySelectorAll('thead th')).map((th) => (th.textContent ?? '').trim());
    const column = headers.indexOf('Reserved');
    const row = Array.from(table.querySelectorAll('tbody tr')).find((tr) => tr.textContent?.includes(want));
    return column < 0 || !row ? '' : (row.querySelectorAll('td')[column]?.textContent ?? '').trim();
  }, sku);
}

test('planning: the planner runs MRP with a progress bar and confirms the proposals', {
  timeout: 300_000,
}, async (t) => {
  if (!existsSync(chromiumPath)) {
    t.skip(`chromium not installed at ${chromiumPath}: install Debian package chromium`);
    return;
  }
  ensureWebBuild();
  mkdirSync(screenshotDir, { recursive: true });
  rmSync(path.join(screenshotDir, 'planning-failure.png'), { force: true });

  const server = await startTandem();
  let browser: Browser | undefined;
  try {
    const ids: PlanningSetUp = await setUpPlanning(server.baseUrl);
    const chrome = await launchChromium();
    browser = chrome;
    const context = await chrome.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    const url = (p: string) => `${server.baseUrl}${p}`;
    let broken = false;
    let productionPath = '';
    const madeOrders = new Map<string, string>(); // product id → production order id
    const step = (name: string, fn: () => Promise<void>) =>
      t.test(name, async (st) => {
        if (broken) return st.skip('an earlier step failed');
        try {
          await fn();
        } catch (err) {
          broken = true;
          await page
            .screenshot({ path: path.join(screenshotDir, 'planning-failure.png'), fullPage: true })
            .catch(() => undefined);
          throw err;
        }
      });

    await step('the planner runs MRP and the progress bar reaches 100 %', async () => {
      await signIn(page, server.baseUrl, PLANNER);
      await page.goto(url('/manufacturing/mrp'));
      await page.getByText('MRP has not run yet.').waitFor();
      // The page polls the run (GET /mrp-runs/{id}) once a second until it has ended.
      const queued = answerOf(page, 'POST', /\/api\/v1\/mrp-runs$/);
      const polled = answerOf(page, 'GET', /\/api\/v1\/mrp-runs\/[0-9a-f-]{36}$/);
      await page.getByTestId('mrp-run').click();
      assert.equal((await queued).status(), 202);
      assert.equal((await polled).status(), 200);
      const bar = page.getByTestId('mrp-progress');
      await page.waitForFunction(
        () => {
          const el = document.querySelector('[data-testid="mrp-progress"]');
          return el?.getAttribute('data-state') === 'done' && el.getAttribute('data-progress') === '100';
        },
        undefined,
        { timeout: 60_000 },
      );
      assert.equal(await bar.locator('[role="progressbar"]').getAttribute('aria-valuenow'), '100');
      await page.getByTestId('mrp-run-state').getByText('Finished').waitFor();
      await page.getByTestId('mrp-proposal-count').getByText('3').waitFor();
      await screenshot(page, 'planning-mrp-done-en', true);
    });

    await step('the proposals: bike and frame to make, tubes to buy, pegged to the order', async () => {
      const table = page.getByTestId('mrp-proposals');
      await table.getByText(TUBE.sku).waitFor();
      const rows = await proposalRows(page);
      const bySku = (sku: string) => rows.find((row) => row[0].startsWith(sku));
      assert.deepEqual(bySku(BIKE.sku)?.slice(1), ['Make', '5']);
      assert.deepEqual(bySku(FRAME.sku)?.slice(1), ['Make', '5']);
      assert.deepEqual(bySku(TUBE.sku)?.slice(1), ['Buy', '15']);
      assert.equal(rows.length, 3, 'wheels are in stock: no proposal for them');
      await table.getByText(`Sales order ${ids.orderNumber}`).waitFor();
      await table.getByText(`For ${BIKE.sku}`).waitFor(); // the frame covers the bike's proposal
      // Filter: only what to buy.
      await page.getByTestId('proposal-kind').getByText('Buy', { exact: true }).click();
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="mrp-proposals"] tbody tr.ant-table-row').length === 1,
      );
      assert.deepEqual(
        (await proposalRows(page)).map((row) => row[1]),
        ['Buy'],
      );
      await page.getByTestId('proposal-kind').getByText('All', { exact: true }).click();
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="mrp-proposals"] tbody tr.ant-table-row').length === 3,
      );
    });

    await step('the planner selects all proposals and confirms them; the documents come back', async () => {
      assert.equal(await page.getByTestId('mrp-confirm').isDisabled(), true, 'nothing selected yet');
      await page.getByTestId('mrp-proposals').locator('thead .ant-checkbox-input').check();
      await page.getByTestId('mrp-confirm').getByText('Confirm selected (3)').waitFor();
      await screenshot(page, 'planning-mrp-selected-en', true);
      const confirmed = answerOf(page, 'POST', /\/api\/v1\/mrp-proposals\/confirm$/);
      await page.getByTestId('mrp-confirm').click();
      const res = await confirmed;
      assert.equal(res.status(), 200);
      const body = (await res.json()) as {
        items: {
          kind: string;
          productId: string;
          documentId: string | null;
          documentNumber: string | null;
        }[];
      };
      for (const item of body.items)
        if (item.kind === 'make' && item.documentId) madeOrders.set(item.productId, item.documentId);
      const numbers = body.items.map((item) => item.documentNumber ?? '');
      assert.equal(body.items.filter((item) => item.kind === 'make').length, 2);
      assert.ok(
        numbers.every((n) => /\d/.test(n)),
        `every proposal has its document: ${numbers.join(', ')}`,
      );
      const created = page.getByTestId('mrp-created');
      await created.getByText('3 document(s) created').waitFor();
      for (const number of numbers) await created.getByText(number).waitFor();
      // The table follows: every row confirmed, with its document, and none selectable any more.
      await page.waitForFunction(
        () =>
          Array.from(
            document.querySelectorAll('[data-testid="mrp-proposals"] tbody tr.ant-table-row'),
          ).filter((row) => row.textContent?.includes('Confirmed')).length === 3,
      );
      assert.equal(await page.getByTestId('mrp-confirm').isDisabled(), true);
      await screenshot(page, 'planning-mrp-confirmed-en', true);
    });

    await step('the salesperson’s order line shows the planned date and the production order', async () => {
      const context = await chrome.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
      const early = await context.newPage();
      early.setDefaultTimeout(20_000);
      early.on('pageerror', (err) => pageErrors.push(err.message));
      await signIn(early, server.baseUrl, SALES);
      const bikeOrder = [...madeOrders.entries()].find(([productId]) => productId === ids.bikeId)?.[1];
      assert.ok(bikeOrder, 'a production order for the bikes');
      // The planned need reaches the order line through the outbox a moment after the confirmation.
      await eventually('the order line names the production order', async () => {
        await early.goto(url(`/sales/orders/${ids.orderId}`));
        await early.getByTestId('order-lines').waitFor();
        await settle(early);
        const text = (await early.getByTestId('line-expected').first().textContent()) ?? '';
        return text.includes(REQUESTED_DATE) && /MO-\d{4}-\d{5}/.test(text);
      });
      await screenshot(early, 'planning-sales-order-planned-en', true);
      await context.close();
    });

    await step('the bike’s production order: planned, its components and expected finish', async () => {
      const row = page
        .getByTestId('mrp-proposals')
        .locator('tr')
        .filter({ has: page.getByRole('link', { name: BIKE.sku, exact: true }) });
      await row.getByRole('link', { name: /^MO-/ }).click();
      await page.waitForURL(/\/manufacturing\/production-orders\/[0-9a-f-]{36}$/);
      productionPath = new URL(page.url()).pathname;
      await page.getByTestId('production-state').getByText('Planned').waitFor();
      assert.match(
        (await page.getByTestId('production-finish-date').textContent()) ?? '',
        /^\d{4}-\d{2}-\d{2}$/,
      );
      const lines = page.getByTestId('production-lines');
      await lines.getByText(FRAME.sku).waitFor();
      await lines.locator('tr').filter({ hasText: 'WHEEL-26' }).getByText('10 PCS').waitFor();
      await page.getByTestId('production-confirm').waitFor(); // the production role may confirm it
      await screenshot(page, 'planning-production-order-en', true);
    });

    await step('in 中文 at 375 px the screens fit the phone', async () => {
      await chooseLanguage(page, '中文');
      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto(url('/manufacturing/mrp'));
      await page.getByTestId('mrp-run-state').getByText('已完成').waitFor();
      await page.getByTestId('mrp-proposals').getByText('已确认').first().waitFor();
      await settle(page);
      await noSidewaysScroll(page, 'MRP');
      await screenshot(page, 'planning-mrp-phone-zh', true);
      for (const [p, ready, name] of [
        [productionPath, 'production-lines', 'production-order'],
        ['/manufacturing/production-orders', 'production-orders-table', 'production-orders'],
        ['/manufacturing/boms', 'boms-table', 'boms'],
      ] as const) {
        await page.goto(url(p));
        await page.getByTestId(ready).first().waitFor();
        await settle(page);
        await noSidewaysScroll(page, name);
        await screenshot(page, `planning-phone-${name}-zh`, true);
      }
    });

    await step('the purchaser orders and the warehouse receives the tubes (API)', async () => {
      const po = await buyTubes(server.baseUrl, ids);
      assert.match(po.orderNumber, /^PO-/);
    });

    await step(
      'the planner makes the frames, then the bikes: confirm, start, produce (backflush)',
      async () => {
        await chooseLanguage(page, 'English');
        await page.setViewportSize({ width: 1366, height: 900 });
        for (const [productId, sku] of [
          [ids.frameId, FRAME.sku],
          [ids.bikeId, BIKE.sku],
        ] as const) {
          const orderId = madeOrders.get(productId);
          assert.ok(orderId, `a production order for ${sku}`);
          await page.goto(url(`/manufacturing/production-orders/${orderId}`));
          await page.getByTestId('production-state').getByText('Planned').waitFor();
          await page.getByTestId('production-confirm').click();
          await page.getByTestId('production-state').getByText('Confirmed').waitFor();
          // Confirming reserved every component: the reserved column shows the planned quantities.
          const reserved = sku === BIKE.sku ? ['5', '10'] : ['15'];
          for (const qty of reserved)
            await page
              .getByTestId('production-lines')
              .locator('td')
              .getByText(qty, { exact: true })
              .first()
              .waitFor();
          await page.getByTestId('production-start').click();
          await page.getByTestId('production-state').getByText('In progress').waitFor();
          await page.getByTestId('production-produce').click();
          const dialog = page.getByRole('dialog');
          assert.equal(await dialog.getByTestId('step-qty').inputValue(), '5', 'what is left to make');
          await dialog.getByText('Consume the planned components first (backflush)').click();
          if (sku === BIKE.sku) await screenshot(page, 'planning-produce-dialog-en');
          const produced = answerOf(page, 'POST', /\/production-orders\/[^/]+\/produce$/);
          await dialog.getByRole('button', { name: 'Produce' }).click();
          assert.equal((await produced).status(), 200);
          await page.getByTestId('production-state').getByText('Done').waitFor();
          await page.getByTestId('production-produced').getByText('5').waitFor();
          await page.getByTestId('production-outputs').getByText('Produced').waitFor();
        }
        await screenshot(page, 'planning-production-done-en', true);
      },
    );

    await step('the salesperson’s order: the 5 bikes are reserved', async () => {
      const sellerContext = await chrome.newContext({
        viewport: { width: 1280, height: 860 },
        locale: 'en-US',
      });
      const seller = await sellerContext.newPage();
      seller.setDefaultTimeout(20_000);
      seller.on('pageerror', (err) => pageErrors.push(err.message));
      await signIn(seller, server.baseUrl, SALES);
      // The reservation reaches the order line through the outbox a moment after production.
      await eventually('the order line is reserved', async () => {
        await seller.goto(url(`/sales/orders/${ids.orderId}`));
        await seller.getByTestId('order-lines').waitFor();
        await settle(seller);
        return (await reservedOfLine(seller, BIKE.sku)) === '5';
      });
      await screenshot(seller, 'planning-sales-order-reserved-en', true);
    });

    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  } finally {
    await browser?.close();
    await server.stop();
  }
});
