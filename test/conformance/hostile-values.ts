// Hostile request variants derived from an operation's schemas: each is one change to an otherwise
// valid request, labelled, with whether only a 4xx is acceptable (`refuse`) or a 2xx may be legitimate.
import {
  deref,
  type OpenApiDoc,
  type Operation,
  objectSchema,
  type Rng,
  randomUuid,
  type Schema,
  typesOf,
} from './openapi-kit.ts';

export interface Variant {
  /** What is hostile about it: variants are sampled across kinds (see capVariants). */
  kind: 'path' | 'json' | 'required' | 'type' | 'enum' | 'huge' | 'number' | 'payload' | 'extra' | 'sql';
  label: string;
  /** Only a 4xx is right: a 2xx means the bad value got through. */
  refuse: boolean;
  /** Body: a JSON value, or raw text sent as application/json. */
  body?: unknown;
  raw?: string;
  /** Replaces one path parameter's value (raw, not URL-encoded). */
  path?: Record<string, string>;
  /** Query parameters added to the required ones. */
  query?: Record<string, string>;
  /** Must answer within this many ms (SQL injection probes: no pg_sleep ran). */
  maxMs?: number;
  /** Text that must not end up in the company's rows or the response if the request succeeds. */
  marker?: string;
}

export const HUGE_STRING = 'A'.repeat(100_000);

/** Strings to try in every string slot (rotated over the slots, so each one is sent once per operation). */
export const STRING_PAYLOADS = [
  '\ud800', // a lone surrogate
  'nul\u0000byte',
  '\u202eexe.txt', // right-to-left override
  '😀🇨🇳 emoji',
  "' OR 1=1--",
  '<script>alert(1)</script>',
  'NaN',
  'Infinity',
  '1e308',
  '-1',
  '9223372036854775808',
];

/** Numbers to try in every numeric slot. */
export const NUMBER_PAYLOADS: unknown[] = [1e308, -1, 2 ** 63, 'NaN', 'Infinity', 0.5];

/** SEC-SQLI-01 payloads for query parameters that name columns, sort keys, zones … */
export const SQLI_PAYLOADS = [
  'name; SELECT pg_sleep(3)--',
  "UTC') ; SELECT pg_sleep(3)--",
  "Europe/Paris' || (SELECT current_user) || '",
  'id,(SELECT password_hash FROM platform_user LIMIT 1)',
  '"id\\" OR 1=1 --"',
  'createdAt DESC NULLS LAST, (SELECT 1)',
  "' OR 1=1--",
];

/** Query parameters whose value becomes an identifier or a setting: only an allow-list may pass. */
export const IDENTIFIER_PARAMS =
  /^(sort|order|orderBy|sortBy|groupBy|group|fields|select|columns|timeZone|tz)$/;

/** Keys a client must never set (mass assignment, SEC-MASS-01), each with a value that stands out. */
export const EXTRA_KEYS: Record<string, unknown> = {
  companyId: '0badc0de-0000-4000-8000-00000000c0de',
  id: '0badc0de-0000-4000-8000-0000000000aa',
  version: 987654,
  role: 'admin',
  isAdmin: true,
  createdAt: '1999-09-09T09:09:09.000Z',
  passwordHash: 'pwned-hash-marker',
  tenantId: '0badc0de-0000-4000-8000-00000000beef',
  ownerId: '0badc0de-0000-4000-8000-00000000f00d',
  deletedAt: '1999-09-09T09:09:09.000Z',
};

const PATH_IDS = ['1', '../x', '%00', '%E0%A4%A', 'x'.repeat(300)];

/** One value of a JSON type the schema does not admit, or undefined when it admits anything. */
function wrongTypeValue(doc: OpenApiDoc, schema: Schema): unknown {
  const types = typesOf(doc, schema);
  if (types.has('any')) return undefined;
  const candidates: Array<[string[], unknown]> = [
    [['integer', 'number'], 12345],
    [['string'], 'wrong-type'],
    [['boolean'], true],
    [['object'], { nested: 1 }],
    [['array'], [1]],
  ];
  return candidates.find(([ts]) => !ts.some((t) => types.has(t)))?.[1];
}

/** How a string can be put into a field: as the field, inside its array, or as a map value. */
function stringSlot(doc: OpenApiDoc, schema: Schema): ((v: string) => unknown) | undefined {
  const s = deref(doc, schema);
  const types = typesOf(doc, s);
  if (types.has('string') && !s.enum && !s.format) return (v) => v;
  if (s.type === 'array' && typesOf(doc, s.items ?? {}).has('string')) return (v) => [v];
  if (s.type === 'object' && !s.properties && s.additionalProperties) return (v) => ({ en: v });
  return undefined;
}

export function variants(doc: OpenApiDoc, op: Operation, base: unknown, r: Rng): Variant[] {
  const out: Variant[] = [];
  for (const p of op.pathParams) {
    for (const v of PATH_IDS)
      out.push({
        kind: 'path',
        label: `path ${p.name}=${v.slice(0, 20)}`,
        refuse: true,
        path: { [p.name]: v },
      });
    if (p.schema.format === 'uuid')
      out.push({
        kind: 'path',
        label: `path ${p.name}=random uuid`,
        refuse: true,
        path: { [p.name]: randomUuid(r) },
      });
  }
  if (op.method !== 'GET') {
    out.push({ kind: 'json', label: 'malformed JSON', refuse: true, raw: '{"a":' });
    for (const v of [[], 'a string', 42, null])
      out.push({ kind: 'json', label: `body ${JSON.stringify(v)}`, refuse: op.body !== undefined, body: v });
  }
  const obj = objectSchema(doc, op.body);
  if (obj && base && typeof base === 'object' && !Array.isArray(base))
    out.push(...bodyVariants(doc, obj, base as Record<string, unknown>, r));
  out.push(...queryVariants(doc, op));
  return out;
}

function bodyVariants(doc: OpenApiDoc, obj: Schema, base: Record<string, unknown>, r: Rng): Variant[] {
  const out: Variant[] = [];
  const props: Record<string, Schema> = obj.properties ?? {};
  const strict = obj.additionalProperties === false;
  const withField = (k: string, v: unknown) => ({ ...base, [k]: v });
  for (const k of obj.required ?? []) {
    const { [k]: _gone, ...rest } = base;
    out.push({ kind: 'required', label: `without required ${k}`, refuse: true, body: rest });
  }
  const slots: Array<[string, (v: string) => unknown]> = [];
  for (const [k, schema] of Object.entries(props)) {
    const s = deref(doc, schema);
    const wrong = wrongTypeValue(doc, s);
    if (wrong !== undefined)
      out.push({ kind: 'type', label: `${k} of the wrong type`, refuse: true, body: withField(k, wrong) });
    if (s.enum)
      out.push({
        kind: 'enum',
        label: `${k} unknown enum value`,
        refuse: true,
        body: withField(k, 'not_a_listed_value'),
      });
    const slot = stringSlot(doc, s);
    if (slot) {
      slots.push([k, slot]);
      out.push({
        kind: 'huge',
        label: `${k} of 100k characters`,
        refuse: (s.maxLength ?? Infinity) < 100_000,
        body: withField(k, slot(HUGE_STRING)),
      });
    }
    const types = typesOf(doc, s);
    if (types.has('integer') || types.has('number'))
      for (const v of NUMBER_PAYLOADS) {
        const refuse =
          typeof v === 'string' ||
          (types.has('integer') && !types.has('number') && !Number.isSafeInteger(v)) ||
          (typeof s.minimum === 'number' && (v as number) < s.minimum) ||
          (typeof s.maximum === 'number' && (v as number) > s.maximum);
        out.push({ kind: 'number', label: `${k}=${String(v)}`, refuse, body: withField(k, v) });
      }
  }
  if (slots.length)
    STRING_PAYLOADS.forEach((payload, i) => {
      const [k, slot] = slots[(i + r.int(0, slots.length - 1)) % slots.length];
      out.push({
        kind: 'payload',
        label: `${k}=${JSON.stringify(payload).slice(0, 30)}`,
        refuse: false,
        body: withField(k, slot(payload)),
      });
    });
  for (const [k, v] of Object.entries(EXTRA_KEYS)) {
    if (k in props) continue;
    out.push({
      kind: 'extra',
      label: `extra key ${k}`,
      refuse: strict,
      body: withField(k, v),
      marker: typeof v === 'string' ? v : undefined,
    });
  }
  return out;
}

function queryVariants(doc: OpenApiDoc, op: Operation): Variant[] {
  const out: Variant[] = [];
  if (op.method === 'GET') {
    // Undeclared sort keys and SQL in them are ignored or refused, never interpreted.
    const sort = op.query.find((q) => q.name === 'sort');
    out.push({
      kind: 'sql',
      label: 'sort=passwordHash',
      refuse: sort !== undefined,
      query: { sort: 'passwordHash' },
      maxMs: 1000,
    });
    for (const v of SQLI_PAYLOADS.slice(0, 2))
      if (!sort)
        out.push({
          kind: 'sql',
          label: `undeclared sort=${v}`,
          refuse: false,
          query: { sort: v },
          maxMs: 1000,
        });
  }
  for (const q of op.query) {
    const types = typesOf(doc, q.schema);
    const numeric = types.has('integer') || types.has('number');
    for (const v of SQLI_PAYLOADS) {
      const refuse =
        IDENTIFIER_PARAMS.test(q.name) ||
        numeric ||
        !!q.schema.enum ||
        !!q.schema.format ||
        !!q.schema.pattern;
      out.push({
        kind: 'sql',
        label: `?${q.name}=${v.slice(0, 24)}`,
        refuse,
        query: { [q.name]: v },
        maxMs: 1000,
      });
    }
    if (numeric)
      for (const v of ['NaN', 'Infinity', '1e308', '-1', String(2 ** 63)]) {
        const n = Number(v);
        const refuse =
          !Number.isFinite(n) ||
          (types.has('integer') && !Number.isSafeInteger(n)) ||
          (typeof q.schema.minimum === 'number' && n < q.schema.minimum) ||
          (typeof q.schema.maximum === 'number' && n > q.schema.maximum);
        out.push({ kind: 'number', label: `?${q.name}=${v}`, refuse, query: { [q.name]: v } });
      }
    out.push({
      kind: 'huge',
      label: `?${q.name} of 100k characters`,
      refuse: false,
      query: { [q.name]: HUGE_STRING },
    });
  }
  return out;
}

/**
 * At most `max` variants, taken round-robin across kinds so every kind stays represented: the suite's
 * time grows with the number of operations, not with the size of their bodies. `HOSTILE_ALL=1` sends all.
 */
export function capVariants(list: Variant[], max: number): Variant[] {
  if (process.env.HOSTILE_ALL === '1' || list.length <= max) return list;
  const byKind = new Map<string, Variant[]>();
  for (const v of list) byKind.set(v.kind, [...(byKind.get(v.kind) ?? []), v]);
  const out: Variant[] = [];
  for (let i = 0; out.length < max; i++)
    for (const group of byKind.values()) if (i < group.length && out.length < max) out.push(group[i]);
  return out;
}
