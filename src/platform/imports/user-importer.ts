import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { one, rows, type Tx, textArray } from '../db/tx.ts';
import { CreateUserInput, createUser, disableUser } from '../org/user-commands.ts';
import type { Actor } from '../permissions/actor.ts';
import { parseWithSchema, registerImporter, rowError } from './registry.ts';

// People type the language the way they say it; the account stores one of two codes.
const LOCALES: Record<string, 'zh-CN' | 'en'> = {
  'zh-cn': 'zh-CN',
  zh: 'zh-CN',
  zh_cn: 'zh-CN',
  中文: 'zh-CN',
  简体中文: 'zh-CN',
  en: 'en',
  'en-us': 'en',
  'en-gb': 'en',
  english: 'en',
  英文: 'en',
  英语: 'en',
};

const UserRow = z.object({
  email: z.email().max(254),
  name: z.string().min(1).max(100),
  locale: z
    .string()
    .transform((v) => LOCALES[v.toLowerCase()] ?? v)
    .pipe(z.enum(['zh-CN', 'en']))
    .optional(),
  // One role code, or several separated by commas (what the user export writes).
  role: z
    .string()
    .max(500)
    .transform((v) => [...new Set(v.split(/[,，、;；\s]+/).filter(Boolean))])
    .pipe(z.array(z.string().max(40)).min(1).max(20)),
  department: z.string().max(100).optional(),
});
type UserRow = z.infer<typeof UserRow>;

async function roleIds(tx: Tx, companyId: string, codes: string[]): Promise<string[]> {
  const found = await rows<{ id: string; code: string }>(
    tx,
    sql`select id, code from platform_role where company_id = ${companyId} and code = any(${textArray(codes)})`,
  );
  const unknown = codes.filter((code) => !found.some((r) => r.code === code));
  if (unknown.length > 0) throw rowError('role', 'import.unknown_role', `Unknown role ${unknown.join(', ')}`);
  return found.map((r) => r.id);
}

async function departmentId(tx: Tx, companyId: string, code: string | undefined): Promise<string | null> {
  if (!code) return null;
  const found = await one<{ id: string }>(
    tx,
    sql`select id from platform_department where company_id = ${companyId} and code = ${code}`,
  );
  if (!found) throw rowError('department', 'import.unknown_department', `Unknown department ${code}`);
  return found.id;
}

/** Users come in exactly as `POST /users` adds them (new account or membership), and leave as a disable. */
registerImporter<UserRow>({
  entity: 'platform.user',
  permission: 'platform.user.create',
  undoPermission: 'platform.user.disable',
  columns: [
    { key: 'email', label: { 'zh-CN': '邮箱', en: 'Email' }, required: true, example: 'li.na@example.com' },
    { key: 'name', label: { 'zh-CN': '姓名', en: 'Name' }, required: true, example: '李娜' },
    { key: 'locale', label: { 'zh-CN': '语言', en: 'Language' }, required: false, example: 'zh-CN' },
    { key: 'role', label: { 'zh-CN': '角色', en: 'Role' }, required: true, example: 'sales' },
    { key: 'department', label: { 'zh-CN': '部门', en: 'Department' }, required: false, example: '' },
  ],
  parseRow: (raw) => parseWithSchema(UserRow, raw),
  async importRow(tx: Tx, actor: Actor, row: UserRow) {
    const input = CreateUserInput.safeParse({
      email: row.email,
      name: row.name,
      locale: row.locale,
      roleIds: await roleIds(tx, actor.companyId, row.role),
      departmentId: await departmentId(tx, actor.companyId, row.department),
    });
    if (!input.success) {
      const issue = input.error.issues[0];
      const field = String(issue.path[0] ?? '');
      const column = field === 'roleIds' ? 'role' : field === 'departmentId' ? 'department' : field;
      throw rowError(column, 'invalid', issue.message);
    }
    const user = await createUser(tx, actor, input.data);
    return { recordId: user.id };
  },
  async undo(tx: Tx, actor: Actor, recordIds: string[]) {
    for (const id of recordIds) await disableUser(tx, actor, id, actor.reason);
  },
});
