// The served OpenAPI document is valid OpenAPI 3.1, and every operation is documented well enough for a
// client to be generated from it: summary, tags, parameters, success and error responses in one shape.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { APP_VERSION } from '../../src/platform/http/app.ts';
import { fetchOpenApi, noDbApp, type OpenApiDoc, operations } from './openapi-kit.ts';

/** Every operation documents these, so clients can rely on the one error shape for each. */
const ERROR_STATUSES = ['400', '401', '403', '404', '409', '422', '429'];
const ERROR_REF = '#/components/schemas/Error';

function collectRefs(node: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const v of node) collectRefs(v, out);
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.add(v);
      else collectRefs(v, out);
    }
  return out;
}

describe('OpenAPI document', () => {
  let app: FastifyInstance;
  let doc: OpenApiDoc;

  before(async () => {
    app = await noDbApp();
    doc = await fetchOpenApi(app);
  });
  after(async () => {
    await app.close();
  });

  test('/api/openapi.json is valid OpenAPI 3.1 with zero validator errors', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as any);
    assert.deepEqual(result.errors ?? [], [], JSON.stringify(result.errors, null, 2)?.slice(0, 4000));
    assert.equal(result.valid, true);
    assert.equal(validator.version, '3.1');
    assert.equal(doc.openapi, '3.1.0');
    assert.equal((doc as any).info?.version, APP_VERSION);
  });

  test('every $ref points at a component that exists', () => {
    const missing = [...collectRefs(doc, new Set())].filter((ref) => {
      const m = /^#\/components\/schemas\/(.+)$/.exec(ref);
      return !m || !doc.components?.schemas?.[m[1]];
    });
    assert.deepEqual(missing, []);
  });

  test('the document lists the API and nothing else', () => {
    const ops = operations(doc);
    assert.ok(ops.length >= 20, `only ${ops.length} operations documented`);
    for (const op of ops) assert.match(op.path, /^\/api\/v1\//, `${op.key} is outside /api/v1`);
  });

  test('every operation has a summary, tags and a description of who may call it', () => {
    const problems: string[] = [];
    for (const op of operations(doc)) {
      if (typeof op.spec.summary !== 'string' || op.spec.summary.trim().length < 5)
        problems.push(`${op.key}: no summary`);
      if (!Array.isArray(op.spec.tags) || op.spec.tags.length === 0) problems.push(`${op.key}: no tags`);
      if (typeof op.spec.description !== 'string' || op.spec.description.length === 0)
        problems.push(`${op.key}: no description`);
    }
    assert.deepEqual(problems, []);
  });

  test('every operation documents its success response and every error status with the Error schema', () => {
    const problems: string[] = [];
    for (const op of operations(doc)) {
      const responses: Record<string, any> = op.spec.responses ?? {};
      const success = Object.keys(responses).filter((s) => /^2\d\d$/.test(s));
      if (success.length !== 1) problems.push(`${op.key}: ${success.length} success responses`);
      for (const status of ERROR_STATUSES) {
        const r = responses[status];
        const ref = r?.content?.['application/json']?.schema?.$ref;
        if (ref !== ERROR_REF) problems.push(`${op.key}: ${status} is not documented as ${ERROR_REF}`);
        if (r && typeof r.description !== 'string') problems.push(`${op.key}: ${status} has no description`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test('path parameters are declared; security matches the access level', () => {
    const problems: string[] = [];
    for (const op of operations(doc)) {
      const inPath = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      const declared = op.pathParams.map((p) => p.name).sort();
      if (JSON.stringify(inPath) !== JSON.stringify(declared))
        problems.push(`${op.key}: path names ${inPath} but declares ${declared}`);
      for (const p of op.pathParams)
        if (!p.required) problems.push(`${op.key}: path param ${p.name} optional`);
      if (op.access === undefined) problems.push(`${op.key}: not registered through route()`);
      const security: unknown[] = op.spec.security ?? [];
      if (op.access === 'public' && security.length !== 0)
        problems.push(`${op.key}: public but has security`);
      if (op.access !== 'public' && security.length === 0) problems.push(`${op.key}: no security scheme`);
    }
    assert.deepEqual(problems, []);
  });

  test('request bodies are JSON objects that refuse unknown keys (no silent mass assignment)', () => {
    const problems: string[] = [];
    for (const op of operations(doc)) {
      if (!op.body) continue;
      if (op.body.type !== 'object') problems.push(`${op.key}: body is ${op.body.type}, not an object`);
      else if (op.body.additionalProperties !== false)
        problems.push(`${op.key}: body accepts unknown keys (use z.strictObject)`);
    }
    assert.deepEqual(problems, []);
  });

  test('/docs answers 200 with the HTML API reference', async () => {
    const res = await app.inject({ method: 'GET', url: '/docs' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.match(res.body, /<html/i);
    const json = await app.inject({ method: 'GET', url: '/docs/json' });
    assert.equal(json.statusCode, 200);
    assert.deepEqual(JSON.parse(json.body).paths, doc.paths, '/docs shows the same document');
  });
});
