import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import { one, type Tx } from '../db/tx.ts';
import { conflict } from '../errors.ts';
import { publish } from '../outbox/publish.ts';
import { type Actor, requirePermission } from '../permissions/actor.ts';
import { createRef, findRef, updateRef } from '../reference/crud.ts';
import {
  assertManagerIsMember,
  assertParentExists,
  type CreateDepartmentInput,
  departments,
  type UpdateDepartmentInput,
} from './departments.ts';

export async function createDepartment(tx: Tx, actor: Actor, input: z.infer<typeof CreateDepartmentInput>) {
  requirePermission(actor, 'platform.department.manage');
  if (input.parentId) await assertParentExists(tx, actor.companyId, input.parentId);
  if (input.managerUserId) await assertManagerIsMember(tx, actor.companyId, input.managerUserId);
  return createRef(tx, actor, departments, input);
}

/** Parent and manager rules run in `departments.beforeChange`, once the row is locked. */
export async function updateDepartment(
  tx: Tx,
  actor: Actor,
  id: string,
  input: z.infer<typeof UpdateDepartmentInput>,
) {
  requirePermission(actor, 'platform.department.manage');
  return updateRef(tx, actor, departments, id, input);
}

/** Only an empty department goes: members and sub-departments must be moved first (409). */
export async function deleteDepartment(tx: Tx, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'platform.department.manage');
  const before = await findRef(tx, actor, departments, id, { lock: true });
  const use = await one<{ children: number; members: number }>(
    tx,
    sql`select (select count(*) from platform_department
                 where company_id = ${actor.companyId} and parent_id = ${id})::int as children,
               (select count(*) from platform_membership
                 where company_id = ${actor.companyId} and department_id = ${id})::int as members`,
  );
  const children = Number(use?.children ?? 0);
  const members = Number(use?.members ?? 0);
  if (children > 0 || members > 0)
    throw conflict('department.in_use', 'Move its members and sub-departments elsewhere first', {
      children,
      members,
    });
  await tx.execute(sql`delete from platform_department where company_id = ${actor.companyId} and id = ${id}`);
  await recordAudit(tx, actor, {
    entity: 'platform.department',
    entityId: id,
    action: 'delete',
    before: departments.view(before),
  });
  await publish(tx, actor, {
    type: 'department.deleted',
    aggregateType: 'department',
    aggregateId: id,
    payload: { id, code: before.code },
  });
}
