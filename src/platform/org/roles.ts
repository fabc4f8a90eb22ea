import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import { type Executor, one, rows, type Tx, textArray } from '../db/tx.ts';
import { badRequest, conflict, notFound, staleVersion } from '../errors.ts';
import { Translations } from '../http/schemas.ts';
import { newId } from '../ids.ts';
import { type Actor, requirePermission } from '../permissions/actor.ts';
import { assertCanGrant } from '../permissions/coverage.ts';
import { isValidPattern } from '../permissions/registry.ts';

export const RoleView = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.record(z.string(), z.string()),
    builtIn: z.boolean(),
    permissions: z.array(z.string()),
    recordScope: z.enum(['own', 'team', 'company']),
    fieldMasks: z.record(z.string(), z.array(z.string())),
    version: z.number().int(),
  })
  .meta({ id: 'Role' });

const Pattern = z.string().max(100).refine(isValidPattern, 'not a permission pattern');
const FieldMasks = z.record(
  z.string().regex(/^[a-z_]+\.[a-z_]+$/),
  z.array(z.string().regex(/^[A-Za-z]{1,60}$/)).max(50),
);

export const CreateRoleInput = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
  name: Translations,
  permissions: z.array(Pattern).max(500),
  recordScope: z.enum(['own', 'team', 'company']),
  fieldMasks: FieldMasks.default({}),
});

export const UpdateRoleInput = z.strictObject({
  version: z.number().int().min(1),
  name: Translations.optional(),
  permissions: z.array(Pattern).max(500).optional(),
  recordScope: z.enum(['own', 'team', 'company']).optional(),
  fieldMasks: FieldMasks.optional(),
});

function view(r: Record<string, any>): z.infer<typeof RoleView> {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    builtIn: r.built_in,
    permissions: r.permissions,
    recordScope: r.record_scope,
    fieldMasks: r.field_masks,
    version: r.version,
  };
}

export async function listRoles(ex: Executor, actor: Actor) {
  requirePermission(actor, 'platform.role.read');
  const list = await rows(
    ex,
    sql`select * from platform_role where company_id = ${actor.companyId} order by built_in desc, code`,
  );
  return { items: list.map(view), nextCursor: null };
}

export async function getRole(ex: Executor, actor: Actor, id: string, lock = false) {
  requirePermission(actor, 'platform.role.read');
  const row = await one(
    ex,
    sql`select * from platform_role where company_id = ${actor.companyId} and id = ${id} ${lock ? sql`for update` : sql``}`,
  );
  if (!row) throw notFound('role', id);
  return view(row);
}

export async function createRole(tx: Tx, actor: Actor, input: z.infer<typeof CreateRoleInput>) {
  requirePermission(actor, 'platform.role.manage');
  assertCanGrant(actor, input.permissions);
  const id = newId();
  await tx.execute(
    sql`insert into platform_role (company_id, id, code, name, permissions, record_scope, field_masks)
        values (${actor.companyId}, ${id}, ${input.code}, ${JSON.stringify(input.name)}::jsonb, ${textArray(input.permissions)},
                ${input.recordScope}, ${JSON.stringify(input.fieldMasks)}::jsonb)`,
  );
  const created = await getRole(tx, actor, id);
  await recordAudit(tx, actor, { entity: 'platform.role', entityId: id, action: 'create', after: created });
  return created;
}

export async function updateRole(tx: Tx, actor: Actor, id: string, input: z.infer<typeof UpdateRoleInput>) {
  requirePermission(actor, 'platform.role.manage');
  const before = await getRole(tx, actor, id, true);
  if (before.version !== input.version) throw staleVersion('role', input.version, before.version);
  if (input.permissions) assertCanGrant(actor, input.permissions);
  if (before.code === 'admin' && input.permissions && !input.permissions.includes('*'))
    throw badRequest('role.admin_locked', 'The admin role keeps every permission');
  await tx.execute(
    sql`update platform_role set name = ${JSON.stringify(input.name ?? before.name)}::jsonb,
           permissions = ${textArray(input.permissions ?? before.permissions)},
           record_scope = ${input.recordScope ?? before.recordScope},
           field_masks = ${JSON.stringify(input.fieldMasks ?? before.fieldMasks)}::jsonb,
           version = version + 1, updated_at = now()
         where company_id = ${actor.companyId} and id = ${id}`,
  );
  const after = await getRole(tx, actor, id);
  await recordAudit(tx, actor, { entity: 'platform.role', entityId: id, action: 'update', before, after });
  return after;
}

export async function deleteRole(tx: Tx, actor: Actor, id: string) {
  requirePermission(actor, 'platform.role.manage');
  const before = await getRole(tx, actor, id, true);
  if (before.builtIn) throw badRequest('role.built_in', 'Built-in roles can be edited but not deleted');
  const used = await one(
    tx,
    sql`select 1 from platform_user_role where company_id = ${actor.companyId} and role_id = ${id} limit 1`,
  );
  const tokens = await one(
    tx,
    sql`select 1 from platform_api_token where company_id = ${actor.companyId} and role_id = ${id} limit 1`,
  );
  if (used || tokens) throw conflict('role.in_use', 'Users or API tokens still have this role');
  await tx.execute(sql`delete from platform_role where company_id = ${actor.companyId} and id = ${id}`);
  await recordAudit(tx, actor, { entity: 'platform.role', entityId: id, action: 'delete', before });
}
