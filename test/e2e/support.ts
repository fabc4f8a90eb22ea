// Shared by the browser tests: build the web app if needed, start the real server on a fresh DATA_DIR,
// launch Debian's chromium, and wait for a page to settle before a screenshot.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const screenshotDir = path.join(repoRoot, 'test-results', 'screenshots');
export const ADMIN = { email: 'admin@example.com', password: 'Correct-Horse-42!' };
const HEALTH_TIMEOUT_MS = 60_000;

export function ensureWebBuild(): void {
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

export interface RunningServer {
  baseUrl: string;
  /** The last lines the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

export async function startTandem(): Promise<RunningServer> {
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
      if (res.status === 200) return { baseUrl, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`GET /api/v1/health did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s:\n${output}`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}

/** Waits for spinners to go and for finite CSS animations (drawer slide, menu fade) to end. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning').length === 0);
  await page.evaluate(() => {
    const finite = document
      .getAnimations()
      .filter((animation) => animation.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY);
    const done = Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
    return Promise.race([done, new Promise((resolve) => setTimeout(resolve, 2_000))]);
  });
}

/**
 * Switches the UI language through the header's switch and waits until the page speaks it. Under load
 * a click can land while the dropdown is still opening and be lost: then it is tried again.
 */
export async function chooseLanguage(page: Page, label: '中文' | 'English'): Promise<void> {
  const lang = label === 'English' ? 'en' : 'zh-CN';
  for (let attempt = 1; ; attempt++) {
    if (!(await page.getByRole('menuitem', { name: label }).isVisible()))
      await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: label }).click();
    try {
      await page.waitForFunction((want) => document.documentElement.lang === want, lang, { timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  await page.keyboard.press('Escape');
  await page.getByRole('menuitem', { name: label }).waitFor({ state: 'hidden' });
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  await settle(page);
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage });
}

/**
 * A signed-in API client for setting up data the way an integration would: session cookie plus
 * the CSRF token of the session on every write.
 */
export class ApiSession {
  private cookie = '';
  private csrf = '';

  constructor(private readonly baseUrl: string) {}

  async login(email: string, password: string): Promise<void> {
    const res = await fetch(`${this.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (res.status !== 200) throw new Error(`login as ${email}: ${res.status} ${await res.text()}`);
    this.cookie = res.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ');
    this.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  }

  async call<T>(method: string, url: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}/api/v1${url}`, {
      method,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrf,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** An API session signed in as the admin the test server was started with. */
export async function adminSession(baseUrl: string): Promise<ApiSession> {
  const admin = new ApiSession(baseUrl);
  await admin.login(ADMIN.email, ADMIN.password);
  return admin;
}

export interface Person {
  email: string;
  password: string;
  name: string;
  locale?: 'zh-CN' | 'en';
}

/** Creates a user with one built-in role (by code: 'sales', 'warehouse', 'finance'…); returns the user's id. */
export async function createUser(admin: ApiSession, person: Person, roleCode: string): Promise<string> {
  const roles = await admin.call<{ items: { id: string; code: string }[] }>('GET', '/roles?limit=200');
  const role = roles.items.find((item) => item.code === roleCode);
  if (!role) throw new Error(`the built-in role "${roleCode}" does not exist`);
  const user = await admin.call<{ id: string }>('POST', '/users', {
    email: person.email,
    name: person.name,
    locale: person.locale ?? 'en',
    password: person.password,
    roleIds: [role.id],
  });
  return user.id;
}

/** Polls `check` (an API read, say) until it answers true: for effects the outbox delivers a moment later. */
export async function eventually(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
