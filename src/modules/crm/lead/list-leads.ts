import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { badRequest } from '../../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/schemas.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { phoneKey, toHalfWidth } from '../customer/normalize.ts';
import type { LeadListQuery } from './contract.ts';
import { toLead, visibleLeadSql } from './lead.repo.ts';

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/**
 * Leads the actor may see, newest first. `q` matches company or contact name (case- and
 * width-insensitive) or, when it holds enough digits, the normalised phone.
 */
export async function listLeads(ex: Executor, actor: Actor, query: LeadListQuery) {
  requirePermission(actor, 'crm.lead.read');
  const where: SQL[] = [sql`l.company_id = ${actor.companyId}`, visibleLeadSql(actor)];
  if (query.q) {
    const text = `%${likeEscape(toHalfWidth(query.q).toLowerCase())}%`;
    const digits = phoneKey(query.q);
    const byPhone =
      digits && query.q.replace(/\D/g, '').length >= 4
        ? sql` or l.phone_key like ${`%${likeEscape(digits)}%`}`
        : sql``;
    where.push(sql`(lower(l.company_name) like ${text} or lower(l.contact_name) like ${text}${byPhone})`);
  }
  if (query.status) where.push(sql`l.status = ${query.status}`);
  if (query.ownerUserId) where.push(sql`l.owner_user_id = ${query.ownerUserId}`);
  if (query.sourceCode) where.push(sql`l.source_code = ${query.sourceCode}`);
  if (query.formId) where.push(sql`l.form_id = ${query.formId}`);
  const cursor = decodeCursor(query.cursor, 2);
  if (cursor) {
    if (cursor[0] === '__invalid__' || !/^[0-9a-f-]{36}$/i.test(String(cursor[1])))
      throw badRequest('bad_cursor', 'The cursor is not valid');
    where.push(sql`(l.created_at::text, l.id) < (${String(cursor[0])}, ${String(cursor[1])}::uuid)`);
  }
  const list = await rows<Record<string, any>>(
    ex,
    sql`select l.*, u.name as owner_name, l.created_at::text as sort_created
          from crm_lead l left join platform_user u on u.id = l.owner_user_id
         where ${sql.join(where, sql` and `)}
         order by l.created_at::text desc, l.id desc limit ${query.limit + 1}`,
  );
  const page = list.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toLead),
    nextCursor: list.length > query.limit && last ? encodeCursor([last.sort_created, last.id]) : null,
  };
}
