import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/connect.ts';
import { rows, withTransaction } from '../../../platform/db/tx.ts';
import type { JobDef } from '../../../platform/jobs/scheduler.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import { collectedSql } from './collection.repo.ts';

const BATCH = 200;

/**
 * Reminds each open plan's owner of an instalment still to collect: once `days` before its due date
 * (settings.accounting.collectionReminderDays, default 3; 0 switches it off) and once the day after it
 * passed unpaid. A line counts as unpaid while what the plan collected does not cover it and every
 * earlier instalment (collected money pays the earliest first). Rows are claimed `skip locked` and
 * stamped in the same transaction, so two instances never remind twice.
 */
export async function sendCollectionReminders(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const sent = await withTransaction(db, async (tx) => {
      const due = await rows<Record<string, any>>(
        tx,
        sql`with plan as (
              select p.company_id, p.id, p.owner_user_id, p.currency, p.origin_number, c.name as customer_name,
                     (${collectedSql(sql`p`)}) as collected,
                     (co.now_local)::date as today,
                     coalesce((co.settings #>> '{accounting,collectionReminderDays}')::int, 3) as days
                from accounting_collection_plan p
                join crm_customer c on c.company_id = p.company_id and c.id = p.customer_id
                join lateral (select (now() at time zone time_zone) as now_local, settings from platform_company
                               where id = p.company_id) co on true
               where p.state = 'open')
            select l.company_id, l.id, l.due_date::text as due_date, l.amount::text as amount, plan.id as plan_id,
                   plan.owner_user_id, plan.currency, plan.origin_number, plan.customer_name,
                   case when l.due_date < plan.today then 'after' else 'before' end as kind
              from accounting_collection_plan_line l
              join plan on plan.company_id = l.company_id and plan.id = l.plan_id
             where plan.collected < (select sum(e.amount) from accounting_collection_plan_line e
                                      where e.company_id = l.company_id and e.plan_id = l.plan_id
                                        and (e.due_date, e.position) <= (l.due_date, l.position))
               and ((l.due_date < plan.today and l.reminded_after_at is null)
                 or (plan.days > 0 and l.due_date >= plan.today and l.due_date <= plan.today + plan.days
                     and l.reminded_before_at is null))
             order by l.due_date limit ${BATCH}
             for update of l skip locked`,
      );
      for (const r of due) {
        const what = r.origin_number ? `${r.customer_name} (${r.origin_number})` : r.customer_name;
        await notify(tx, r.company_id, [r.owner_user_id], {
          kind: r.kind === 'after' ? 'accounting.collection.overdue' : 'accounting.collection.due',
          title:
            r.kind === 'after'
              ? { en: `Not collected: ${what}`, 'zh-CN': `回款逾期：${what}` }
              : { en: `Collection due: ${what}`, 'zh-CN': `回款提醒：${what}` },
          body: {
            en: `${r.currency} ${r.amount} due on ${r.due_date}`,
            'zh-CN': `${r.currency} ${r.amount}，计划回款日 ${r.due_date}`,
          },
          link: `/accounting/collections/${r.plan_id}`,
        });
        await tx.execute(
          r.kind === 'after'
            ? sql`update accounting_collection_plan_line set reminded_after_at = now()
                   where company_id = ${r.company_id} and id = ${r.id}`
            : sql`update accounting_collection_plan_line set reminded_before_at = now()
                   where company_id = ${r.company_id} and id = ${r.id}`,
        );
      }
      return due.length;
    });
    total += sent;
    if (sent < BATCH) return total;
  }
}

export const collectionReminderJob: JobDef = {
  name: 'accounting.collections.remind',
  everySeconds: 3600,
  run: async (db) => void (await sendCollectionReminders(db)),
};
