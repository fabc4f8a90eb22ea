import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import { loadActor } from '../auth/load-actor.ts';
import { hashPassword, PASSWORD_MAX, passwordProblems } from '../auth/passwords.ts';
import { one, rows, type Tx } from '../db/tx.ts';
import { badRequest, conflict, notFound, staleVersion, unprocessable } from '../errors.ts';
import { newId, newSecret } from '../ids.ts';
import { publish } from '../outbox/publish.ts';
import { type Actor, can, requirePermission } from '../permissions/actor.ts';
import { assertCanGrant } from '../permissions/coverage.ts';
import { addMember } from './create-company.ts';
import { getUser, lockMember } from './users.ts';

const Locale = z.enum(['zh-CN', 'en']);

export const CreateUserInput = z.strictObject({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(100),
  locale: Locale.default('zh-CN'),
  password: z.string().max(PASSWORD_MAX).optional(),
  roleIds: z.array(z.uuid()).min(1).max(20),
  departmentId: z.uuid().nullable().optional(),
});

export const UpdateUserInput = z.strictObject({
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(100).optional(),
  locale: Locale.optional(),
  roleIds: z.array(z.uuid()).min(1).max(20).optional(),
  departmentId: z.uuid().nullable().optional(),
});

export const UpdateProfileInput = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  locale: Locale.optional(),
});

/**
 * An account is global, so its name, language and memberships concern every company it belongs to.
 * An admin may attach or rename an account only if they may manage users in EVERY other company of
 * that account (a group's administrator); otherwise one company could take over another's user.
 */
async function assertManagesAccount(tx: Tx, actor: Actor, userId: string, permission: string): Promise<void> {
  const companies = await rows<{ company_id: string }>(
    tx,
    sql`select company_id from platform_membership where user_id = ${userId} and company_id <> ${actor.companyId}`,
  );
  for (const { company_id } of companies) {
    const there = await loadActor(tx, { userId: actor.userId, companyId: company_id });
    if (!there || !can(there, permission))
      throw conflict('user.shared_account', 'This account belongs to another company you do not administer', {
        field: 'email',
      });
  }
}

async function rolePermissions(tx: Tx, companyId: string, roleIds: string[]): Promise<string[]> {
  const unique = [...new Set(roleIds)];
  const found = await rows<{ id: string; permissions: string[] }>(
    tx,
    sql`select id, permissions from platform_role where company_id = ${companyId}
         and id in (${sql.join(
           unique.map((id) => sql`${id}::uuid`),
           sql`, `,
         )})`,
  );
  if (found.length !== unique.length)
    throw unprocessable('reference_invalid', 'Unknown role', { roleIds: unique });
  return found.flatMap((r) => r.permissions);
}

async function assertDepartment(tx: Tx, companyId: string, departmentId: string | null | undefined) {
  if (!departmentId) return;
  const dep = await one(
    tx,
    sql`select 1 from platform_department where company_id = ${companyId} and id = ${departmentId}`,
  );
  if (!dep) throw unprocessable('reference_invalid', 'Unknown department', { departmentId });
}

/**
 * Adds a person to the company. A new email becomes a new account (with the given password, or a
 * random one and an emailed link to set it); an existing account just gains the membership.
 */
export async function createUser(tx: Tx, actor: Actor, input: z.infer<typeof CreateUserInput>) {
  requirePermission(actor, 'platform.user.create');
  assertCanGrant(actor, await rolePermissions(tx, actor.companyId, input.roleIds));
  await assertDepartment(tx, actor.companyId, input.departmentId);
  const email = input.email.toLowerCase();
  const existing = await one<{ id: string }>(
    tx,
    sql`select id from platform_user where lower(email) = ${email}`,
  );
  let userId = existing?.id;
  if (existing) {
    const member = await one(
      tx,
      sql`select 1 from platform_membership where company_id = ${actor.companyId} and user_id = ${existing.id}`,
    );
    if (member)
      throw conflict('duplicate', 'This person is already a user of the company', { field: 'email' });
    await assertManagesAccount(tx, actor, existing.id, 'platform.user.create');
  } else {
    if (input.password !== undefined) {
      const problems = passwordProblems(input.password, email);
      if (problems.length)
        throw unprocessable('auth.password_rules', 'The password breaks the password rules', {
          rules: problems,
        });
    }
    userId = newId();
    await tx.execute(
      sql`insert into platform_user (id, email, name, locale, password_hash, default_company_id)
          values (${userId}, ${email}, ${input.name}, ${input.locale}, ${await hashPassword(input.password ?? newSecret(24))},
                  ${actor.companyId})`,
    );
  }
  await addMember(tx, actor.companyId, userId!, input.roleIds, input.departmentId ?? null);
  await recordAudit(tx, actor, {
    entity: 'platform.user',
    entityId: userId!,
    action: 'create',
    after: { email, name: input.name, roleIds: input.roleIds, departmentId: input.departmentId ?? null },
  });
  await publish(tx, actor, {
    type: 'user.created',
    aggregateType: 'user',
    aggregateId: userId!,
    payload: { userId, email, invited: input.password === undefined },
  });
  return getUser(tx, actor, userId!);
}

export async function updateUser(tx: Tx, actor: Actor, id: string, input: z.infer<typeof UpdateUserInput>) {
  requirePermission(actor, 'platform.user.update');
  const before = await lockMember(tx, actor.companyId, id);
  if (before.version !== input.version) throw staleVersion('user', input.version, before.version);
  const after: Record<string, unknown> = {};
  if (input.name !== undefined && input.name !== before.name) after.name = input.name;
  if (input.locale !== undefined && input.locale !== before.locale) after.locale = input.locale;
  if (after.name !== undefined || after.locale !== undefined)
    await assertManagesAccount(tx, actor, id, 'platform.user.update');
  if (after.name !== undefined || after.locale !== undefined)
    await tx.execute(
      sql`update platform_user set name = ${input.name ?? before.name}, locale = ${input.locale ?? before.locale},
             version = version + 1, updated_at = now() where id = ${id}`,
    );
  if (input.departmentId !== undefined && input.departmentId !== before.department_id) {
    await assertDepartment(tx, actor.companyId, input.departmentId);
    after.departmentId = input.departmentId;
  }
  if (input.roleIds) {
    const next = [...new Set(input.roleIds)].sort();
    if (JSON.stringify(next) !== JSON.stringify([...before.role_ids].sort())) {
      if (id === actor.userId) throw badRequest('user.own_roles', 'You cannot change your own roles');
      assertCanGrant(actor, await rolePermissions(tx, actor.companyId, next));
      await replaceRoles(tx, actor.companyId, id, next);
      after.roleIds = next;
    }
  }
  await tx.execute(
    sql`update platform_membership set department_id = ${input.departmentId === undefined ? before.department_id : input.departmentId},
           version = version + 1, updated_at = now() where company_id = ${actor.companyId} and user_id = ${id}`,
  );
  await recordAudit(tx, actor, {
    entity: 'platform.user',
    entityId: id,
    action: 'update',
    before: {
      name: before.name,
      locale: before.locale,
      departmentId: before.department_id,
      roleIds: before.role_ids,
    },
    after: {
      name: after.name ?? before.name,
      locale: after.locale ?? before.locale,
      departmentId: 'departmentId' in after ? after.departmentId : before.department_id,
      roleIds: after.roleIds ?? before.role_ids,
    },
  });
  return getUser(tx, actor, id);
}

export async function replaceRoles(tx: Tx, companyId: string, userId: string, roleIds: string[]) {
  await tx.execute(
    sql`delete from platform_user_role where company_id = ${companyId} and user_id = ${userId}`,
  );
  for (const roleId of roleIds)
    await tx.execute(
      sql`insert into platform_user_role (company_id, user_id, role_id) values (${companyId}, ${userId}, ${roleId})`,
    );
}

/**
 * Ends the person's access to this company at once: membership off, sessions in the company ended,
 * API tokens for the company revoked; an account left with no company is disabled altogether.
 */
export async function disableUser(tx: Tx, actor: Actor, id: string, reason: string | undefined) {
  requirePermission(actor, 'platform.user.disable');
  if (id === actor.userId) throw badRequest('user.disable_self', 'You cannot disable yourself');
  const before = await lockMember(tx, actor.companyId, id);
  await tx.execute(
    sql`update platform_membership set active = false, version = version + 1, updated_at = now()
         where company_id = ${actor.companyId} and user_id = ${id}`,
  );
  const others = await one(tx, sql`select 1 from platform_membership where user_id = ${id} and active`);
  if (!others)
    await tx.execute(
      sql`update platform_user set disabled_at = now(), version = version + 1 where id = ${id}`,
    );
  await tx.execute(
    sql`update platform_session set ended_at = now(), end_reason = 'disabled'
         where user_id = ${id} and ended_at is null and (company_id = ${actor.companyId} or ${!others})`,
  );
  await tx.execute(
    sql`update platform_api_token set revoked_at = now() where user_id = ${id} and company_id = ${actor.companyId} and revoked_at is null`,
  );
  await recordAudit(tx, actor, {
    entity: 'platform.user',
    entityId: id,
    action: 'disable',
    before: { disabled: !before.active },
    after: { disabled: true },
    reason,
  });
  return getUser(tx, actor, id);
}

export async function enableUser(tx: Tx, actor: Actor, id: string) {
  requirePermission(actor, 'platform.user.disable');
  const before = await lockMember(tx, actor.companyId, id);
  await tx.execute(
    sql`update platform_membership set active = true, version = version + 1, updated_at = now()
         where company_id = ${actor.companyId} and user_id = ${id}`,
  );
  await tx.execute(sql`update platform_user set disabled_at = null where id = ${id}`);
  await recordAudit(tx, actor, {
    entity: 'platform.user',
    entityId: id,
    action: 'enable',
    before: { disabled: !before.active || before.disabled_at !== null },
    after: { disabled: false },
  });
  return getUser(tx, actor, id);
}

/** An admin ends every session the person has in this company (they must sign in again). */
export async function terminateSessions(tx: Tx, actor: Actor, id: string): Promise<number> {
  requirePermission(actor, 'platform.session.terminate');
  await lockMember(tx, actor.companyId, id);
  const ended = await rows(
    tx,
    sql`update platform_session set ended_at = now(), end_reason = 'terminated_by_admin'
         where user_id = ${id} and company_id = ${actor.companyId} and ended_at is null returning id`,
  );
  await recordAudit(tx, actor, {
    entity: 'platform.user',
    entityId: id,
    action: 'terminate_sessions',
    after: { sessions: ended.length },
  });
  return ended.length;
}

/** Self-service: only name and language; everything else about an account is an admin's. */
export async function updateProfile(tx: Tx, actor: Actor, input: z.infer<typeof UpdateProfileInput>) {
  const before = await one<{ name: string; locale: string }>(
    tx,
    sql`select name, locale from platform_user where id = ${actor.userId} for update`,
  );
  if (!before) throw notFound('user', actor.userId);
  const after = { name: input.name ?? before.name, locale: input.locale ?? before.locale };
  await tx.execute(
    sql`update platform_user set name = ${after.name}, locale = ${after.locale}, version = version + 1, updated_at = now()
         where id = ${actor.userId}`,
  );
  await recordAudit(tx, actor, {
    entity: 'platform.user',
    entityId: actor.userId,
    action: 'update_profile',
    before,
    after,
  });
}
