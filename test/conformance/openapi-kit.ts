// Shared by the conformance suites: the operations of the served OpenAPI document joined with the
// route inventory, and a small deterministic generator of request values from their JSON schemas.
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/platform/db/connect.ts';
import { type RouteAccess, routeInventory } from '../../src/platform/http/route.ts';
import { testApp } from '../kit/index.ts';
import { fromPattern } from './pattern.ts';

export type Schema = Record<string, any>;
export interface OpenApiDoc {
  openapi: string;
  paths: Record<string, Record<string, any>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface Param {
  name: string;
  required: boolean;
  schema: Schema;
}

export interface Operation {
  method: string;
  /** OpenAPI form, `/api/v1/users/{id}`. */
  path: string;
  /** Fastify form, `/api/v1/users/:id`, as in `routeInventory()`. */
  url: string;
  /** `POST /api/v1/users/:id/disable`: how tables and messages name an operation. */
  key: string;
  access: RouteAccess | undefined;
  spec: any;
  pathParams: Param[];
  query: Param[];
  /** The JSON body schema with `$ref`s resolved at the top level, if the operation takes one. */
  body: Schema | undefined;
  bodyRequired: boolean;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** An app for suites that need no database: nothing is registered or served from it. */
export function noDbApp(): Promise<FastifyInstance> {
  return testApp({ kind: 'pglite' } as unknown as Db);
}

export async function fetchOpenApi(app: FastifyInstance): Promise<OpenApiDoc> {
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  assert.equal(res.statusCode, 200, res.body);
  return JSON.parse(res.body);
}

export const toFastifyUrl = (path: string) => path.replace(/\{([^}]+)\}/g, ':$1');

/** Every documented operation, with the access level `route()` recorded for it. */
export function operations(doc: OpenApiDoc): Operation[] {
  const access = new Map(routeInventory().map((r) => [`${r.method} ${r.url}`, r.access]));
  const list: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const spec = item[method];
      if (!spec) continue;
      const url = toFastifyUrl(path);
      const key = `${method.toUpperCase()} ${url}`;
      const params: any[] = spec.parameters ?? [];
      const param = (p: any): Param => ({
        name: p.name,
        required: p.required === true,
        schema: deref(doc, p.schema ?? {}),
      });
      const json = spec.requestBody?.content?.['application/json']?.schema;
      list.push({
        method: method.toUpperCase(),
        path,
        url,
        key,
        access: access.get(key),
        spec,
        pathParams: params.filter((p) => p.in === 'path').map(param),
        query: params.filter((p) => p.in === 'query').map(param),
        body: json ? deref(doc, json) : undefined,
        bodyRequired: spec.requestBody?.required === true,
      });
    }
  }
  return list;
}

export function deref(doc: OpenApiDoc, schema: Schema): Schema {
  let s = schema;
  for (let depth = 0; s?.$ref && depth < 10; depth++) {
    const name = String(s.$ref).replace('#/components/schemas/', '');
    s = doc.components?.schemas?.[name] ?? {};
  }
  return s ?? {};
}

/** The object schema of a body (skipping a top-level `anyOf` with null), or undefined. */
export function objectSchema(doc: OpenApiDoc, schema: Schema | undefined): Schema | undefined {
  if (!schema) return undefined;
  const s = deref(doc, schema);
  if (s.type === 'object') return s;
  for (const alt of s.anyOf ?? s.oneOf ?? []) {
    const o = deref(doc, alt);
    if (o.type === 'object') return o;
  }
  return undefined;
}

/** The JSON types a schema admits ('integer' also admits as 'number' for wrong-type probes). */
export function typesOf(doc: OpenApiDoc, schema: Schema): Set<string> {
  const s = deref(doc, schema);
  const out = new Set<string>();
  if (Array.isArray(s.type)) for (const t of s.type) out.add(t);
  else if (typeof s.type === 'string') out.add(s.type);
  for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) for (const t of typesOf(doc, alt)) out.add(t);
  if (s.enum) for (const v of s.enum) out.add(v === null ? 'null' : typeof v);
  if (out.size === 0 && s.const === undefined) out.add('any');
  return out;
}

// ---- a deterministic pseudo-random generator (mulberry32) ----

export interface Rng {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
  hex(n: number): string;
}

export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (list) => list[int(0, list.length - 1)],
    hex: (n) => Array.from({ length: n }, () => '0123456789abcdef'[int(0, 15)]).join(''),
  };
}

/** A syntactically valid UUID (v4 layout) that no row has. */
export function randomUuid(r: Rng): string {
  const h = r.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20)}`;
}

// ---- values that satisfy a JSON schema (the shape zod documents; refinements may still refuse) ----

/** A minimal valid value: required properties only, lengths and counts near their minimum. */
export function sample(doc: OpenApiDoc, schema: Schema, r: Rng): unknown {
  const s = deref(doc, schema);
  if (s.const !== undefined) return s.const;
  if (Array.isArray(s.enum) && s.enum.length) return s.enum[0];
  const alts: Schema[] = s.anyOf ?? s.oneOf ?? [];
  if (alts.length) {
    const nonNull = alts.find((a) => deref(doc, a).type !== 'null') ?? alts[0];
    return sample(doc, nonNull, r);
  }
  if (s.allOf?.length) return sample(doc, s.allOf[0], r);
  const type = Array.isArray(s.type) ? (s.type.find((t: string) => t !== 'null') ?? s.type[0]) : s.type;
  switch (type) {
    case 'string':
      return sampleString(s, r);
    case 'integer':
    case 'number': {
      let n = typeof s.minimum === 'number' ? s.minimum : 1;
      if (typeof s.exclusiveMinimum === 'number') n = Math.max(n, Math.floor(s.exclusiveMinimum) + 1);
      if (typeof s.maximum === 'number') n = Math.min(n, s.maximum);
      return n;
    }
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(doc, s.items ?? {}, r));
    case 'object':
      return sampleObject(doc, s, r);
    default:
      return 'x';
  }
}

function sampleObject(doc: OpenApiDoc, s: Schema, r: Rng): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of s.required ?? []) out[name] = sample(doc, s.properties?.[name] ?? {}, r);
  // A map (`z.record`): one entry, since zod refinements often want at least one.
  if (!s.properties && s.additionalProperties && typeof s.additionalProperties === 'object') {
    const keyPattern = s.propertyNames?.pattern;
    const key = (keyPattern && fromPattern(keyPattern, r)) || 'en';
    out[key] = sample(doc, s.additionalProperties, r);
  }
  return out;
}

function sampleString(s: Schema, r: Rng): string {
  if (s.format === 'uuid') return randomUuid(r);
  if (s.format === 'email') return `probe.${r.hex(10)}@example.com`;
  if (s.format === 'date-time') return new Date(Date.UTC(2026, 0, 15, 8, 30)).toISOString();
  if (s.format === 'date') return '2026-01-15';
  if (s.pattern) {
    const v = fromPattern(s.pattern, r);
    if (v !== undefined && (s.minLength ?? 0) <= v.length && v.length <= (s.maxLength ?? Infinity)) return v;
  }
  const min = Math.max(s.minLength ?? 1, 1);
  const max = s.maxLength ?? 24;
  const text = `Probe ${r.hex(8)}`;
  return text.length >= min
    ? text.slice(0, Math.max(min, Math.min(max, text.length)))
    : text.padEnd(min, 'x');
}

// ---- requests ----

/** The URL with each path parameter replaced (one value for all, or per name), URL-encoded unless raw. */
export function fillPath(op: Operation, value: string | Record<string, string>, raw = false): string {
  return op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const v = typeof value === 'string' ? value : (value[name] ?? '');
    return raw ? v : encodeURIComponent(v);
  });
}

/**
 * A URL that passes the operation's parameter schemas: each path parameter sampled from its schema
 * (a random UUID for ids) unless given, and every required query parameter filled in.
 */
export function requestUrl(
  doc: OpenApiDoc,
  op: Operation,
  r: Rng,
  path: Record<string, string> = {},
): string {
  const values: Record<string, string> = {};
  for (const p of op.pathParams) values[p.name] = path[p.name] ?? String(sample(doc, p.schema, r));
  const query = new URLSearchParams();
  for (const q of op.query) if (q.required) query.set(q.name, String(sample(doc, q.schema, r)));
  const qs = query.toString();
  return fillPath(op, values) + (qs ? `?${qs}` : '');
}

/** A minimal valid body for the operation, or undefined when it takes none. */
export function minimalBody(doc: OpenApiDoc, op: Operation, r: Rng): unknown {
  if (!op.body) return undefined;
  return sample(doc, op.body, r);
}

/** The one error shape: `{ error: { code: string, message: string, details: object } }`. */
export function assertErrorShape(body: any, context: string): void {
  const ok =
    body &&
    typeof body === 'object' &&
    body.error &&
    typeof body.error.code === 'string' &&
    body.error.code.length > 0 &&
    typeof body.error.message === 'string' &&
    body.error.details !== null &&
    typeof body.error.details === 'object' &&
    !Array.isArray(body.error.details);
  assert.ok(ok, `${context}: the error body is not { error: { code, message, details } }: ${short(body)}`);
}

export function short(value: unknown, max = 300): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text === undefined ? String(value) : text.length > max ? `${text.slice(0, max)}…` : text;
}
