import { Environment } from '@marcbachmann/cel-js';

// Conditions are CEL (Common Expression Language) run by @marcbachmann/cel-js: it parses to an AST and
// interprets it; the language has no loops, no assignment and no access to JS objects beyond the plain
// data given, and nothing is ever turned into code (no eval, no new Function).

export const CONDITION_MAX = 2000;

const LIMITS = {
  maxAstNodes: 400,
  maxDepth: 40,
  maxListElements: 100,
  maxMapEntries: 100,
  maxCallArguments: 8,
};

/** Parses only: unknown names are fine here (they are checked against the event's fields separately). */
const parseEnv = new Environment({ unlistedVariablesAreDyn: true, limits: LIMITS });

export interface ConditionProblem {
  message: string;
  /** Zero-based character offset in the expression, when the parser knows it. */
  position: number | null;
}

// cel-js error messages carry a drawn excerpt after the first line; the first line is the message.
function problemOf(err: unknown): ConditionProblem {
  const e = err as { message?: string; node?: { pos?: number } };
  const message = String(e?.message ?? err)
    .split('\n')[0]
    .slice(0, 300);
  const position = typeof e?.node?.pos === 'number' ? e.node.pos : null;
  return { message, position };
}

/**
 * Checks a condition for saving: syntax, size, a boolean result, and that every top-level name is a
 * field of the event (`fields`). Returns the first problem, or null when it is fine.
 */
export function checkCondition(expression: string, fields: readonly string[]): ConditionProblem | null {
  if (expression.trim() === '') return null;
  if (expression.length > CONDITION_MAX)
    return { message: `longer than ${CONDITION_MAX} characters`, position: CONDITION_MAX };
  const env = new Environment({ limits: LIMITS });
  for (const f of fields) env.registerVariable(f, 'dyn');
  try {
    const checked = env.check(expression) as { valid: boolean; type?: string; error?: unknown };
    if (!checked.valid) return problemOf(checked.error);
    if (checked.type !== 'bool' && checked.type !== 'dyn')
      return { message: `the condition must be true or false, not ${checked.type}`, position: 0 };
    return null;
  } catch (err) {
    return problemOf(err);
  }
}

const DECIMAL = /^-?\d{1,18}\.\d{1,10}$/;

/**
 * The payload as the condition sees it: decimal strings ("120000.0000", how amounts travel in events)
 * become numbers so `total > 100000` compares amounts; other values pass through as plain data.
 */
export function conditionContext(payload: unknown): Record<string, unknown> {
  const convert = (v: unknown, depth: number): unknown => {
    if (depth > 8) return null;
    if (typeof v === 'string') return DECIMAL.test(v) ? Number(v) : v;
    if (Array.isArray(v)) return v.slice(0, 1000).map((x) => convert(x, depth + 1));
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = convert(x, depth + 1);
      return out;
    }
    return v;
  };
  const ctx = convert(payload ?? {}, 0);
  return ctx && typeof ctx === 'object' && !Array.isArray(ctx) ? (ctx as Record<string, unknown>) : {};
}

export type ConditionResult = { ok: true; matched: boolean } | { ok: false; error: ConditionProblem };

/**
 * Evaluates a saved condition against a payload. Total: a parse error, a missing field, a type mismatch
 * or a non-boolean result is an `{ ok: false }` answer, never a throw. An empty condition always holds.
 */
export function evaluateCondition(expression: string, payload: unknown): ConditionResult {
  if (expression.trim() === '') return { ok: true, matched: true };
  try {
    const value = parseEnv.evaluate(expression, conditionContext(payload));
    if (typeof value !== 'boolean')
      return { ok: false, error: { message: 'the condition did not give true or false', position: null } };
    return { ok: true, matched: value };
  } catch (err) {
    return { ok: false, error: problemOf(err) };
  }
}
