import type { FastifyReply } from 'fastify';
import { tooManyRequests } from '../errors.ts';

/**
 * Request limits for the open API: per API token and per client IP, in fixed one-minute windows
 * counted in this process's memory. Unlike login throttling (platform_rate_limit, shared by every
 * instance because it guards passwords), these protect capacity and fairness, and a database write on
 * every request would cost more than it guards: with N instances behind a load balancer a client can
 * reach N × the limit, which the operator sets per instance (API_RATE_LIMIT_PER_TOKEN / _PER_IP).
 */
const WINDOW_MS = 60_000;
const MAX_KEYS = 100_000;

interface Window {
  start: number;
  count: number;
}

const windows = new Map<string, Window>();

export interface LimitState {
  limit: number;
  remaining: number;
  resetSeconds: number;
}

function prune(now: number): void {
  for (const [key, w] of windows) if (now - w.start >= WINDOW_MS) windows.delete(key);
  // Still full of live windows (a flood of distinct IPs): drop the oldest half rather than grow.
  if (windows.size >= MAX_KEYS) {
    let n = 0;
    for (const key of windows.keys()) {
      if (n++ > MAX_KEYS / 2) break;
      windows.delete(key);
    }
  }
}

/** Counts one request against `key`; throws 429 `rate_limited` with Retry-After once past `max` a minute. */
export function countRequest(key: string, max: number, now = Date.now()): LimitState | null {
  if (max <= 0) return null;
  let w = windows.get(key);
  if (!w || now - w.start >= WINDOW_MS) {
    if (windows.size >= MAX_KEYS) prune(now);
    w = { start: now, count: 0 };
    windows.set(key, w);
  }
  w.count++;
  const resetSeconds = Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000));
  if (w.count > max) throw tooManyRequests('rate_limited', resetSeconds);
  return { limit: max, remaining: max - w.count, resetSeconds };
}

/** The RateLimit-* response headers (IETF draft names), so clients can pace themselves. */
export function rateLimitHeaders(reply: FastifyReply, state: LimitState | null): void {
  if (!state) return;
  reply.header('ratelimit-limit', String(state.limit));
  reply.header('ratelimit-remaining', String(state.remaining));
  reply.header('ratelimit-reset', String(state.resetSeconds));
}
