import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { badRequest } from '../../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/schemas.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import type { PaymentListQuery } from './contract.ts';
import { selectPayment, toPaymentSummary, visiblePaymentSql } from './payment.repo.ts';

/** Payments the actor may see, newest first; filters by direction, partner, an unallocated rest; q: number, partner, reference. */
export async function listPayments(ex: Executor, actor: Actor, query: PaymentListQuery) {
  requirePermission(actor, 'accounting.payment.read');
  const where: SQL[] = [sql`x.company_id = ${actor.companyId}`, visiblePaymentSql(actor)];
  if (query.direction) where.push(sql`x.direction = ${query.direction}`);
  if (query.partnerId) where.push(sql`x.partner_id = ${query.partnerId}`);
  if (query.unallocated === 'true') where.push(sql`x.unallocated > 0`);
  if (query.unallocated === 'false') where.push(sql`x.unallocated = 0`);
  if (query.q?.trim()) {
    const like = `%${query.q
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      sql`(lower(x.number) like ${like} or lower(coalesce(p.name, '')) like ${like} or lower(x.reference) like ${like})`,
    );
  }
  const cursor = decodeCursor(query.cursor, 1);
  if (cursor) {
    const last = String(cursor[0]);
    if (!/^[0-9a-f-]{36}$/.test(last)) throw badRequest('bad_cursor', 'The cursor is not valid');
    where.push(sql`x.id < ${last}::uuid`);
  }
  const list = await rows<Record<string, any>>(
    ex,
    sql`${selectPayment} where ${sql.join(where, sql` and `)} order by x.id desc limit ${query.limit + 1}`,
  );
  const page = list.slice(0, query.limit);
  return {
    items: page.map(toPaymentSummary),
    nextCursor: list.length > query.limit ? encodeCursor([page[page.length - 1].id]) : null,
  };
}
