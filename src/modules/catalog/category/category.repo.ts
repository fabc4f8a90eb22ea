import { type SQL, sql } from 'drizzle-orm';
import { iso } from '../../../platform/db/time.ts';
import { type Executor, one, rows } from '../../../platform/db/tx.ts';
import { badRequest, conflict, notFound, unprocessable } from '../../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/schemas.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { containsPattern, toHalfWidth } from '../../../platform/text/search-key.ts';
import { displayName } from '../contract.ts';
import type { Category, CategoryListQuery } from './contract.ts';

export interface CategoryRow {
  id: string;
  code: string;
  name: Record<string, string>;
  parent_id: string | null;
  active: boolean;
  version: number;
  created_at: unknown;
  updated_at: unknown;
}

export function toCategory(r: CategoryRow, locale: string): Category {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    displayName: displayName(r.name, locale),
    parentId: r.parent_id,
    active: r.active,
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export async function findCategoryRow(ex: Executor, companyId: string, id: string, lock = false) {
  const row = await one<CategoryRow>(
    ex,
    sql`select * from catalog_category where company_id = ${companyId} and id = ${id} ${lock ? sql`for update` : sql``}`,
  );
  if (!row) throw notFound('product category', id);
  return row;
}

/** The parent must be the company's and must not be the category itself or below it (no cycles). */
export async function checkParent(
  ex: Executor,
  companyId: string,
  selfId: string | null,
  parentId: string | null,
) {
  if (!parentId) return;
  const parent = await one(
    ex,
    sql`select 1 from catalog_category where company_id = ${companyId} and id = ${parentId}`,
  );
  if (!parent)
    throw unprocessable('catalog.category_unknown', 'No such parent category', { categoryId: parentId });
  if (!selfId) return;
  // Walk up from the new parent: meeting the category itself would close a loop.
  const loop = await one(
    ex,
    sql`with recursive up(id, parent_id, depth) as (
          select id, parent_id, 0 from catalog_category where company_id = ${companyId} and id = ${parentId}
          union all
          select c.id, c.parent_id, up.depth + 1 from catalog_category c join up on c.id = up.parent_id
           where c.company_id = ${companyId} and up.depth < 100
        ) select 1 from up where id = ${selfId} limit 1`,
  );
  if (loop)
    throw unprocessable('catalog.category_cycle', 'A category cannot be placed below itself', {
      categoryId: selfId,
      parentId,
    });
}

export async function checkCodeFree(ex: Executor, companyId: string, code: string, selfId: string | null) {
  const taken = await one(
    ex,
    sql`select 1 from catalog_category where company_id = ${companyId} and upper(code) = upper(${code})
          and id <> ${selfId ?? '00000000-0000-0000-0000-000000000000'}`,
  );
  if (taken)
    throw conflict('catalog.category_code_taken', `The category code ${code} is already used`, {
      field: 'code',
      code,
    });
}

export async function listCategories(ex: Executor, actor: Actor, query: CategoryListQuery) {
  requirePermission(actor, 'catalog.product.read');
  const where: SQL[] = [sql`c.company_id = ${actor.companyId}`];
  const needle = query.q ? toHalfWidth(query.q).trim().toLowerCase() : '';
  if (needle)
    where.push(
      sql`(lower(c.code) like ${containsPattern(needle)} or lower(c.name::text) like ${containsPattern(needle)})`,
    );
  if (query.parentId) where.push(sql`c.parent_id = ${query.parentId}`);
  if (query.active) where.push(sql`c.active = ${query.active === 'true'}`);
  const cursor = decodeCursor(query.cursor, 2);
  if (cursor) {
    if (cursor[0] === '__invalid__' || !/^[0-9a-f-]{36}$/.test(String(cursor[1])))
      throw badRequest('bad_cursor', 'The cursor is not valid');
    where.push(sql`(c.code, c.id) > (${String(cursor[0])}, ${String(cursor[1])}::uuid)`);
  }
  const found = await rows<CategoryRow>(
    ex,
    sql`select c.* from catalog_category c where ${sql.join(where, sql` and `)} order by c.code, c.id limit ${query.limit + 1}`,
  );
  const page = found.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toCategory(r, actor.locale)),
    nextCursor: found.length > query.limit && last ? encodeCursor([last.code, last.id]) : null,
  };
}
