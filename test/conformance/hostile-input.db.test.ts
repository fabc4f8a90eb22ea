// "Bad input on every route gets a 4xx in the documented shape and never a 500" (SEC-MASS-01,
// SEC-SQLI-01). For every operation of the OpenAPI document, signed in as an admin (so permission is not
// what stops it), each variant of hostile-values.ts changes one thing in an otherwise valid request.
// Every answer: never a 5xx; a 4xx has the error shape and changed none of the company's rows; a 2xx only
// where the value may legitimately pass (then it becomes the new baseline).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { type Client, describeDb, newCompany, signedIn, type TestCompany, testApp } from '../kit/index.ts';
import { changedTables, companyRowsContain, type DbState, fingerprint, writeMark } from './db-state.ts';
import { capVariants, type Variant, variants } from './hostile-values.ts';
import {
  assertErrorShape,
  fetchOpenApi,
  minimalBody,
  noDbApp,
  type OpenApiDoc,
  type Operation,
  operations,
  type Rng,
  rng,
  sample,
  short,
} from './openapi-kit.ts';
import { type Built, buildRecords, targetOf } from './records.ts';

/** Operations not probed here, and why (their refusals are covered by the authorization matrix). */
const SKIP: Record<string, string> = {
  'POST /api/v1/auth/logout': 'ends the session this suite is signed in with; it takes no input',
};

/**
 * Left out of the "a 4xx changed nothing" comparison: sessions (sign-in creates them, every request may
 * slide their idle expiry). Global tables (rate limits, idempotency keys, known devices, password-reset
 * tokens) are not the company's rows at all, and rightly count refused attempts. The audit log and the
 * outbox ARE compared: a refused request must write neither.
 */
const VOLATILE = new Set(['platform_session']);

/** Requests per operation (sampled across kinds of hostility); HOSTILE_ALL=1 sends every variant. */
const MAX_VARIANTS = 48;

// The operations are needed to declare one test each, before any database exists.
const declaringApp = await noDbApp();
const declared = operations(await fetchOpenApi(declaringApp));
after(() => declaringApp.close());

function seedOf(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

function urlOf(
  op: Operation,
  values: Record<string, string>,
  raw: Record<string, string>,
  query: Record<string, string>,
) {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, n: string) => raw[n] ?? encodeURIComponent(values[n]));
  const qs = new URLSearchParams(query).toString();
  return qs ? `${path}?${qs}` : path;
}

describeDb(
  'hostile input on every operation: a 4xx that changes nothing, never a 500 (SEC-MASS-01, SEC-SQLI-01)',
  (ctx) => {
    let app: FastifyInstance;
    let doc: OpenApiDoc;
    let company: TestCompany;
    let admin: Client;
    let records: Map<string, Built>;
    let baseline: DbState;
    /** The write mark taken with the baseline (see writeMark). */
    let mark: string;

    before(async () => {
      app = await testApp(ctx.db);
      doc = await fetchOpenApi(app);
      company = await newCompany(ctx.db);
      admin = await signedIn(ctx.db, company.admin);
      // Real records of the company, so bodies reach the handlers' checks and SQL, not only a 404.
      records = await buildRecords({ db: ctx.db, doc, client: admin, company, r: rng(7) }, operations(doc));
      mark = await writeMark(ctx.db);
      baseline = await fingerprint(ctx.db, company.id, VOLATILE);
    });

    /** Path values aimed at a real record of the company (a random id for deletes), the rest sampled. */
    function pathValues(op: Operation, r: Rng): Record<string, string> {
      const values: Record<string, string> = {};
      for (const p of op.pathParams) values[p.name] = String(sample(doc, p.schema, r));
      const target = targetOf(op);
      const built = target && records.get(target.collection);
      if (built && 'id' in built && op.method !== 'DELETE')
        Object.assign(values, built.params, { [target.param]: built.id });
      return values;
    }

    /**
     * Refused requests since the rows were last compared. Comparing after each one costs more than the
     * request, so the comparison runs before anything that may legitimately succeed (and at the end of
     * each operation): a change is still caught before it could be taken into a new baseline, and
     * blamed on this short list.
     */
    let pending: string[] = [];

    async function settle(): Promise<string[]> {
      if (pending.length === 0) return [];
      const blamed = pending;
      pending = [];
      const now = await writeMark(ctx.db);
      if (now === mark) return []; // nothing at all was written since the baseline
      mark = now;
      const changed = changedTables(baseline, await fingerprint(ctx.db, company.id, VOLATILE));
      return changed.length
        ? [`one of [${blamed.join(' | ')}] was refused but changed ${changed.join('; ')}`]
        : [];
    }

    async function probe(op: Operation, v: Variant, r: Rng, base: unknown): Promise<string[]> {
      const problems = v.refuse ? [] : await settle();
      const query: Record<string, string> = {};
      for (const q of op.query) if (q.required) query[q.name] = String(sample(doc, q.schema, r));
      const url = urlOf(op, pathValues(op, r), v.path ?? {}, { ...query, ...v.query });
      const body = 'body' in v ? v.body : base;
      const started = performance.now();
      const res = await admin.request(op.method, url, v.raw === undefined ? body : undefined, { raw: v.raw });
      const ms = performance.now() - started;
      const what = `${v.label}: ${res.status} ${short(res.body, 200)}`;
      if (v.maxMs !== undefined && ms > v.maxMs) problems.push(`${what} took ${Math.round(ms)} ms`);
      if (res.status >= 500) problems.push(`5xx for ${what}`);
      if (res.status === 401 && op.access !== 'public') problems.push(`lost the session at ${what}`);
      if (res.status >= 400) {
        try {
          assertErrorShape(res.body, v.label);
        } catch (error) {
          problems.push((error as Error).message);
        }
        pending.push(v.label);
        return problems;
      }
      if (v.refuse) problems.push(`accepted ${what}`);
      if (v.marker) {
        const stored = await companyRowsContain(ctx.db, company.id, v.marker);
        if (stored.length || JSON.stringify(res.body ?? '').includes(v.marker))
          problems.push(`${v.label} was applied (found in ${stored.join(', ') || 'the response'})`);
      }
      pending = [];
      mark = await writeMark(ctx.db);
      baseline = await fingerprint(ctx.db, company.id, VOLATILE);
      return problems;
    }

    for (const op of declared) {
      test(`${op.key}`, async (t) => {
        if (SKIP[op.key]) return t.skip(SKIP[op.key]);
        const current = operations(doc).find((o) => o.key === op.key);
        assert.ok(current, `${op.key} is served by the test app`);
        const r = rng(seedOf(op.key));
        const base = minimalBody(doc, current, r);
        const list = capVariants(variants(doc, current, base, r), MAX_VARIANTS);
        const problems: string[] = [];
        for (const v of list) problems.push(...(await probe(current, v, r, base)));
        problems.push(...(await settle()));
        t.diagnostic(`${list.length} hostile requests`);
        assert.equal(
          problems.length,
          0,
          `${op.key}: ${problems.length} of ${list.length} hostile requests misbehaved:\n  ${problems.join('\n  ')}`,
        );
      });
    }
  },
);
