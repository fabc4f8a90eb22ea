// SEC-AUTHZ-01, SEC-PRIV-04: every operation of the OpenAPI document, generically —
//  (a) without credentials (none, a forged cookie, a forged token) → 401 in the error shape;
//  (b) for each built-in role → 403 exactly when the role lacks the route's permission (and the 403
//      changed nothing), otherwise neither 401, 403 nor 500; method-override headers do not turn a read
//      into a write;
//  (c) another company's real records, addressed by path id or by an id in the body → 404/4xx, never
//      their data, and the other company's rows unchanged (hashed before and after).
import assert from 'node:assert/strict';
import { before, type TestContext, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { can } from '../../src/platform/permissions/actor.ts';
import { builtInRoles } from '../../src/platform/permissions/builtin-roles.ts';
import { Client, describeDb, newCompany, type Res, signedIn, testApp } from '../kit/index.ts';
import { changedTables, companyRowsContain, fingerprint, rowHashes } from './db-state.ts';
import {
  assertErrorShape,
  deref,
  fetchOpenApi,
  type OpenApiDoc,
  type Operation,
  objectSchema,
  operations,
  requestUrl,
  rng,
  short,
} from './openapi-kit.ts';
import { bodyFor, buildRecords, idFor, schemaRefused, targetOf, urlFor } from './records.ts';

/** Ends the caller's own session: run with a throwaway session so the role's client stays signed in. */
const SESSION_ENDING = new Set(['POST /api/v1/auth/logout']);

/**
 * Permissions a handler requires beyond the route's own access level: the audit log is open to any
 * signed-in user but the unscoped list needs platform.audit.read (one record's history needs that record's
 * read instead); an export of a collection needs, besides platform.export.run, the right to read it.
 */
function requiredPermissions(op: Operation, ops: Operation[]): string[] {
  const out = op.access === 'public' || op.access === 'authenticated' || !op.access ? [] : [op.access];
  if (op.key === 'GET /api/v1/audit-log') out.push('platform.audit.read');
  const exported = /^(.*)\/export\.[a-z]+$/.exec(op.path);
  const list = exported && ops.find((o) => o.method === 'GET' && o.path === exported[1]);
  if (list?.access && list.access !== 'authenticated') out.push(list.access);
  return out;
}

/** Sessions move with every request and login; the rest of a company's rows must not. */
const VOLATILE = new Set(['platform_session']);

/**
 * Probes answered by schema validation (the generated body was not good enough, so they say nothing
 * about authorization): listed, and only a few allowed. Give such a collection a factory body.
 */
function assertFewInconclusive(t: TestContext, list: string[], total: number): void {
  for (const x of list) t.diagnostic(`inconclusive, the schema refused the generated body: ${x}`);
  assert.ok(list.length <= Math.max(3, total / 10), `${list.length} of ${total} probes were inconclusive`);
}

const wrap = (schema: any, id: string) => (schema?.type === 'array' ? [id] : id);

/** A reference: a UUID, a nullable UUID or a list of UUIDs (not an object that holds one). */
function isUuidField(doc: OpenApiDoc, schema: any): boolean {
  const s = deref(doc, schema);
  const alts = [s, ...(s.anyOf ?? []), ...(s.oneOf ?? [])].map((a) => deref(doc, a));
  return alts.some(
    (a) => a.format === 'uuid' || (a.type === 'array' && deref(doc, a.items ?? {}).format === 'uuid'),
  );
}

async function call(client: Client, op: Operation, url: string, body: unknown): Promise<Res> {
  return client.request(op.method, url, body);
}

describeDb('authorization matrix over every operation (SEC-AUTHZ-01, SEC-PRIV-04)', (ctx) => {
  let app: FastifyInstance;
  let doc: OpenApiDoc;
  let ops: Operation[];

  before(async () => {
    app = await testApp(ctx.db);
    doc = await fetchOpenApi(app);
    ops = operations(doc);
  });

  test('(a) without valid credentials every non-public operation is a 401 in the error shape', async (t) => {
    const r = rng(101);
    const company = await newCompany(ctx.db);
    const problems: string[] = [];
    const inconclusive: string[] = [];
    const forged: Array<[string, (c: Client) => void]> = [
      ['no credentials', () => {}],
      ['a forged session cookie', (c) => c.cookies.set('tandem_session', r.hex(43))],
      ['a forged bearer token', (c) => (c.bearer = `tdm_${r.hex(40)}`)],
    ];
    for (const op of ops.filter((o) => o.access !== 'public')) {
      for (const [label, arm] of forged) {
        const client = new Client(app);
        arm(client);
        const res = await call(client, op, requestUrl(doc, op, r), bodyFor(doc, op, company, r));
        if (schemaRefused(res)) inconclusive.push(`${op.key} with ${label}`);
        else if (res.status !== 401)
          problems.push(`${op.key} with ${label}: ${res.status} ${short(res.body, 120)}`);
        else assertErrorShape(res.body, `${op.key} with ${label}`);
      }
    }
    assert.deepEqual(problems, []);
    assertFewInconclusive(t, inconclusive, ops.length * forged.length);
  });

  for (const role of builtInRoles) {
    test(`(b) role ${role.code}: 403 exactly where its permissions do not reach, and the 403 changes nothing`, async (t) => {
      const r = rng(200 + role.code.length);
      const company = await newCompany(ctx.db);
      const user = role.code === 'admin' ? company.admin : await company.user(role.code);
      const actor = await company.actor(user);
      const client = await signedIn(ctx.db, user);
      const problems: string[] = [];
      const inconclusive: string[] = [];
      const plan = ops.map((op) => ({ op, needs: requiredPermissions(op, ops).find((p) => !can(actor, p)) }));
      // The refused requests run first, as one batch between two looks at the company's rows.
      plan.sort((a, b) => Number(a.needs === undefined) - Number(b.needs === undefined));
      const before = await fingerprint(ctx.db, company.id, VOLATILE);
      let checked = false;
      for (const { op, needs } of plan) {
        if (needs === undefined && !checked) {
          const changed = changedTables(before, await fingerprint(ctx.db, company.id, VOLATILE));
          if (changed.length) problems.push(`the refused requests changed ${changed}`);
          checked = true;
        }
        const caller = SESSION_ENDING.has(op.key) ? await signedIn(ctx.db, user) : client;
        const res = await call(caller, op, requestUrl(doc, op, r), bodyFor(doc, op, company, r));
        const what = `${op.key} (${requiredPermissions(op, ops).join(' + ') || op.access}): ${res.status} ${short(res.body, 160)}`;
        if (res.status >= 400) assertErrorShape(res.body, what);
        if (needs !== undefined && schemaRefused(res)) inconclusive.push(op.key);
        else if (needs !== undefined) {
          if (res.status !== 403 || res.body?.error?.details?.permission !== needs)
            problems.push(`should be 403: ${what}`);
        } else if (res.status === 403 || res.status >= 500 || (res.status === 401 && op.access !== 'public'))
          problems.push(`should be allowed: ${what}`);
      }
      if (!checked) {
        const changed = changedTables(before, await fingerprint(ctx.db, company.id, VOLATILE));
        if (changed.length) problems.push(`the refused requests changed ${changed}`);
      }
      assert.deepEqual(problems, []);
      assertFewInconclusive(t, inconclusive, plan.length);
    });
  }

  test('(b) method-override headers never turn a request into a write the caller may not make', async () => {
    const r = rng(303);
    const company = await newCompany(ctx.db);
    const user = await company.user('viewer');
    const actor = await company.actor(user);
    const viewer = await signedIn(ctx.db, user);
    const problems: string[] = [];
    const denied = ops.filter(
      (o) => o.method !== 'GET' && requiredPermissions(o, ops).some((p) => !can(actor, p)),
    );
    assert.ok(denied.length > 0, 'the viewer is refused some writes');
    const before = await fingerprint(ctx.db, company.id, VOLATILE);
    for (const op of denied) {
      const url = requestUrl(doc, op, r);
      const headers = {
        'x-http-method-override': op.method,
        'x-http-method': op.method,
        'x-method-override': op.method,
      };
      for (const method of ['GET', 'POST']) {
        const overridden = `${url}${url.includes('?') ? '&' : '?'}_method=${op.method}`;
        const res = await viewer.request(method, overridden, method === 'GET' ? undefined : {}, { headers });
        const real = ops.find((o) => o.method === method && o.path === op.path);
        if (res.status >= 500 || (!real && res.status < 400))
          problems.push(`${method} ${url} overridden to ${op.method}: ${res.status} ${short(res.body, 120)}`);
      }
    }
    const changed = changedTables(before, await fingerprint(ctx.db, company.id, VOLATILE));
    if (changed.length) problems.push(`requests with override headers changed ${changed}`);
    assert.deepEqual(problems, []);
  });

  test('(c) another company’s records are 404 on every {id} operation, by path or body id, and stay unchanged', async (t) => {
    const r = rng(404);
    const victim = await newCompany(ctx.db, { name: `Victim ${r.hex(8)}` });
    const attacker = await newCompany(ctx.db);
    const victimAdmin = await signedIn(ctx.db, victim.admin);
    const admin = await signedIn(ctx.db, attacker.admin);
    const theirs = await buildRecords({ db: ctx.db, doc, client: victimAdmin, company: victim, r }, ops);
    const ours = await buildRecords({ db: ctx.db, doc, client: admin, company: attacker, r }, ops);
    const victimDept = await victim.department();
    const ownDept = await attacker.department();
    for (const [collection, built] of theirs)
      if ('skipped' in built) t.diagnostic(`skipped ${collection}: ${built.skipped}`);
    /** Text only the victim's rows hold: none of it may appear in an answer to the attacker. */
    const secrets = [
      victim.admin.email,
      victim.code,
      ...[...theirs.values()].flatMap((b) => ('id' in b ? [b.id] : [])),
    ];
    const problems: string[] = [];
    const leaks = (res: Res, sent: string) =>
      secrets.filter((s) => JSON.stringify(res.body ?? '').includes(s) && !sent.includes(s));

    const before = await rowHashes(ctx.db, victim.id);
    let probed = 0;
    const inconclusive: string[] = [];
    for (const op of ops.filter((o) => o.access !== 'public' && !SESSION_ENDING.has(o.key))) {
      const target = targetOf(op);
      // Body references (UUID fields) are the attacker's own, so only the probed id is foreign; optional
      // ones are left out unless probed (some schemas accept one reference or another, not both).
      const obj = objectSchema(doc, op.body);
      const props = obj?.properties ?? {};
      const required = new Set<string>(obj?.required ?? []);
      const idFields = Object.keys(props).filter((k) => isUuidField(doc, props[k]));
      const collection = targetOf(op)?.collection ?? op.path;
      const ownBody = (keep?: string) => {
        if (!op.body) return undefined;
        const body = { ...(bodyFor(doc, op, attacker, r) as object) } as Record<string, unknown>;
        for (const f of idFields)
          if (required.has(f) || f === keep)
            body[f] = wrap(props[f], idFor(attacker, ownDept, ours, f, collection));
          else delete body[f];
        return body;
      };
      const victims = target && theirs.get(target.collection);
      if (victims && 'id' in victims) {
        const url = urlFor(doc, op, victims, r);
        const body = ownBody();
        const res = await call(admin, op, url, body);
        probed++;
        if (schemaRefused(res)) inconclusive.push(op.key);
        else if (res.status !== 404)
          problems.push(`${op.key} on the other company's record: ${res.status} ${short(res.body, 120)}`);
        else assertErrorShape(res.body, op.key);
        const leaked = leaks(res, url + JSON.stringify(body));
        if (leaked.length) problems.push(`${op.key} leaked ${leaked}`);
      }
      // A UUID in the body that points into the other company: refused, or at least not followed —
      // nothing of the attacker's company may come to hold it, and nothing of the victim comes back.
      const mine = target && ours.get(target.collection);
      if (idFields.length === 0 || (target && !(mine && 'id' in mine))) continue;
      const url = mine && 'id' in mine ? urlFor(doc, op, mine, r) : requestUrl(doc, op, r);
      for (const field of idFields) {
        const body = ownBody(field)!;
        const foreign = idFor(victim, victimDept, theirs, field, collection);
        body[field] = wrap(props[field], foreign);
        const res = await call(admin, op, url, body);
        probed++;
        const what = `${op.key} with ${field} of the other company: ${res.status} ${short(res.body, 120)}`;
        if (schemaRefused(res)) inconclusive.push(`${op.key} (${field})`);
        if (res.status >= 500) problems.push(what);
        if (res.status < 300) {
          const holders = await companyRowsContain(ctx.db, attacker.id, foreign);
          if (holders.length) problems.push(`${what} — now stored in ${holders}`);
        }
        const leaked = leaks(res, url + JSON.stringify(body));
        if (leaked.length) problems.push(`${op.key} (${field}) leaked ${leaked}`);
      }
    }
    const changed = changedTables(before, await rowHashes(ctx.db, victim.id));
    assert.deepEqual(changed, [], "the other company's rows changed");
    assert.deepEqual(problems, []);
    assert.ok(probed >= 8, `only ${probed} cross-company probes ran`);
    assertFewInconclusive(t, inconclusive, probed);
    for (const op of ops.filter((o) => o.method === 'GET')) {
      const target = targetOf(op);
      const built = target && theirs.get(target.collection);
      if (!built || !('id' in built) || !op.path.endsWith(`/{${target.param}}`)) continue;
      const still = await victimAdmin.get(urlFor(doc, op, built, r));
      assert.equal(still.status, 200, `${op.key}: the record is still there for its owner`);
    }
  });
});
