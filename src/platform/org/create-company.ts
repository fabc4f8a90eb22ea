import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.ts';
import type { Tx } from '../db/tx.ts';
import { one, textArray } from '../db/tx.ts';
import { newId } from '../ids.ts';
import { systemActor } from '../permissions/actor.ts';
import { builtInRoles } from '../permissions/builtin-roles.ts';
import { seedReferenceData } from '../reference/seed.ts';

export interface NewCompany {
  code: string;
  name: string;
  currency?: string;
  timeZone?: string;
  locale?: string;
  /** The chart of accounts to install (accounting picks by locale when absent). */
  chartTemplate?: 'cn-small-business' | 'ifrs-generic';
}

type CompanyHook = (tx: Tx, companyId: string, input: NewCompany) => Promise<void>;
const hooks: CompanyHook[] = [];

/** Modules that need per-company setup (a chart of accounts, default warehouse) register here. */
export function onCompanyCreated(hook: CompanyHook): void {
  hooks.push(hook);
}

/** Creates a company with its built-in roles and reference data; returns the company and role ids by code. */
export async function createCompany(
  tx: Tx,
  input: NewCompany,
): Promise<{ id: string; roles: Record<string, string> }> {
  const id = newId();
  await tx.execute(
    sql`insert into platform_company (id, code, name, currency, time_zone, locale)
        values (${id}, ${input.code}, ${input.name}, ${input.currency ?? 'CNY'}, ${input.timeZone ?? 'Asia/Shanghai'},
                ${input.locale ?? 'zh-CN'})`,
  );
  const roles: Record<string, string> = {};
  for (const role of builtInRoles) {
    const roleId = newId();
    roles[role.code] = roleId;
    await tx.execute(
      sql`insert into platform_role (company_id, id, code, name, built_in, permissions, record_scope, field_masks)
          values (${id}, ${roleId}, ${role.code}, ${JSON.stringify(role.name)}::jsonb, true,
                  ${textArray(role.permissions)}, ${role.recordScope}, ${JSON.stringify(role.fieldMasks ?? {})}::jsonb)`,
    );
  }
  await seedReferenceData(tx, id, input.currency ?? 'CNY');
  for (const hook of hooks) await hook(tx, id, input);
  await recordAudit(tx, systemActor(id, 'company created'), {
    entity: 'platform.company',
    entityId: id,
    action: 'create',
    after: { code: input.code, name: input.name },
  });
  return { id, roles };
}

/** Adds an existing user to a company with the given roles (by id). */
export async function addMember(
  tx: Tx,
  companyId: string,
  userId: string,
  roleIds: string[],
  departmentId?: string | null,
) {
  await tx.execute(
    sql`insert into platform_membership (company_id, user_id, department_id) values (${companyId}, ${userId}, ${departmentId ?? null})
        on conflict (company_id, user_id) do update set active = true, department_id = excluded.department_id,
          version = platform_membership.version + 1, updated_at = now()`,
  );
  for (const roleId of roleIds)
    await tx.execute(
      sql`insert into platform_user_role (company_id, user_id, role_id) values (${companyId}, ${userId}, ${roleId})
          on conflict do nothing`,
    );
}

export async function companyCount(tx: Tx): Promise<number> {
  const row = await one<{ n: number }>(tx, sql`select count(*)::int as n from platform_company`);
  return Number(row?.n ?? 0);
}
