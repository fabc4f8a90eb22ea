import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { one, type Tx } from '../db/tx.ts';
import { unprocessable } from '../errors.ts';
import { Translations, Version } from '../http/schemas.ts';
import { Code, NameView, type RefSpec, Stamps, stamps } from '../reference/crud.ts';
import { department } from './schema.ts';

export const DepartmentView = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: NameView,
    parentId: z.uuid().nullable(),
    managerUserId: z.uuid().nullable(),
    active: z.boolean(),
    ...Stamps,
  })
  .meta({ id: 'Department' });
type DepartmentView = z.infer<typeof DepartmentView>;

export const CreateDepartmentInput = z.strictObject({
  code: Code,
  name: Translations,
  parentId: z.uuid().nullable().default(null),
  managerUserId: z.uuid().nullable().default(null),
  active: z.boolean().default(true),
});

export const UpdateDepartmentInput = z.strictObject({
  version: Version,
  code: Code.optional(),
  name: Translations.optional(),
  parentId: z.uuid().nullable().optional(),
  managerUserId: z.uuid().nullable().optional(),
  active: z.boolean().optional(),
});

/** A parent must be a department of the same company (any other id looks the same as none: 422). */
export async function assertParentExists(tx: Tx, companyId: string, parentId: string): Promise<void> {
  const found = await one(
    tx,
    sql`select 1 from platform_department where company_id = ${companyId} and id = ${parentId}`,
  );
  if (!found)
    throw unprocessable('reference_invalid', 'Unknown parent department', { field: 'parentId', parentId });
}

/** Managers drive record rules ("team" scope), so only a current, enabled member may be one. */
export async function assertManagerIsMember(tx: Tx, companyId: string, userId: string): Promise<void> {
  const found = await one(
    tx,
    sql`select 1 from platform_membership m join platform_user u on u.id = m.user_id
         where m.company_id = ${companyId} and m.user_id = ${userId} and m.active and u.disabled_at is null`,
  );
  if (!found)
    throw unprocessable(
      'department.manager_not_member',
      'The manager must be an active user of the company',
      {
        field: 'managerUserId',
        managerUserId: userId,
      },
    );
}

/**
 * Refuses to hang a department under itself or one of its descendants. Two moves checked at the
 * same time could each pass and together close a loop (A under B, B under A), so moves within a
 * company take turns on a transaction-scoped advisory lock; nothing else waits on it.
 */
export async function assertNoCycle(tx: Tx, companyId: string, id: string, parentId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext('platform_department_tree'), hashtext(${companyId}))`,
  );
  const loop = await one(
    tx,
    sql`with recursive up(id, parent_id) as (
          select id, parent_id from platform_department where company_id = ${companyId} and id = ${parentId}
          union
          select d.id, d.parent_id from platform_department d join up on d.id = up.parent_id
           where d.company_id = ${companyId}
        )
        select 1 from up where id = ${id} limit 1`,
  );
  if (loop)
    throw unprocessable(
      'department.cycle',
      'A department cannot be placed under itself or its own sub-department',
      {
        field: 'parentId',
        parentId,
      },
    );
}

export const departments: RefSpec<typeof department, DepartmentView> = {
  entity: 'platform.department',
  event: 'department',
  noun: 'department',
  table: department,
  read: 'platform.department.read',
  manage: 'platform.department.manage',
  orderBy: ['code'],
  view: (r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    parentId: r.parentId,
    managerUserId: r.managerUserId,
    active: r.active,
    ...stamps(r),
  }),
  async beforeChange(tx, actor, before, patch) {
    const parentId = patch.parentId as string | null | undefined;
    if (parentId && parentId !== before.parentId) {
      await assertParentExists(tx, actor.companyId, parentId);
      await assertNoCycle(tx, actor.companyId, before.id, parentId);
    }
    const managerUserId = patch.managerUserId as string | null | undefined;
    if (managerUserId && managerUserId !== before.managerUserId)
      await assertManagerIsMember(tx, actor.companyId, managerUserId);
  },
};
