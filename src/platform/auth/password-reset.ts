import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { one, rows, withTransaction } from '../db/tx.ts';
import { badRequest, tooManyRequests, unprocessable } from '../errors.ts';
import { newId, newSecret, sha256 } from '../ids.ts';
import { queueMail } from '../mail/queue.ts';
import { systemActor } from '../permissions/actor.ts';
import { hashPassword, passwordProblems } from './passwords.ts';
import { clear, hit, LIMITS } from './rate-limit.ts';

const TOKEN_TTL_MINUTES = 60;

/**
 * Always answers the same, whether the email exists or not. A new token supersedes older ones;
 * the link is built from PUBLIC_URL, never from the request's Host header.
 */
export async function requestPasswordReset(db: Db, config: Config, email: string, ip: string): Promise<void> {
  const normal = email.trim().toLowerCase();
  const ipState = await hit(db.orm, `reset-ip:${ip}`, LIMITS.resetPerIp.windowSeconds);
  if (ipState.hits > LIMITS.resetPerIp.max)
    throw tooManyRequests('auth.throttled', ipState.retryAfterSeconds);
  const mailState = await hit(db.orm, `reset-email:${sha256(normal)}`, LIMITS.resetPerAccount.windowSeconds);
  if (mailState.hits > LIMITS.resetPerAccount.max) return; // silently: same answer, no more mail
  const user = await one<{ id: string; email: string; locale: string }>(
    db.orm,
    sql`select id, email, locale from platform_user where lower(email) = ${normal} and disabled_at is null`,
  );
  if (!user) return;
  const token = newSecret(32);
  await withTransaction(db, async (tx) => {
    await tx.execute(
      sql`update platform_password_reset set superseded_at = now()
           where user_id = ${user.id} and used_at is null and superseded_at is null`,
    );
    await tx.execute(
      sql`insert into platform_password_reset (id, user_id, token_hash, expires_at)
          values (${newId()}, ${user.id}, ${sha256(token)}, now() + make_interval(mins => ${TOKEN_TTL_MINUTES}))`,
    );
    const link = `${config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
    const zh = user.locale.startsWith('zh');
    await queueMail(tx, {
      kind: 'password_reset',
      to: user.email,
      subject: zh ? 'Tandem 重置密码' : 'Reset your Tandem password',
      text: zh
        ? `有人请求重置您的 Tandem 密码。如是您本人，请在 ${TOKEN_TTL_MINUTES} 分钟内打开：\n${link}\n否则请忽略此邮件。`
        : `Someone asked to reset your Tandem password. If it was you, open this link within ${TOKEN_TTL_MINUTES} minutes:\n${link}\nOtherwise ignore this mail.`,
    });
  });
}

/** Single use, unexpired, not superseded; sets the password and ends every session and API token of the user. */
export async function confirmPasswordReset(
  db: Db,
  token: string,
  newPassword: string,
  ip: string,
): Promise<void> {
  const ipState = await hit(db.orm, `reset-confirm-ip:${ip}`, LIMITS.resetPerIp.windowSeconds);
  if (ipState.hits > LIMITS.resetPerIp.max)
    throw tooManyRequests('auth.throttled', ipState.retryAfterSeconds);
  await withTransaction(db, async (tx) => {
    const reset = await one<{ id: string; user_id: string; email: string }>(
      tx,
      sql`select r.id, r.user_id, u.email from platform_password_reset r join platform_user u on u.id = r.user_id
           where r.token_hash = ${sha256(token)} and r.used_at is null and r.superseded_at is null
             and r.expires_at > now() and u.disabled_at is null
           for update of r`,
    );
    if (!reset) throw badRequest('auth.reset_token_invalid', 'This reset link is invalid, used or expired');
    const problems = passwordProblems(newPassword, reset.email);
    if (problems.length > 0)
      throw unprocessable('auth.password_rules', 'The new password breaks the password rules', {
        rules: problems,
      });
    await tx.execute(sql`update platform_password_reset set used_at = now() where id = ${reset.id}`);
    await tx.execute(
      sql`update platform_user set password_hash = ${await hashPassword(newPassword)}, password_changed_at = now(),
             failed_login_count = 0, version = version + 1, updated_at = now() where id = ${reset.user_id}`,
    );
    await tx.execute(
      sql`update platform_session set ended_at = now(), end_reason = 'password_reset'
           where user_id = ${reset.user_id} and ended_at is null`,
    );
    await tx.execute(
      sql`update platform_api_token set revoked_at = now() where user_id = ${reset.user_id} and revoked_at is null`,
    );
    const companies = await rows<{ company_id: string }>(
      tx,
      sql`select company_id from platform_membership where user_id = ${reset.user_id}`,
    );
    for (const { company_id } of companies) {
      await recordAudit(
        tx,
        {
          ...systemActor(company_id, 'password reset by emailed token'),
          userId: reset.user_id,
          name: 'user',
        },
        {
          entity: 'platform.user',
          entityId: reset.user_id,
          action: 'password_reset',
          before: { passwordHash: 'x' },
          after: { passwordHash: 'y' },
        },
      );
    }
    await clear(tx, `login-email:${sha256(reset.email.toLowerCase())}`);
  });
}
