import { sql } from 'drizzle-orm';
import { loadActor } from '../../src/platform/auth/load-actor.ts';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import type { Db } from '../../src/platform/db/connect.ts';
import { withTransaction } from '../../src/platform/db/tx.ts';
import { newId } from '../../src/platform/ids.ts';
import { addMember, createCompany } from '../../src/platform/org/create-company.ts';
import type { Actor } from '../../src/platform/permissions/actor.ts';

export const TEST_PASSWORD = 'Test-Password-2026!';
let passwordHash: Promise<string> | null = null;
let counter = 0;

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

export interface TestCompany {
  id: string;
  code: string;
  roles: Record<string, string>;
  admin: TestUser;
  /** A new user of this company with one built-in role (by code), optionally in a department. */
  user(role: string, options?: { departmentId?: string }): Promise<TestUser>;
  /** The service-layer actor of a user of this company. */
  actor(user: TestUser | string): Promise<Actor>;
  department(options?: { managerUserId?: string; parentId?: string }): Promise<string>;
}

function uniqueCode(): string {
  counter++;
  return `T${process.pid.toString(36).toUpperCase()}${Date.now().toString(36).slice(-4).toUpperCase()}${counter}`.slice(
    0,
    20,
  );
}

/** Each test builds its own company (roles, reference data, an admin): tests never share records. */
export async function newCompany(db: Db, options: { name?: string } = {}): Promise<TestCompany> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const code = uniqueCode();
  const created = await withTransaction(db, (tx) =>
    createCompany(tx, { code, name: options.name ?? `Test ${code}`, locale: 'en' }),
  );
  const makeUser = async (role: string, departmentId?: string): Promise<TestUser> => {
    const id = newId();
    const email = `${role}.${id.slice(-12)}@test.tandem.local`;
    await withTransaction(db, async (tx) => {
      await tx.execute(
        sql`insert into platform_user (id, email, name, locale, password_hash, default_company_id)
            values (${id}, ${email}, ${`${role} user`}, 'en', ${hash}, ${created.id})`,
      );
      await addMember(tx, created.id, id, [created.roles[role]], departmentId ?? null);
    });
    return { id, email, password: TEST_PASSWORD };
  };
  const admin = await makeUser('admin');
  return {
    id: created.id,
    code,
    roles: created.roles,
    admin,
    user: (role, opts) => makeUser(role, opts?.departmentId),
    actor: async (user) => {
      const actor = await loadActor(db.orm, {
        userId: typeof user === 'string' ? user : user.id,
        companyId: created.id,
      });
      if (!actor) throw new Error('not an active member');
      return actor;
    },
    department: async (opts = {}) => {
      const id = newId();
      await db.orm.execute(
        sql`insert into platform_department (company_id, id, code, name, manager_user_id, parent_id)
            values (${created.id}, ${id}, ${`D${id.slice(-8)}`}, ${JSON.stringify({ en: 'Dept' })}::jsonb,
                    ${opts.managerUserId ?? null}, ${opts.parentId ?? null})`,
      );
      return id;
    },
  };
}
