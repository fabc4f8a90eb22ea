import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/platform/config.ts';
import type { Db } from '../../src/platform/db/connect.ts';
import { buildApp } from '../../src/platform/http/app.ts';
import { registerAllRoutes } from '../../src/server.ts';

const apps = new WeakMap<Db, Promise<FastifyInstance>>();

/** The real Fastify app on a test database, driven in-process with `inject` (no port). */
export function testApp(db: Db): Promise<FastifyInstance> {
  let app = apps.get(db);
  if (!app) {
    const config = loadConfig({
      ...process.env,
      PUBLIC_URL: 'https://tandem.test',
      DATA_DIR: '/nonexistent',
      IMPORTS_DIR: path.join(os.tmpdir(), 'tandem-test-imports'),
      // The suites send thousands of requests a minute from one process; the API limits have their
      // own test (src/platform/http/api-rate-limit.db.test.ts) on an app built with small ones.
      API_RATE_LIMIT_PER_IP: '0',
      API_RATE_LIMIT_PER_TOKEN: '0',
    });
    app = buildApp({
      db,
      config,
      logger: false,
      webRoot: '/nonexistent',
      registerRoutes: registerAllRoutes,
    }).then(async (a) => {
      await a.ready();
      return a;
    });
    apps.set(db, app);
  }
  return app;
}

export interface Res {
  status: number;
  body: any;
  headers: Record<string, unknown>;
  raw: LightMyRequestResponse;
}

let ipCounter = 1;

/** A browser-like client: keeps cookies, sends the CSRF header on writes (unless told not to), or a bearer token. */
export class Client {
  cookies = new Map<string, string>();
  csrf: string | null = null;
  bearer: string | null = null;
  /** Each client looks like its own machine, so per-IP limits of one test do not hit another. */
  ip = `10.77.${(ipCounter >> 8) & 255}.${ipCounter++ & 255}`;

  constructor(readonly app: FastifyInstance) {}

  async request(
    method: string,
    url: string,
    body?: unknown,
    options: {
      headers?: Record<string, string>;
      csrf?: boolean;
      raw?: string | Buffer;
      contentType?: string;
    } = {},
  ): Promise<Res> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    if (this.csrf && options.csrf !== false && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    let payload: string | Buffer | undefined;
    if (options.raw !== undefined) {
      payload = options.raw;
      headers['content-type'] = options.contentType ?? 'application/json';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const res = await this.app.inject({
      method: method as any,
      url,
      headers,
      payload,
      remoteAddress: this.ip,
    });
    for (const c of res.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      const expired = c.value === '' || (c.expires && c.expires.getTime() < Date.now()) || c.maxAge === 0;
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    let parsed: unknown = null;
    const text = res.body;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    return {
      status: res.statusCode,
      body: parsed,
      headers: res.headers as Record<string, unknown>,
      raw: res,
    };
  }

  get = (url: string, options?: { headers?: Record<string, string> }) =>
    this.request('GET', url, undefined, options);
  post = (url: string, body?: unknown, options?: Parameters<Client['request']>[3]) =>
    this.request('POST', url, body ?? {}, options);
  patch = (url: string, body?: unknown, options?: Parameters<Client['request']>[3]) =>
    this.request('PATCH', url, body, options);
  delete = (url: string, options?: Parameters<Client['request']>[3]) =>
    this.request('DELETE', url, undefined, options);

  async login(email: string, password: string): Promise<Res> {
    const res = await this.post('/api/v1/auth/login', { email, password });
    if (res.status === 200) this.csrf = res.body.csrfToken;
    return res;
  }
}

/** A client already signed in as the given user. */
export async function signedIn(db: Db, user: { email: string; password: string }): Promise<Client> {
  const client = new Client(await testApp(db));
  const res = await client.login(user.email, user.password);
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return client;
}
