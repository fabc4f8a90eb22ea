import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/connect.ts';
import { one, withTransaction } from '../db/tx.ts';
import { tooManyRequests, unprocessable } from '../errors.ts';
import { sha256 } from '../ids.ts';
import type { Actor } from '../permissions/actor.ts';
import { hashPassword, passwordProblems, verifyPassword } from './passwords.ts';
import { hit, LIMITS, peek } from './rate-limit.ts';

/** Needs the current password (throttled like sign-in); ends the user's other sessions. */
export async function changePassword(db: Db, actor: Actor, current: string, next: string): Promise<void> {
  const user = await one<{ email: string; password_hash: string }>(
    db.orm,
    sql`select email, password_hash from platform_user where id = ${actor.userId}`,
  );
  if (!user) throw unprocessable('auth.invalid_credentials', 'Wrong current password');
  const bucket = `login-email:${sha256(user.email.toLowerCase())}`;
  const state = await peek(db.orm, bucket, LIMITS.loginPerAccount.windowSeconds);
  if (state.hits >= LIMITS.loginPerAccount.max)
    throw tooManyRequests('auth.throttled', state.retryAfterSeconds);
  if (!(await verifyPassword(user.password_hash, current))) {
    await hit(db.orm, bucket, LIMITS.loginPerAccount.windowSeconds);
    throw unprocessable('auth.wrong_current_password', 'The current password is wrong');
  }
  const problems = passwordProblems(next, user.email);
  if (problems.length > 0)
    throw unprocessable('auth.password_rules', 'The new password breaks the password rules', {
      rules: problems,
    });
  const hashed = await hashPassword(next);
  await withTransaction(db, async (tx) => {
    await tx.execute(
      sql`update platform_user set password_hash = ${hashed}, password_changed_at = now(),
             version = version + 1, updated_at = now() where id = ${actor.userId}`,
    );
    await tx.execute(
      sql`update platform_session set ended_at = now(), end_reason = 'password_changed'
           where user_id = ${actor.userId} and ended_at is null and id is distinct from ${actor.sessionId ?? null}`,
    );
    await recordAudit(tx, actor, {
      entity: 'platform.user',
      entityId: actor.userId,
      action: 'password_change',
      before: { passwordHash: 'x' },
      after: { passwordHash: 'y' },
    });
  });
}
