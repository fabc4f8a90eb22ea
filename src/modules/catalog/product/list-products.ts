import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { badRequest, notFound } from '../../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/schemas.ts';
import { type Actor, applyMask, requirePermission } from '../../../platform/permissions/actor.ts';
import { containsPattern, plainKey } from '../../../platform/text/search-key.ts';
import type { LookupQuery, ProductListQuery } from './contract.ts';
import { type ProductRow, packagingsOf, RESOURCE, toProduct } from './product.repo.ts';

const SORTS = {
  sku: { key: sql`p.sku`, desc: false, value: (r: ProductRow) => r.sku },
  // UUIDv7 ids are creation-ordered: newest first is the primary key backwards.
  createdAt: { key: sql`p.id::text`, desc: true, value: (r: ProductRow) => r.id },
};

/** The category and all below it (`union` stops even on a cycle the rules should never let in). */
export function categoryTreeSql(companyId: string, categoryId: string): SQL {
  return sql`(with recursive tree(id) as (
      select id from catalog_category where company_id = ${companyId} and id = ${categoryId}
      union select c.id from catalog_category c join tree on c.parent_id = tree.id where c.company_id = ${companyId}
    ) select id from tree)`;
}

/** Products page by page; `q` matches SKU, any name (pinyin and initials too) and barcodes. */
export async function listProducts(ex: Executor, actor: Actor, query: ProductListQuery) {
  requirePermission(actor, 'catalog.product.read');
  const sort = SORTS[query.sort];
  const where: SQL[] = [sql`p.company_id = ${actor.companyId}`];
  const needle = query.q ? plainKey(query.q) : '';
  if (needle) where.push(sql`p.search_text like ${containsPattern(needle)}`);
  if (query.categoryId)
    where.push(sql`p.category_id in ${categoryTreeSql(actor.companyId, query.categoryId)}`);
  if (query.kind) where.push(sql`p.kind = ${query.kind}`);
  if (query.active) where.push(sql`p.active = ${query.active === 'true'}`);
  const cursor = decodeCursor(query.cursor, 2);
  if (cursor) {
    if (cursor[0] === '__invalid__' || !/^[0-9a-f-]{36}$/.test(String(cursor[1])))
      throw badRequest('bad_cursor', 'The cursor is not valid');
    const [value, id] = [String(cursor[0]), String(cursor[1])];
    where.push(
      sort.desc
        ? sql`(${sort.key}, p.id) < (${value}, ${id}::uuid)`
        : sql`(${sort.key}, p.id) > (${value}, ${id}::uuid)`,
    );
  }
  const order = sort.desc ? sql`${sort.key} desc, p.id desc` : sql`${sort.key}, p.id`;
  const found = await rows<ProductRow>(
    ex,
    sql`select p.* from catalog_product p where ${sql.join(where, sql` and `)} order by ${order} limit ${query.limit + 1}`,
  );
  const page = found.slice(0, query.limit);
  const units = await packagingsOf(
    ex,
    actor.companyId,
    page.map((r) => r.id),
  );
  const last = page[page.length - 1];
  return {
    items: page.map((r) => applyMask(actor, RESOURCE, toProduct(r, units, actor.locale))),
    nextCursor: found.length > query.limit && last ? encodeCursor([sort.value(last), last.id]) : null,
  };
}

/** One product by SKU (any case), its barcode or a packaging's barcode: what a scanner or a typed code gives. */
export async function lookupProduct(ex: Executor, actor: Actor, query: z.infer<typeof LookupQuery>) {
  requirePermission(actor, 'catalog.product.read');
  const code = query.code;
  const found = await rows<ProductRow & { matched_by: string; matched_uom: string }>(
    ex,
    sql`select * from (
          select p.*, 'barcode' as matched_by, p.uom_code as matched_uom, 1 as rank from catalog_product p
           where p.company_id = ${actor.companyId} and p.barcode = ${code}
          union all
          select p.*, 'unit_barcode', u.uom_code, 2 from catalog_product_unit u
            join catalog_product p on p.company_id = u.company_id and p.id = u.product_id
           where u.company_id = ${actor.companyId} and u.barcode = ${code}
          union all
          select p.*, 'sku', p.uom_code, case when p.sku = ${code} then 3 else 4 end from catalog_product p
           where p.company_id = ${actor.companyId} and upper(p.sku) = upper(${code})
        ) m order by rank limit 1`,
  );
  const row = found[0];
  if (!row) throw notFound('product', code);
  const units = await packagingsOf(ex, actor.companyId, [row.id]);
  return {
    ...applyMask(actor, RESOURCE, toProduct(row, units, actor.locale)),
    matchedBy: row.matched_by as 'sku' | 'barcode' | 'unit_barcode',
    matchedUomCode: row.matched_uom,
  };
}
