import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { staleVersion } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { activityView, auditable, findActivity, toActivity } from './activity.repo.ts';
import { checkTimes, mergeTimes, sameInstant } from './activity.ts';
import type { Activity, ActivityPatch } from './contract.ts';
import { assertOwnerInScope } from './links.ts';

/** Edits subject, body, times or owner (links stay as logged). A new reminder time re-arms the reminder. */
export async function updateActivity(
  tx: Tx,
  actor: Actor,
  id: string,
  patch: ActivityPatch,
): Promise<Activity> {
  requirePermission(actor, 'crm.activity.update');
  const row = await findActivity(tx, actor, id, { write: true, lock: true });
  if (row.version !== patch.version) throw staleVersion('activity', patch.version, row.version);
  const before = toActivity(row);
  if (patch.ownerUserId !== undefined && patch.ownerUserId !== before.ownerUserId)
    await assertOwnerInScope(tx, actor, patch.ownerUserId);
  const times = mergeTimes(before, patch);
  checkTimes(times);
  const rearm = patch.remindAt !== undefined && !sameInstant(times.remindAt, before.remindAt);
  await tx.execute(
    sql`update crm_activity set subject = ${patch.subject ?? before.subject}, body = ${patch.body ?? before.body},
          owner_user_id = ${patch.ownerUserId ?? before.ownerUserId}, starts_at = ${times.startsAt},
          ends_at = ${times.endsAt}, due_at = ${times.dueAt}, remind_at = ${times.remindAt},
          reminded_at = ${rearm ? null : sql`reminded_at`}, version = version + 1, updated_at = now()
        where company_id = ${actor.companyId} and id = ${id}`,
  );
  const after = await findActivity(tx, { ...actor, recordScope: 'company' }, id);
  await recordAudit(tx, actor, {
    entity: 'crm.activity',
    entityId: id,
    action: 'update',
    before: auditable(before),
    after: auditable(toActivity(after)),
  });
  return activityView(actor, after);
}
