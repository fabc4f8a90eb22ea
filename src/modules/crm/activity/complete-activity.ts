import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { staleVersion, unprocessable } from '../../../platform/errors.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { activitySummary, activityView, findActivity, toActivity, touchCustomer } from './activity.repo.ts';
import type { Activity, CompleteInput } from './contract.ts';

/** Marks an activity done (once); the outcome, if given, is appended to the body. */
export async function completeActivity(
  tx: Tx,
  actor: Actor,
  id: string,
  input: CompleteInput,
): Promise<Activity> {
  requirePermission(actor, 'crm.activity.update');
  const row = await findActivity(tx, actor, id, { write: true, lock: true });
  if (row.version !== input.version) throw staleVersion('activity', input.version, row.version);
  if (row.done_at) throw unprocessable('crm.activity_done', 'This activity is already done', { id });
  const body = input.outcome ? (row.body ? `${row.body}\n\n${input.outcome}` : input.outcome) : row.body;
  await tx.execute(
    sql`update crm_activity set done_at = now(), body = ${body}, version = version + 1, updated_at = now()
         where company_id = ${actor.companyId} and id = ${id}`,
  );
  await touchCustomer(tx, actor.companyId, row.customer_id);
  const after = await findActivity(tx, { ...actor, recordScope: 'company' }, id);
  await recordAudit(tx, actor, {
    entity: 'crm.activity',
    entityId: id,
    action: 'complete',
    before: { doneAt: null, body: row.body },
    after: { doneAt: toActivity(after).doneAt, body },
  });
  await publish(tx, actor, {
    type: 'activity.completed',
    aggregateType: 'activity',
    aggregateId: id,
    payload: {
      activityId: id,
      kind: row.kind,
      subject: row.subject,
      customerId: row.customer_id,
      ownerUserId: row.owner_user_id,
      summary: activitySummary(row.kind, row.subject, 'done'),
    },
  });
  return activityView(actor, after);
}
