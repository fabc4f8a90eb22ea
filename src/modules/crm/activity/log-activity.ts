import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import {
  activitySummary,
  activityView,
  auditable,
  findActivity,
  toActivity,
  touchCustomer,
} from './activity.repo.ts';
import { checkTimes } from './activity.ts';
import type { Activity, ActivityInput } from './contract.ts';
import { assertOwnerInScope, resolveLinks } from './links.ts';

/** Logs a call, meeting, visit, email, note or task; on a customer it counts as follow-up. */
export async function logActivity(tx: Tx, actor: Actor, input: ActivityInput): Promise<Activity> {
  requirePermission(actor, 'crm.activity.create');
  const ownerUserId = input.ownerUserId ?? actor.userId;
  await assertOwnerInScope(tx, actor, ownerUserId);
  checkTimes(input);
  const links = await resolveLinks(tx, actor, input);
  const id = newId();
  await tx.execute(
    sql`insert into crm_activity (company_id, id, kind, subject, body, customer_id, contact_id, lead_id, opportunity_id,
          owner_user_id, starts_at, ends_at, due_at, remind_at, done_at)
        values (${actor.companyId}, ${id}, ${input.kind}, ${input.subject}, ${input.body}, ${links.customerId},
          ${links.contactId}, ${links.leadId}, ${links.opportunityId}, ${ownerUserId}, ${input.startsAt ?? null},
          ${input.endsAt ?? null}, ${input.dueAt ?? null}, ${input.remindAt ?? null},
          ${input.done ? sql`now()` : null})`,
  );
  await touchCustomer(tx, actor.companyId, links.customerId);
  const row = await findActivity(tx, actor, id);
  await recordAudit(tx, actor, {
    entity: 'crm.activity',
    entityId: id,
    action: 'create',
    after: auditable(toActivity(row)),
  });
  await publish(tx, actor, {
    type: 'activity.logged',
    aggregateType: 'activity',
    aggregateId: id,
    payload: {
      activityId: id,
      kind: input.kind,
      subject: input.subject,
      customerId: links.customerId,
      contactId: links.contactId,
      leadId: links.leadId,
      opportunityId: links.opportunityId,
      ownerUserId,
      done: input.done,
      summary: activitySummary(input.kind, input.subject),
    },
  });
  return activityView(actor, row);
}
