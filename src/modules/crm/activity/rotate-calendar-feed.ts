import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { iso } from '../../../platform/db/time.ts';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { newSecret, sha256 } from '../../../platform/ids.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';

/**
 * Creates the actor's private iCalendar feed, or replaces it (the old URL stops working at once).
 * Only the hash is stored: the URL is shown this once, and the route never replays it.
 */
export async function rotateCalendarFeed(tx: Tx, actor: Actor, publicUrl: string) {
  requirePermission(actor, 'crm.activity.read');
  const token = newSecret(32);
  const row = await one<{ created_at: unknown; rotated: boolean }>(
    tx,
    sql`insert into crm_calendar_feed as f (company_id, user_id, token_hash)
        values (${actor.companyId}, ${actor.userId}, ${sha256(token)})
        on conflict (company_id, user_id) do update set token_hash = excluded.token_hash, created_at = now()
        returning f.created_at, (f.xmax::text <> '0') as rotated`,
  );
  await recordAudit(tx, actor, {
    entity: 'crm.calendar_feed',
    entityId: actor.userId,
    action: row!.rotated ? 'rotate' : 'create',
  });
  return {
    url: `${publicUrl}/api/v1/public/calendar/${token}.ics`,
    createdAt: iso(row!.created_at),
  };
}
