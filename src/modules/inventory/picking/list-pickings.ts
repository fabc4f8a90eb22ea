import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { badRequest } from '../../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/schemas.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import type { PickingListQuery } from './contract.ts';
import { selectPicking, toSummary } from './picking.repo.ts';
import type { PickingKind } from './picking.ts';

const READ: Record<string, string> = {
  delivery: 'inventory.delivery.read',
  receipt: 'inventory.receipt.read',
  return_in: 'inventory.receipt.read',
};

/** Documents of one kind, newest first; `q` matches the number, the origin's number and the party's name. */
export async function listPickings(ex: Executor, actor: Actor, kind: PickingKind, query: PickingListQuery) {
  requirePermission(actor, READ[kind]);
  const where: SQL[] = [sql`p.company_id = ${actor.companyId}`, sql`p.kind = ${kind}`];
  if (query.state) where.push(sql`p.state = ${query.state}`);
  if (query.originId) where.push(sql`p.origin_id = ${query.originId}`);
  if (query.warehouseId) where.push(sql`p.warehouse_id = ${query.warehouseId}`);
  if (query.partyId) where.push(sql`p.party_id = ${query.partyId}`);
  if (query.q?.trim()) {
    const like = `%${query.q
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      sql`(lower(p.number) like ${like} or lower(coalesce(p.origin_number, '')) like ${like}
           or lower(coalesce(c.name, '')) like ${like} or lower(p.tracking_no) like ${like})`,
    );
  }
  const cursor = decodeCursor(query.cursor, 1);
  if (cursor) {
    const last = String(cursor[0]);
    if (!/^[0-9a-f-]{36}$/.test(last)) throw badRequest('bad_cursor', 'The cursor is not valid');
    where.push(sql`p.id < ${last}::uuid`);
  }
  const list = await rows<Record<string, any>>(
    ex,
    sql`${selectPicking} where ${sql.join(where, sql` and `)} order by p.id desc limit ${query.limit + 1}`,
  );
  const page = list.slice(0, query.limit);
  return {
    items: page.map((r) => {
      const { companyId: _c, ...summary } = toSummary(r);
      return summary;
    }),
    nextCursor: list.length > query.limit ? encodeCursor([page[page.length - 1].id]) : null,
  };
}
