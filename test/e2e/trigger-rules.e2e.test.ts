// Trigger rules in a real browser against the real server: the admin opens Integration → Trigger rules,
// sees the built-in safety-stock rule, opens it, types a broken condition and gets the parser's message
// with its position under the field, fixes it, saves, and tries the rule with the test button; then the
// list in 中文 at 375 px without sideways scrolling. Screenshots: test-results/screenshots/trigger-rules-*.png.
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

test('trigger rules: edit the built-in rule, see a bad condition refused inline, test it', {
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
    const rules = await admin.call<{ items: Array<{ id: string; builtIn: string | null }> }>(
      'GET',
      '/trigger-rules',
    );
    const builtIn = rules.items.find((r) => r.builtIn === 'safety_stock_alert');
    assert.ok(builtIn, 'the demo company has the built-in safety-stock rule');
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, server.baseUrl, ADMIN);
    await chooseLanguage(page, 'English');
    await page.goto(`${server.baseUrl}/integration/rules`);
    await page.getByRole('heading', { name: 'Trigger rules' }).waitFor();
    await page.getByTestId('rules-table').getByRole('link').first().waitFor();
    await page.goto(`${server.baseUrl}/integration/rules/${builtIn.id}`);
    const condition = page.getByTestId('rule-condition');
    await condition.waitFor();
    await page.getByTestId('rule-fields').getByText('available').first().waitFor();
    await condition.fill('available < and');
    await page.getByTestId('rule-save').click();
    await page.getByText(/The condition is not valid at character \d+/).waitFor();
    await screenshot(page, 'trigger-rules-editor-error');
    await condition.fill('available < 5');
    await page.getByTestId('rule-save').click();
    await page.getByText('The rule is saved').waitFor();
    const saved = await admin.call<{ condition: string }>('GET', `/trigger-rules/${builtIn.id}`);
    assert.equal(saved.condition, 'available < 5');
    await page.getByTestId('rule-test-run').click();
    const result = page.getByTestId('rule-test-result');
    await result.waitFor();
    assert.match(await result.innerText(), /condition holds|does not hold/);
    await screenshot(page, 'trigger-rules-editor');
    await page.setViewportSize({ width: 375, height: 800 });
    await chooseLanguage(page, '中文');
    await page.goto(`${server.baseUrl}/integration/rules`);
    await page.getByRole('heading', { name: '触发规则' }).waitFor();
    await settle(page);
    await noSidewaysScroll(page, 'the trigger-rules list');
    await screenshot(page, 'trigger-rules-phone-zh');
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- server output ---\n${server.output()}`);
  } finally {
    await browser?.close();
    await server.stop();
  }
});
