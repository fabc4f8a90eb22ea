import { type SQL, sql } from 'drizzle-orm';
import { type Executor, one, rows } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { activityView, selectActivity } from './activity.repo.ts';

const SECTION_LIMIT = 200;

/**
 * The actor's own day, in the company's time zone (a salesperson in Shanghai and the server in UTC
 * disagree about "today" for eight hours): open tasks due before today, open ones due today, and
 * everything with a start time today (meetings, visits, scheduled calls — done or not).
 */
export async function myDay(ex: Executor, actor: Actor) {
  requirePermission(actor, 'crm.activity.read');
  // Local midnight → instant, computed by PostgreSQL so daylight-saving days have their real length.
  const day = await one<{ tz: string; today: string; day_start: string; day_end: string }>(
    ex,
    sql`select c.time_zone as tz, (now() at time zone c.time_zone)::date::text as today,
               (date_trunc('day', now() at time zone c.time_zone) at time zone c.time_zone)::text as day_start,
               ((date_trunc('day', now() at time zone c.time_zone) + interval '1 day') at time zone c.time_zone)::text as day_end
          from platform_company c where c.id = ${actor.companyId}`,
  );
  const { tz, today, day_start: start, day_end: end } = day!;
  const mine = sql`a.company_id = ${actor.companyId} and a.owner_user_id = ${actor.userId}`;
  const section = async (where: SQL, order: SQL) =>
    (
      await rows<Record<string, any>>(
        ex,
        sql`${selectActivity} where ${mine} and ${where} order by ${order}, a.id limit ${SECTION_LIMIT}`,
      )
    ).map((r) => activityView(actor, r));
  return {
    date: today,
    timeZone: tz,
    overdue: await section(sql`a.done_at is null and a.due_at < ${start}::timestamptz`, sql`a.due_at`),
    dueToday: await section(
      sql`a.done_at is null and a.due_at >= ${start}::timestamptz and a.due_at < ${end}::timestamptz`,
      sql`a.due_at`,
    ),
    meetings: await section(
      sql`a.starts_at >= ${start}::timestamptz and a.starts_at < ${end}::timestamptz`,
      sql`a.starts_at`,
    ),
  };
}
