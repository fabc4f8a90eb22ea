import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/connect.ts';
import { iso } from '../../../platform/db/time.ts';
import { rows, withTransaction } from '../../../platform/db/tx.ts';
import type { JobDef } from '../../../platform/jobs/scheduler.ts';
import { notify } from '../../../platform/notifications/notify.ts';

const BATCH = 200;

function localTime(value: unknown, timeZone: string, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso(value)),
    );
  } catch {
    return iso(value); // an unknown time zone must not stop everyone's reminders
  }
}

function reminderBody(r: Record<string, any>) {
  if (r.starts_at)
    return {
      en: `Starts ${localTime(r.starts_at, r.time_zone, 'en')}`,
      'zh-CN': `开始时间 ${localTime(r.starts_at, r.time_zone, 'zh-CN')}`,
    };
  if (r.due_at)
    return {
      en: `Due ${localTime(r.due_at, r.time_zone, 'en')}`,
      'zh-CN': `截止时间 ${localTime(r.due_at, r.time_zone, 'zh-CN')}`,
    };
  return undefined;
}

/**
 * Notifies the owner of every open activity whose reminder time has passed, once: `reminded_at` is
 * set in the same transaction as the notification. Rows are claimed with `skip locked`, so two
 * instances never remind twice. The activity's version is not bumped: a reminder going out must not
 * make the owner's open edit stale.
 */
export async function sendActivityReminders(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const sent = await withTransaction(db, async (tx) => {
      const due = await rows<Record<string, any>>(
        tx,
        sql`select a.company_id, a.id, a.kind, a.subject, a.owner_user_id, a.starts_at, a.due_at, co.time_zone
              from crm_activity a join platform_company co on co.id = a.company_id
             where a.remind_at <= now() and a.reminded_at is null and a.done_at is null
             order by a.remind_at limit ${BATCH}
             for update of a skip locked`,
      );
      for (const r of due) {
        await notify(tx, r.company_id, [r.owner_user_id], {
          kind: 'crm.activity.reminder',
          title: { en: `Reminder: ${r.subject}`, 'zh-CN': `提醒：${r.subject}` },
          body: reminderBody(r),
          link: `/crm/activities/${r.id}`,
        });
        await tx.execute(
          sql`update crm_activity set reminded_at = now() where company_id = ${r.company_id} and id = ${r.id}`,
        );
      }
      return due.length;
    });
    total += sent;
    if (sent < BATCH) return total;
  }
}

export const activityReminderJob: JobDef = {
  name: 'crm.activity.reminders',
  everySeconds: 60,
  run: async (db) => void (await sendActivityReminders(db)),
};
