import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { rows, type Tx } from '../../../platform/db/tx.ts';
import { notFound } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';

/** Switches the actor's iCalendar feed off: its URL answers 404 from now on. */
export async function revokeCalendarFeed(tx: Tx, actor: Actor): Promise<void> {
  requirePermission(actor, 'crm.activity.read');
  const gone = await rows(
    tx,
    sql`delete from crm_calendar_feed where company_id = ${actor.companyId} and user_id = ${actor.userId}
        returning user_id`,
  );
  if (gone.length === 0) throw notFound('calendar feed');
  await recordAudit(tx, actor, { entity: 'crm.calendar_feed', entityId: actor.userId, action: 'revoke' });
}
