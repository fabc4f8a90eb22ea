import { timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { one } from '../db/tx.ts';
import { AppError, tooManyRequests, unauthorized } from '../errors.ts';
import { sha256 } from '../ids.ts';
import type { Actor } from '../permissions/actor.ts';
import { type ActorColumns, actorColumns, actorFromColumns } from './load-actor.ts';
import { hit, LIMITS, peek } from './rate-limit.ts';

export const SESSION_COOKIE = 'tandem_session';
export const DEVICE_COOKIE = 'tandem_device';
export const TOKEN_PREFIX = 'tdm_';

export interface RequestLike {
  method: string;
  ip: string;
  headers: Record<string, string | string[] | undefined>;
  cookies: Record<string, string | undefined>;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function header(req: RequestLike, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Finds the actor of a request: a bearer token, or the session cookie (whose writes need the CSRF
 * proof). Returns null when the request carries no credentials at all.
 */
export async function authenticate(db: Db, config: Config, req: RequestLike): Promise<Actor | null> {
  const auth = header(req, 'authorization');
  if (auth !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(auth);
    if (!match) throw unauthorized('auth.invalid_token', 'Malformed Authorization header');
    return authenticateToken(db, req, match[1]);
  }
  const cookie = req.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const s = await one<
    {
      id: string;
      user_id: string;
      company_id: string;
      csrf_token: string;
      stale: boolean;
    } & ActorColumns
  >(
    db.orm,
    sql`select s.id, s.user_id, s.company_id, s.csrf_token, s.last_seen_at < now() - interval '60 seconds' as stale,
               ${actorColumns(sql`s.user_id`, sql`s.company_id`, null)}
          from platform_session s
         where s.id = ${sha256(cookie)} and s.ended_at is null and s.expires_at > now()
           and s.last_seen_at > now() - make_interval(mins => ${config.sessionIdleMinutes})`,
  );
  if (!s) throw unauthorized('auth.session_expired', 'Your session has ended; sign in again');
  if (!SAFE_METHODS.has(req.method.toUpperCase())) {
    const proof = header(req, 'x-csrf-token');
    if (!proof || !sameSecret(proof, s.csrf_token))
      throw new AppError(
        403,
        'auth.csrf',
        'Missing or wrong X-CSRF-Token header for a cookie-authenticated write',
      );
  }
  const actor = actorFromColumns(s, { userId: s.user_id, companyId: s.company_id, sessionId: s.id });
  if (!actor) {
    await db.orm.execute(
      sql`update platform_session set ended_at = now(), end_reason = 'access_removed' where id = ${s.id}`,
    );
    throw unauthorized('auth.session_expired', 'Your session has ended; sign in again');
  }
  if (s.stale) await db.orm.execute(sql`update platform_session set last_seen_at = now() where id = ${s.id}`);
  return actor;
}

async function authenticateToken(db: Db, req: RequestLike, token: string): Promise<Actor> {
  const ipBucket = `token-ip:${req.ip}`;
  const limited = await peek(db.orm, ipBucket, LIMITS.badTokenPerIp.windowSeconds);
  if (limited.hits >= LIMITS.badTokenPerIp.max)
    throw tooManyRequests('auth.throttled', limited.retryAfterSeconds);
  const t = token.startsWith(TOKEN_PREFIX)
    ? await one<
        {
          id: string;
          user_id: string;
          company_id: string;
          role_id: string;
          scopes: string[] | null;
          stale: boolean;
        } & ActorColumns
      >(
        db.orm,
        sql`select t.id, t.user_id, t.company_id, t.role_id, t.scopes,
                   (t.last_used_at is null or t.last_used_at < now() - interval '60 seconds') as stale,
                   ${actorColumns(sql`t.user_id`, sql`t.company_id`, sql`t.role_id`)}
              from platform_api_token t
             where t.token_hash = ${sha256(token)} and t.revoked_at is null
               and (t.expires_at is null or t.expires_at > now())`,
      )
    : undefined;
  const actor = t
    ? actorFromColumns(t, {
        userId: t.user_id,
        companyId: t.company_id,
        token: { id: t.id, roleId: t.role_id, scopes: t.scopes },
      })
    : null;
  if (!t || !actor) {
    await hit(db.orm, ipBucket, LIMITS.badTokenPerIp.windowSeconds);
    throw unauthorized('auth.invalid_token', 'The API token is invalid, expired or revoked');
  }
  if (t.stale)
    await db.orm.execute(sql`update platform_api_token set last_used_at = now() where id = ${t.id}`);
  return actor;
}
