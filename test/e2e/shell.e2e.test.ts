// The web shell in a real browser against the real server: sign-in, layout, languages, audit log, phone menu.
// Needs Debian's chromium (never downloads a browser); starts `node bin/tandem.mjs start` on a fresh DATA_DIR.
import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const screenshotDir = path.join(repoRoot, 'test-results', 'screenshots');
const ADMIN = { email: 'admin@example.com', password: 'Correct-Horse-42!' };
const HEALTH_TIMEOUT_MS = 60_000;

function ensureWebBuild(): void {
  if (existsSync(path.join(repoRoot, 'dist/web/index.html'))) return;
  try {
    execFileSync('npx', ['vite', 'build'], {
      cwd: repoRoot,
      stdio: 'pipe',
      encoding: 'utf8',
      timeout: 180_000,
    });
  } catch (err) {
    const { stdout, stderr } = err as { stdout?: string; stderr?: string };
    throw new Error(`npx vite build failed:\n${stdout ?? ''}\n${stderr ?? ''}`);
  }
}

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, 'close');
  return port;
}

interface RunningServer {
  baseUrl: string;
  stop: () => Promise<void>;
}

async function startTandem(): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tandem-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    TANDEM_ADMIN_EMAIL: ADMIN.email,
    TANDEM_ADMIN_PASSWORD: ADMIN.password,
  };
  delete env.DATABASE_URL; // browser tests run on the embedded database
  const child: ChildProcess = spawn(process.execPath, ['bin/tandem.mjs', 'start'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the server exited with code ${child.exitCode} before it was healthy:\n${output}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/v1/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return { baseUrl, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`GET /api/v1/health did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s:\n${output}`);
}

/** Waits for spinners to go and for finite CSS animations (drawer slide, menu fade) to end. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning').length === 0);
  await page.evaluate(() => {
    const finite = document
      .getAnimations()
      .filter((animation) => animation.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY);
    const done = Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
    return Promise.race([done, new Promise((resolve) => setTimeout(resolve, 2_000))]);
  });
}

async function screenshot(page: Page, name: string): Promise<void> {
  await settle(page);
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

async function chooseLanguage(page: Page, label: '中文' | 'English'): Promise<void> {
  await page.getByTestId('language-switch').click();
  const option = page.getByRole('menuitem', { name: label });
  await option.click();
  await option.waitFor({ state: 'hidden' });
}

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
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
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

    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  } finally {
    await browser?.close();
    await server.stop();
  }
});
