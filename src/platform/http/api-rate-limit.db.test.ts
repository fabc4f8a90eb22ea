import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, describeDb, newCompany, signedIn } from '../../../test/kit/index.ts';
import { registerAllRoutes } from '../../server.ts';
import { loadConfig } from '../config.ts';
import { buildApp } from './app.ts';

describeDb('open API rate limits', (ctx) => {
  test('per token and per IP: 429 with Retry-After past the limit, RateLimit headers before it', async (t) => {
    const app = await buildApp({
      db: ctx.db,
      config: loadConfig({
        ...process.env,
        DATA_DIR: '/nonexistent',
        API_RATE_LIMIT_PER_TOKEN: '5',
        API_RATE_LIMIT_PER_IP: '12',
      }),
      logger: false,
      webRoot: '/nonexistent',
      registerRoutes: registerAllRoutes,
    });
    t.after(() => app.close());
    await app.ready();
    const company = await newCompany(ctx.db);
    const admin = new Client(app);
    assert.equal((await admin.login(company.admin.email, company.admin.password)).status, 200);
    const minted = await admin.post('/api/v1/api-tokens', { name: 'sync' });
    assert.equal(minted.status, 201, JSON.stringify(minted.body));

    // One integration, one token, from its own machine: 5 a minute, then 429.
    const sync = new Client(app);
    sync.bearer = minted.body.token;
    const first = await sync.get('/api/v1/customers?limit=1');
    assert.equal(first.status, 200);
    assert.deepEqual([first.headers['ratelimit-limit'], first.headers['ratelimit-remaining']], ['5', '4']);
    for (let i = 0; i < 4; i++) assert.equal((await sync.get('/api/v1/customers?limit=1')).status, 200);
    const refused = await sync.get('/api/v1/customers?limit=1');
    assert.equal(refused.status, 429);
    assert.equal(refused.body.error.code, 'rate_limited');
    const retry = Number(refused.headers['retry-after']);
    assert.ok(retry >= 1 && retry <= 60, `Retry-After ${retry}`);

    // The same token from another machine is still the same token.
    const elsewhere = new Client(app);
    elsewhere.bearer = minted.body.token;
    assert.equal((await elsewhere.get('/api/v1/customers?limit=1')).status, 429);

    // Another token of the same company has its own budget.
    const other = await admin.post('/api/v1/api-tokens', { name: 'bi' });
    const bi = new Client(app);
    bi.bearer = other.body.token;
    assert.equal((await bi.get('/api/v1/customers?limit=1')).status, 200);

    // Per IP: anonymous and token requests from one address count; another address is free, and a
    // signed-in browser session behind the same address (an office's NAT) is not counted.
    const crowd = new Client(app);
    const officeBrowser = new Client(app);
    officeBrowser.ip = crowd.ip;
    assert.equal((await officeBrowser.login(company.admin.email, company.admin.password)).status, 200);
    let status = 0;
    let n = 0;
    while (status !== 429 && n < 20) {
      status = (await crowd.get('/api/v1/auth/me')).status;
      n++;
    }
    assert.equal(status, 429);
    assert.equal(n, 12, 'the 13th request in the minute (the sign-in was the 1st) is refused');
    assert.equal(
      (await officeBrowser.get('/api/v1/auth/me')).status,
      200,
      'the session is not limited per IP',
    );
    assert.equal((await crowd.get('/api/v1/health')).status, 200, 'health checks stay free');
    assert.equal((await new Client(app).get('/api/v1/auth/me')).status, 401);
  });
});

describeDb('signed-in browser traffic', (ctx) => {
  test('is not limited per token (no token), and the test app runs without limits', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    for (let i = 0; i < 30; i++) assert.equal((await admin.get('/api/v1/auth/me')).status, 200);
  });
});
