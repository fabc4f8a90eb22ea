import { sql } from 'drizzle-orm';
import { recordAudits } from '../../../platform/audit/record.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { rows, type Tx, withTransaction } from '../../../platform/db/tx.ts';
import type { JobDef } from '../../../platform/jobs/scheduler.ts';
import { systemActor } from '../../../platform/permissions/actor.ts';

/**
 * Stores 'expired' on draft and sent quotes whose validity ended before today in their company's time
 * zone. Reads already show them expired; this keeps lists and reports that filter on the column honest.
 */
export async function expireQuotes(db: Db): Promise<number> {
  return withTransaction(db, (tx) => expireDueQuotes(tx));
}

/** The job's work inside a given transaction, for every company or one (the demo seeder's). */
export async function expireDueQuotes(tx: Tx, companyId?: string): Promise<number> {
  const expired = await rows<{ company_id: string; id: string; state: string }>(
    tx,
    sql`with due as (
            select q.company_id, q.id, q.state from sales_quote q join platform_company c on c.id = q.company_id
             where q.state in ('draft', 'sent') and q.valid_until < (now() at time zone c.time_zone)::date
               ${companyId ? sql`and q.company_id = ${companyId}` : sql``}
             for update of q)
          update sales_quote s set state = 'expired', version = s.version + 1, updated_at = now()
            from due where s.company_id = due.company_id and s.id = due.id
          returning due.company_id, due.id, due.state`,
  );
  const byCompany = new Map<string, typeof expired>();
  for (const q of expired) byCompany.set(q.company_id, [...(byCompany.get(q.company_id) ?? []), q]);
  for (const [companyId, list] of byCompany)
    await recordAudits(
      tx,
      systemActor(companyId, 'quote validity ended'),
      list.map((q) => ({
        entity: 'sales.quote',
        entityId: q.id,
        action: 'expire',
        before: { state: q.state },
        after: { state: 'expired' },
      })),
    );
  return expired.length;
}

export const expireQuotesJob: JobDef = {
  name: 'sales.quotes.expire',
  // 16:10 UTC = 00:10 in China: just after the day turns for most companies.
  cron: '10 16 * * *',
  run: async (db) => {
    await expireQuotes(db);
  },
};
