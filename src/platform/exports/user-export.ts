import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../db/tx.ts';
import { rows } from '../db/tx.ts';
import { listUsers, RESOURCE, UserListQuery } from '../org/users.ts';
import { type Actor, maskedFields, requirePermission } from '../permissions/actor.ts';
import type { ExportColumn, ExportRow } from './export-rows.ts';

export const UserExportQuery = UserListQuery.omit({ limit: true, cursor: true });

interface UserExportColumn extends ExportColumn {
  /** The field of the user view it comes from: a masked field drops the whole column. */
  field: string;
  zh: string;
}

// The same keys the user import reads, so an export can be edited and imported elsewhere.
const COLUMNS: UserExportColumn[] = [
  { key: 'email', field: 'email', header: 'Email', zh: '邮箱' },
  { key: 'name', field: 'name', header: 'Name', zh: '姓名' },
  { key: 'locale', field: 'locale', header: 'Language', zh: '语言' },
  { key: 'role', field: 'roles', header: 'Role', zh: '角色' },
  { key: 'department', field: 'departmentId', header: 'Department', zh: '部门' },
  { key: 'disabled', field: 'disabled', header: 'Disabled', zh: '已停用' },
  { key: 'lastLoginAt', field: 'lastLoginAt', header: 'Last sign-in', zh: '最近登录' },
  { key: 'createdAt', field: 'createdAt', header: 'Added', zh: '加入时间' },
];

/** The columns this actor may see, headed in their language. Checks the read permission first. */
export function userExportColumns(actor: Actor): ExportColumn[] {
  requirePermission(actor, 'platform.user.read');
  const masked = new Set(maskedFields(actor, RESOURCE));
  return COLUMNS.filter((c) => !masked.has(c.field)).map((c) => ({
    key: c.key,
    header: actor.locale === 'zh-CN' ? c.zh : c.header,
  }));
}

/**
 * The users of the actor's company as export rows, fetched page by page through the same list use
 * case as the API (so record rules and field masks apply identically).
 */
export async function* userExportRows(
  ex: Executor,
  actor: Actor,
  query: z.infer<typeof UserExportQuery>,
): AsyncGenerator<ExportRow> {
  const departments = new Map(
    (
      await rows<{ id: string; code: string }>(
        ex,
        sql`select id, code from platform_department where company_id = ${actor.companyId}`,
      )
    ).map((d) => [d.id, d.code]),
  );
  let cursor: string | undefined;
  do {
    const page = await listUsers(ex, actor, { ...query, limit: 200, cursor });
    for (const user of page.items)
      yield {
        email: user.email,
        name: user.name,
        locale: user.locale,
        role: user.roles.map((r) => r.code).join(', '),
        department: user.departmentId ? (departments.get(user.departmentId) ?? '') : '',
        disabled: user.disabled,
        lastLoginAt: user.lastLoginAt ?? '',
        createdAt: user.createdAt,
      };
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
