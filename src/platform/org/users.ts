import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { iso, isoOrNull } from '../db/time.ts';
import { type Executor, rows } from '../db/tx.ts';
import { badRequest, notFound } from '../errors.ts';
import { decodeCursor, encodeCursor } from '../http/schemas.ts';
import { type Actor, applyMask, maskedFields, requirePermission } from '../permissions/actor.ts';

export const RESOURCE = 'platform.user';

export const UserView = z
  .object({
    id: z.uuid(),
    email: z.string().optional(),
    name: z.string(),
    locale: z.string(),
    disabled: z.boolean(),
    roles: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.record(z.string(), z.string()) })),
    departmentId: z.uuid().nullable(),
    lastLoginAt: z.string().nullable().optional(),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });
export type UserView = z.infer<typeof UserView>;

export const UserListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  q: z.string().max(200).optional(),
  sort: z.enum(['name', 'email', 'createdAt']).default('name'),
  includeDisabled: z.enum(['true', 'false']).default('false'),
});

const SORT_SQL: Record<string, SQL> = {
  name: sql`lower(u.name)`,
  email: sql`lower(u.email)`,
  createdAt: sql`m.created_at::text`,
};

function toView(r: Record<string, any>): UserView {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    locale: r.locale,
    disabled: !r.active || r.disabled_at !== null,
    roles: (r.roles ?? []).filter((x: any) => x?.id),
    departmentId: r.department_id,
    lastLoginAt: isoOrNull(r.last_login_at),
    version: r.version,
    createdAt: iso(r.created_at),
  };
}

const selectUsers = (companyId: string) => sql`
  select u.id, u.email, u.name, u.locale, u.disabled_at, u.last_login_at, m.active, m.department_id, m.version,
         m.created_at, coalesce((select json_agg(json_build_object('id', r.id, 'code', r.code, 'name', r.name) order by r.code)
                                   from platform_user_role ur join platform_role r on r.company_id = ur.company_id and r.id = ur.role_id
                                  where ur.company_id = m.company_id and ur.user_id = m.user_id), '[]'::json) as roles,
         lower(u.name) as sort_name, lower(u.email) as sort_email, m.created_at::text as sort_created
    from platform_membership m join platform_user u on u.id = m.user_id
   where m.company_id = ${companyId}`;

/** Members of the actor's company. Masked fields are absent, and cannot be searched or sorted by. */
export async function listUsers(ex: Executor, actor: Actor, query: z.infer<typeof UserListQuery>) {
  requirePermission(actor, 'platform.user.read');
  const masked = maskedFields(actor, RESOURCE);
  if (masked.includes(query.sort))
    throw badRequest('field_masked', `You may not sort by ${query.sort}`, { field: query.sort });
  const sortKey = SORT_SQL[query.sort];
  const conditions: SQL[] = [];
  if (query.includeDisabled !== 'true') conditions.push(sql`m.active and u.disabled_at is null`);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      masked.includes('email')
        ? sql`u.name ilike ${like}`
        : sql`(u.name ilike ${like} or u.email ilike ${like})`,
    );
  }
  const cursor = decodeCursor(query.cursor, 2);
  if (cursor) {
    if (cursor[0] === '__invalid__') throw badRequest('bad_cursor', 'The cursor is not valid');
    conditions.push(sql`(${sortKey}, u.id) > (${String(cursor[0])}, ${String(cursor[1])}::uuid)`);
  }
  const where = conditions.length ? sql` and ${sql.join(conditions, sql` and `)}` : sql``;
  const list = await rows<Record<string, any>>(
    ex,
    sql`${selectUsers(actor.companyId)}${where} order by ${sortKey}, u.id limit ${query.limit + 1}`,
  );
  const page = list.slice(0, query.limit);
  const last = page[page.length - 1];
  const sortValue = (r: Record<string, any>) =>
    query.sort === 'name' ? r.sort_name : query.sort === 'email' ? r.sort_email : r.sort_created;
  return {
    items: page.map((r) => applyMask(actor, RESOURCE, toView(r))),
    nextCursor: list.length > query.limit && last ? encodeCursor([sortValue(last), last.id]) : null,
  };
}

/** One member of the actor's company, or 404 (also for users of other companies). */
export async function getUser(ex: Executor, actor: Actor, id: string): Promise<UserView> {
  requirePermission(actor, 'platform.user.read');
  const [row] = await rows<Record<string, any>>(ex, sql`${selectUsers(actor.companyId)} and u.id = ${id}`);
  if (!row) throw notFound('user', id);
  return applyMask(actor, RESOURCE, toView(row));
}

/** The unmasked row, for use cases that change it. */
export async function lockMember(ex: Executor, companyId: string, id: string) {
  const [row] = await rows<Record<string, any>>(
    ex,
    sql`select u.id, u.email, u.name, u.locale, u.disabled_at, m.active, m.department_id, m.version,
               coalesce((select array_agg(ur.role_id::text order by ur.role_id) from platform_user_role ur
                          where ur.company_id = m.company_id and ur.user_id = m.user_id), '{}') as role_ids
          from platform_membership m join platform_user u on u.id = m.user_id
         where m.company_id = ${companyId} and m.user_id = ${id}
         for update of m`,
  );
  if (!row) throw notFound('user', id);
  return row as {
    id: string;
    email: string;
    name: string;
    locale: string;
    disabled_at: string | null;
    active: boolean;
    department_id: string | null;
    version: number;
    role_ids: string[];
  };
}
