import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { idCursor, likePattern, page } from '../shared.ts';
import type { SupplierListQuery } from './contract.ts';
import { selectSupplier, toSupplier } from './supplier.repo.ts';

/** Suppliers, newest first; `q` matches the supplier code, the party's code and name. */
export async function listSuppliers(ex: Executor, actor: Actor, query: SupplierListQuery) {
  requirePermission(actor, 'purchasing.supplier.read');
  const where: SQL[] = [sql`s.company_id = ${actor.companyId}`];
  if (query.active) where.push(sql`s.active = ${query.active === 'true'}`);
  if (query.partyId) where.push(sql`s.party_id = ${query.partyId}`);
  const like = likePattern(query.q);
  if (like)
    where.push(sql`(lower(s.code) like ${like} or lower(c.code) like ${like} or lower(c.name) like ${like})`);
  const cursor = idCursor(query.cursor, sql`s.id`);
  if (cursor) where.push(cursor);
  const list = await rows<Record<string, any>>(
    ex,
    sql`${selectSupplier} where ${sql.join(where, sql` and `)} order by s.id desc limit ${query.limit + 1}`,
  );
  return page(list.map(toSupplier), query.limit);
}
