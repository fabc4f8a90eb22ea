// SEC-AUTHZ-07: every API route the server answers was registered through route() with an access level,
// public routes are an explicit allow-list, and the (method, url, access) matrix is a committed snapshot,
// so a permission change shows up as a reviewed diff. `UPDATE_SNAPSHOTS=1` rewrites the snapshot.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { type RouteInfo, routeInventory } from '../../src/platform/http/route.ts';
import { isKnownPermission } from '../../src/platform/permissions/registry.ts';
import { fetchOpenApi, noDbApp, operations, toFastifyUrl } from './openapi-kit.ts';

const SNAPSHOT = path.join(import.meta.dirname, 'permission-matrix.snapshot.json');

/** Routes anyone may call without signing in. Adding one is a security review: say why beside it. */
const PUBLIC_ALLOWLIST = new Set([
  'GET /api/v1/health', // load balancers and the CLI probe it
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/password-reset/request', // same answer whether the email exists or not
  'POST /api/v1/auth/password-reset/confirm', // needs the emailed one-time token
  // Calendar apps cannot sign in: the rotatable, revocable secret in the URL is the credential; throttled
  // per IP, unknown tokens counted separately (unlike SuiteCRM's iCal, CVE-2025-54786, never a user name).
  'GET /api/v1/public/calendar/:token.ics',
  // A visitor leaves a lead: the form's key is the credential, the body is small and creates a lead only.
  'POST /api/v1/public/forms/:key',
]);

/** Routes under /api/ that are not API operations (and so not in the inventory), with the reason. */
const NOT_OPERATIONS = new Set([
  'GET /api/openapi.json', // the public API description itself
]);

/** Pages outside /api/ besides /docs and the web app, with the reason. */
const PAGES = new Set([
  'GET /forms/:key', // the hosted page of a public lead form (own CSP; only says whether the key is active)
]);

interface FastifyRoute {
  method: string;
  url: string;
}

/**
 * Every route of the whole app, from `printRoutes()`'s tree (so routes added outside the API plugin,
 * e.g. straight in buildApp, are found too). Each tree level is indented four characters.
 */
export function allFastifyRoutes(app: FastifyInstance): FastifyRoute[] {
  const found: FastifyRoute[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:[│ ] {3})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = [...m[1]].length / 4;
    stack.length = depth;
    stack.push(m[2]);
    const url = stack.join('');
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim()))
      if (method && method !== 'HEAD') found.push({ method, url });
  }
  return found;
}

const keyOf = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

function matrixDiff(expected: RouteInfo[], actual: RouteInfo[]): string[] {
  const want = new Map(expected.map((r) => [keyOf(r), r.access]));
  const have = new Map(actual.map((r) => [keyOf(r), r.access]));
  const lines: string[] = [];
  for (const [k, access] of have)
    if (!want.has(k)) lines.push(`+ ${k}  ${access}`);
    else if (want.get(k) !== access) lines.push(`~ ${k}  ${want.get(k)} → ${access}`);
  for (const [k, access] of want) if (!have.has(k)) lines.push(`- ${k}  ${access}`);
  return lines;
}

/** One route per line (as Biome formats it: expanded only past 110 columns), so a diff names the route. */
function formatSnapshot(list: RouteInfo[]): string {
  const entries = list.map((r, i) => {
    const fields = [
      `"method": ${JSON.stringify(r.method)}`,
      `"url": ${JSON.stringify(r.url)}`,
      `"access": ${JSON.stringify(r.access)}`,
    ];
    const line = `  { ${fields.join(', ')} }`;
    const comma = i < list.length - 1 ? 1 : 0;
    return line.length + comma <= 110 ? line : `  {\n${fields.map((f) => `    ${f}`).join(',\n')}\n  }`;
  });
  return `[\n${entries.join(',\n')}\n]\n`;
}

describe('route inventory and permission matrix (SEC-AUTHZ-07)', () => {
  let app: FastifyInstance;
  let inventory: RouteInfo[];

  before(async () => {
    app = await noDbApp();
    inventory = routeInventory();
  });
  after(async () => {
    await app.close();
  });

  test('the route tree is read completely (self-check of the parser)', () => {
    const routes = allFastifyRoutes(app).map(keyOf);
    assert.ok(routes.includes('GET /api/v1/health'));
    assert.ok(routes.includes('GET /docs'));
    for (const r of inventory)
      assert.ok(routes.includes(keyOf(r)), `${keyOf(r)} missing from the parsed tree`);
  });

  test('every route the server answers under /api/ went through route() with an access level', () => {
    const known = new Set(inventory.map(keyOf));
    const stray = allFastifyRoutes(app)
      .filter((r) => r.url.startsWith('/api/'))
      .map(keyOf)
      .filter((k) => !known.has(k) && !NOT_OPERATIONS.has(k));
    assert.deepEqual(stray, [], 'register these with route() so they get authentication and a permission');
    for (const r of inventory) assert.ok(app.hasRoute({ method: r.method as any, url: r.url }), keyOf(r));
  });

  test('nothing outside /api/ answers except the docs, the web app and listed pages', () => {
    const outside = allFastifyRoutes(app)
      .filter((r) => !r.url.startsWith('/api/') && !/^\/docs(\/|$)/.test(r.url))
      .map(keyOf)
      .filter((k) => !PAGES.has(k));
    assert.deepEqual(outside, []);
  });

  test('the OpenAPI document and the inventory list the same operations', async () => {
    const doc = await fetchOpenApi(app);
    const documented = operations(doc)
      .map((op) => op.key)
      .sort();
    const registered = inventory.map(keyOf).sort();
    assert.deepEqual(documented, registered);
    for (const p of Object.keys(doc.paths)) assert.ok(toFastifyUrl(p).startsWith('/api/v1/'), p);
  });

  test('every access level is public, authenticated or a defined permission', () => {
    const bad = inventory
      .filter((r) => r.access !== 'public' && r.access !== 'authenticated' && !isKnownPermission(r.access))
      .map((r) => `${keyOf(r)} → ${r.access}`);
    assert.deepEqual(bad, [], 'define these permissions with definePermissions()');
  });

  test('public routes are exactly the allow-list', () => {
    const pub = inventory.filter((r) => r.access === 'public').map(keyOf);
    const unexpected = pub.filter((k) => !PUBLIC_ALLOWLIST.has(k));
    assert.deepEqual(unexpected, [], 'a new public route needs a security review and an allow-list entry');
    const stale = [...PUBLIC_ALLOWLIST].filter((k) => !pub.includes(k));
    assert.deepEqual(stale, [], 'allow-list entries whose route is gone or no longer public');
  });

  test('the permission matrix matches the committed snapshot', () => {
    const current = inventory.map((r) => ({ method: r.method, url: r.url, access: r.access }));
    if (process.env.UPDATE_SNAPSHOTS === '1' || !fs.existsSync(SNAPSHOT)) {
      fs.writeFileSync(SNAPSHOT, formatSnapshot(current));
      if (process.env.UPDATE_SNAPSHOTS !== '1') assert.fail(`wrote a new ${SNAPSHOT}; review and commit it`);
      return;
    }
    const committed: RouteInfo[] = JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8'));
    const diff = matrixDiff(committed, current);
    assert.deepEqual(
      diff,
      [],
      `the permission matrix changed (+ added, - removed, ~ access changed):\n${diff.join('\n')}\n` +
        'If intended, run with UPDATE_SNAPSHOTS=1 and commit the snapshot so the change is reviewed.',
    );
  });
});
