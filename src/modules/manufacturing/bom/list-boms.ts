import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { badRequest } from '../../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/schemas.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { likePattern } from '../contract-common.ts';
import { selectBom, toBomSummary } from './bom.repo.ts';
import type { BomListQuery, BomSummary } from './contract.ts';

/** BOMs, newest first; `q` matches the code, the product's SKU or name. */
export async function listBoms(ex: Executor, actor: Actor, query: BomListQuery) {
  requirePermission(actor, 'manufacturing.bom.read');
  const where: SQL[] = [sql`b.company_id = ${actor.companyId}`];
  if (query.productId) where.push(sql`b.product_id = ${query.productId}`);
  if (query.state) where.push(sql`b.state = ${query.state}`);
  if (query.validOn)
    where.push(
      sql`(b.valid_from is null or b.valid_from <= ${query.validOn}::date) and (b.valid_to is null or b.valid_to >= ${query.validOn}::date)`,
    );
  if (query.q?.trim()) {
    const like = likePattern(query.q);
    where.push(
      sql`(lower(b.code) like ${like} or lower(pr.sku) like ${like} or lower(pr.name::text) like ${like})`,
    );
  }
  const cursor = decodeCursor(query.cursor, 1);
  if (cursor) {
    const last = String(cursor[0]);
    if (!/^[0-9a-f-]{36}$/.test(last)) throw badRequest('bad_cursor', 'The cursor is not valid');
    where.push(sql`b.id < ${last}::uuid`);
  }
  const list = await rows<Record<string, any>>(
    ex,
    sql`${selectBom(actor.locale)} where ${sql.join(where, sql` and `)} order by b.id desc limit ${query.limit + 1}`,
  );
  const page: BomSummary[] = list.slice(0, query.limit).map(toBomSummary);
  return {
    items: page,
    nextCursor: list.length > query.limit ? encodeCursor([page[page.length - 1].id]) : null,
  };
}
