import { sql } from 'drizzle-orm';
import { loadActor } from '../../../platform/auth/load-actor.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { iso, isoOrNull } from '../../../platform/db/time.ts';
import { one, rows } from '../../../platform/db/tx.ts';
import { sha256 } from '../../../platform/ids.ts';
import { can } from '../../../platform/permissions/actor.ts';
import { buildCalendar, type CalendarItem } from './ical.ts';

const TOKEN = /^[A-Za-z0-9_-]{20,128}$/;
/** A calendar app re-reads the whole feed on every poll: keep it to a window that matters. */
const PAST_DAYS = 180;
const MAX_ITEMS = 5000;

/**
 * The feed behind a secret URL, or null (→ 404) when the token is unknown or its user may no longer
 * read activities: disabled, removed from the company, or without `crm.activity.read` — the actor is
 * built afresh on every fetch, so a revocation takes effect at once. Only the user's own activities.
 */
export async function renderCalendarFeed(db: Db, token: string, publicUrl: string): Promise<string | null> {
  if (!TOKEN.test(token)) return null;
  const feed = await one<{ company_id: string; user_id: string }>(
    db.orm,
    sql`select company_id, user_id from crm_calendar_feed where token_hash = ${sha256(token)}`,
  );
  if (!feed) return null;
  const actor = await loadActor(db.orm, { userId: feed.user_id, companyId: feed.company_id });
  if (!actor || !can(actor, 'crm.activity.read')) return null;
  const list = await rows<Record<string, any>>(
    db.orm,
    sql`select a.id, a.kind, a.subject, a.body, a.starts_at, a.ends_at, a.due_at, a.done_at, a.version,
               a.updated_at, c.name as customer_name
          from crm_activity a
          left join crm_customer c on c.company_id = a.company_id and c.id = a.customer_id
         where a.company_id = ${feed.company_id} and a.owner_user_id = ${feed.user_id}
           and ((a.kind in ('meeting', 'visit', 'call') and a.starts_at is not null)
                or (a.kind = 'task' and a.due_at is not null))
           and coalesce(a.starts_at, a.due_at) >= now() - make_interval(days => ${PAST_DAYS})
         order by coalesce(a.starts_at, a.due_at), a.id limit ${MAX_ITEMS}`,
  );
  const host = new URL(publicUrl).hostname;
  const items = list.map((r): CalendarItem => {
    const description = [r.customer_name ? `${r.customer_name}` : '', r.body].filter(Boolean).join('\n\n');
    const common = {
      uid: `${r.id}@${host}`,
      modified: iso(r.updated_at),
      sequence: r.version - 1,
      summary: r.subject,
      description,
      categories: r.kind.toUpperCase(),
    };
    return r.kind === 'task'
      ? { ...common, type: 'todo', due: iso(r.due_at), completed: isoOrNull(r.done_at) }
      : { ...common, type: 'event', start: iso(r.starts_at), end: isoOrNull(r.ends_at) };
  });
  return buildCalendar(`Tandem · ${actor.name}`, items);
}
