// Security headers on every kind of answer (ASVS 3.4), the self-service profile refusing privilege keys
// (SEC-PRIV-01), and no seed/demo/setup/install endpoint reachable after installation (SEC-PRIV-03).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/platform/config.ts';
import { rows } from '../../src/platform/db/tx.ts';
import { buildApp } from '../../src/platform/http/app.ts';
import { routeInventory } from '../../src/platform/http/route.ts';
import { registerAllRoutes } from '../../src/server.ts';
import { Client, describeDb, newCompany, type Res, signedIn, testApp } from '../kit/index.ts';
import { assertErrorShape } from './openapi-kit.ts';

function assertSecurityHeaders(res: Res, what: string): void {
  const h = res.headers;
  const csp = String(h['content-security-policy'] ?? '');
  assert.match(csp, /frame-ancestors 'none'/, `${what}: CSP without frame-ancestors 'none': ${csp}`);
  assert.match(csp, /default-src '(self|none)'/, `${what}: CSP default-src`);
  if (!csp.includes("default-src 'none'")) assert.match(csp, /object-src 'none'/, `${what}: CSP object-src`);
  assert.equal(h['x-content-type-options'], 'nosniff', `${what}: X-Content-Type-Options`);
  assert.equal(h['referrer-policy'], 'strict-origin-when-cross-origin', `${what}: Referrer-Policy`);
  assert.equal(h['x-powered-by'], undefined, `${what}: X-Powered-By`);
}

describeDb('security headers, profile privilege keys and install endpoints', (ctx) => {
  let app: FastifyInstance;
  let plainHttp: FastifyInstance;

  before(async () => {
    app = await testApp(ctx.db); // PUBLIC_URL https://tandem.test
    plainHttp = await buildApp({
      db: ctx.db,
      config: loadConfig({ ...process.env, PUBLIC_URL: 'http://localhost:3000', DATA_DIR: '/nonexistent' }),
      logger: false,
      webRoot: '/nonexistent',
      registerRoutes: registerAllRoutes,
    });
  });
  after(async () => {
    await plainHttp.close();
  });

  test('API answers, errors and /docs carry CSP, nosniff and Referrer-Policy; /api is never cached', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const anonymous = new Client(app);
    const answers: Array<[string, Res, boolean]> = [
      ['GET /api/v1/health', await anonymous.get('/api/v1/health'), true],
      ['GET /api/v1/users signed in', await admin.get('/api/v1/users'), true],
      ['401', await anonymous.get('/api/v1/users'), true],
      ['400', await admin.post('/api/v1/roles', { nope: 1 }), true],
      ['404 route', await anonymous.get('/api/v1/no-such-route'), true],
      ['404 record', await admin.get('/api/v1/roles/01a20000-0000-7000-8000-000000000000'), true],
      ['router error', await anonymous.get(`/api/v1/roles/${'x'.repeat(300)}`), true],
      ['/api/openapi.json', await anonymous.get('/api/openapi.json'), true],
      ['/docs', await anonymous.get('/docs'), false],
    ];
    for (const [what, res, api] of answers) {
      assertSecurityHeaders(res, what);
      if (api) assert.match(String(res.headers['cache-control']), /no-store/, `${what}: Cache-Control`);
      if (res.status >= 400) assertErrorShape(res.body, what);
    }
  });

  test('HSTS only when the public URL is https (never on plain http)', async () => {
    const overHttp = await new Client(plainHttp).get('/api/v1/health');
    assert.equal(overHttp.status, 200);
    assert.equal(overHttp.headers['strict-transport-security'], undefined);
    assertSecurityHeaders(overHttp, 'plain http');
    const overHttps = await new Client(app).get('/api/v1/health');
    assert.match(String(overHttps.headers['strict-transport-security']), /max-age=(\d{8,}|3153[6-9]\d{3})/);
  });

  test('PATCH /api/v1/me refuses every privilege key and changes nothing (SEC-PRIV-01)', async () => {
    const company = await newCompany(ctx.db);
    const user = await company.user('sales');
    const me = await signedIn(ctx.db, user);
    const state = async () =>
      JSON.stringify(
        await rows(
          ctx.db.orm,
          sql`select u.name, u.locale, u.version, u.default_company_id, u.disabled_at,
                     (select json_agg(json_build_object('c', m.company_id, 'd', m.department_id, 'a', m.active, 'v', m.version)
                                      order by m.company_id) from platform_membership m where m.user_id = u.id) as memberships,
                     (select json_agg(ur.role_id order by ur.role_id) from platform_user_role ur where ur.user_id = u.id) as roles
                from platform_user u where u.id = ${user.id}`,
        ),
      );
    const before = await state();
    const escalations: Record<string, unknown> = {
      roles: ['admin'],
      roleIds: [company.roles.admin],
      isAdmin: true,
      groups: ['admin'],
      companyId: (await newCompany(ctx.db)).id,
      tenantId: company.id,
      permissions: ['*'],
      email: 'taken-over@example.com',
      password: 'New-Password-2026!',
      disabled: false,
    };
    for (const [key, value] of [...Object.entries(escalations), ['all of them', null] as const]) {
      const body =
        key === 'all of them' ? { name: 'Still me', ...escalations } : { name: 'Still me', [key]: value };
      const res = await me.patch('/api/v1/me', body);
      assert.equal(res.status, 400, `${key}: ${JSON.stringify(res.body)}`);
      assertErrorShape(res.body, key);
    }
    assert.equal(await state(), before, 'the profile, memberships and roles are unchanged');
    const session = await me.get('/api/v1/auth/me');
    assert.ok(!session.body.permissions.includes('platform.role.manage'), 'no new permission');
    assert.equal(
      (await me.patch('/api/v1/me', { name: 'Renamed' })).status,
      204,
      'the legitimate change works',
    );
  });

  test('no seed, demo, setup or install endpoint exists or answers (SEC-PRIV-03)', async () => {
    const installish =
      /(^|[/_.-])(seed|demo|setup|install|installer|fixtures?|bootstrap|init|initiali[sz]e|wizard|reset-db|debug)([/_.-]|$)/i;
    const listed = routeInventory().filter((r) => installish.test(r.url));
    assert.deepEqual(listed, [], 'a seed/demo/setup endpoint is registered');
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const candidates = [
      '/api/v1/seed',
      '/api/v1/seed-demo',
      '/api/v1/demo',
      '/api/v1/demo-data',
      '/api/v1/setup',
      '/api/v1/install',
      '/api/v1/bootstrap',
      '/api/v1/fixtures',
      '/api/v1/admin/seed',
      '/api/setup',
      '/api/install',
      '/setup',
      '/install',
    ];
    for (const url of candidates)
      for (const client of [new Client(app), admin])
        for (const method of ['GET', 'POST']) {
          const res = await client.request(method, url, method === 'POST' ? {} : undefined);
          assert.equal(res.status, 404, `${method} ${url}: ${res.status}`);
          assertErrorShape(res.body, `${method} ${url}`);
        }
  });
});
