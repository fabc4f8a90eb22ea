import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { one, rows, withTransaction } from '../db/tx.ts';
import { AppError, tooManyRequests, unauthorized } from '../errors.ts';
import { newSecret, sha256 } from '../ids.ts';
import { loadActor } from './load-actor.ts';
import { verifyPassword } from './passwords.ts';
import { clear, hit, LIMITS, peek } from './rate-limit.ts';

export interface LoginInput {
  email: string;
  password: string;
  ip: string;
  userAgent?: string;
  deviceCookie?: string;
}

export interface LoginResult {
  sessionToken: string;
  csrfToken: string;
  deviceToken: string;
  userId: string;
  companyId: string;
}

const invalid = () => unauthorized('auth.invalid_credentials', 'Wrong email or password');

/**
 * Sign-in. Unknown email, wrong password and disabled account answer alike (status, body, time).
 * Failures count per IP and per email; an email over its limit is locked for the window unless the
 * browser is one that signed in to that account before (so an attacker cannot lock the owner out).
 */
export async function login(db: Db, config: Config, input: LoginInput): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const ipBucket = `login-ip:${input.ip}`;
  const emailBucket = `login-email:${sha256(email)}`;
  const ipState = await peek(db.orm, ipBucket, LIMITS.loginPerIp.windowSeconds);
  if (ipState.hits >= LIMITS.loginPerIp.max)
    throw tooManyRequests('auth.throttled', ipState.retryAfterSeconds);

  const user = await one<{
    id: string;
    password_hash: string;
    disabled: boolean;
    default_company_id: string | null;
  }>(
    db.orm,
    sql`select id, password_hash, disabled_at is not null as disabled, default_company_id
          from platform_user where lower(email) = ${email}`,
  );
  const knownDevice =
    user && input.deviceCookie
      ? await one(
          db.orm,
          sql`select 1 from platform_known_device where user_id = ${user.id} and device_hash = ${sha256(input.deviceCookie)}`,
        )
      : undefined;
  if (!knownDevice) {
    const emailState = await peek(db.orm, emailBucket, LIMITS.loginPerAccount.windowSeconds);
    if (emailState.hits >= LIMITS.loginPerAccount.max)
      throw tooManyRequests('auth.throttled', emailState.retryAfterSeconds);
  }

  const ok = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!ok || !user || user.disabled) {
    await hit(db.orm, ipBucket, LIMITS.loginPerIp.windowSeconds);
    await hit(db.orm, emailBucket, LIMITS.loginPerAccount.windowSeconds);
    if (user)
      await db.orm.execute(
        sql`update platform_user set failed_login_count = failed_login_count + 1 where id = ${user.id}`,
      );
    throw invalid();
  }

  const memberships = await rows<{ company_id: string }>(
    db.orm,
    sql`select m.company_id from platform_membership m where m.user_id = ${user.id} and m.active
         order by (m.company_id = ${user.default_company_id}) desc nulls last, m.created_at`,
  );
  if (memberships.length === 0)
    throw new AppError(403, 'auth.no_company', 'This account belongs to no active company');
  const companyId = memberships[0].company_id;

  const sessionToken = newSecret(32);
  const csrfToken = newSecret(32);
  const deviceToken = knownDevice && input.deviceCookie ? input.deviceCookie : newSecret(32);
  await withTransaction(db, async (tx) => {
    await tx.execute(
      sql`insert into platform_session (id, user_id, company_id, csrf_token, expires_at, ip, user_agent)
          values (${sha256(sessionToken)}, ${user.id}, ${companyId}, ${csrfToken},
                  now() + make_interval(hours => ${config.sessionMaxHours}), ${input.ip}, ${(input.userAgent ?? '').slice(0, 300)})`,
    );
    await tx.execute(
      sql`insert into platform_known_device (user_id, device_hash) values (${user.id}, ${sha256(deviceToken)})
          on conflict (user_id, device_hash) do update set last_used_at = now()`,
    );
    await tx.execute(
      sql`update platform_user set failed_login_count = 0, last_login_at = now() where id = ${user.id}`,
    );
    const actor = await loadActor(tx, { userId: user.id, companyId });
    if (actor)
      await recordAudit(tx, actor, {
        entity: 'platform.session',
        entityId: sha256(sessionToken).slice(0, 16),
        action: 'login',
      });
  });
  await clear(db.orm, emailBucket);
  return { sessionToken, csrfToken, deviceToken, userId: user.id, companyId };
}

export async function endSession(db: Db, sessionId: string, reason: string): Promise<void> {
  await db.orm.execute(
    sql`update platform_session set ended_at = now(), end_reason = ${reason} where id = ${sessionId} and ended_at is null`,
  );
}
