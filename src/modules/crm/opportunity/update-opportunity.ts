import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { conflict, staleVersion } from '../../../platform/errors.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { assertActiveMember, assertCurrency, assertDepartment } from '../lead/refs.ts';
import type { OpportunityPatch } from './contract.ts';
import { assertContactOf } from './create-opportunity.ts';
import {
  auditableOpportunity,
  findVisibleOpportunity,
  OPPORTUNITY_ENTITY,
  toOpportunity,
} from './opportunity.repo.ts';

const FIELDS = [
  'name',
  'contactId',
  'amount',
  'currency',
  'probability',
  'expectedCloseDate',
  'products',
  'competitor',
  'nextStep',
  'ownerUserId',
  'teamId',
] as const;

/** Edits an open opportunity (stages move only through moveOpportunity); an owner change notifies both. */
export async function updateOpportunity(tx: Tx, actor: Actor, id: string, patch: OpportunityPatch) {
  requirePermission(actor, 'crm.opportunity.update');
  const row = await findVisibleOpportunity(tx, actor, id, true);
  if (row.version !== patch.version) throw staleVersion('opportunity', patch.version, row.version);
  const before = toOpportunity(row);
  if (before.status !== 'open')
    throw conflict(
      'crm.opportunity_closed',
      'A won or lost opportunity is closed; move it to an open stage first',
      {
        status: before.status,
      },
    );
  const next = { ...before };
  for (const field of FIELDS) if (patch[field] !== undefined) (next as any)[field] = patch[field];
  if (next.contactId !== before.contactId)
    await assertContactOf(tx, actor.companyId, before.customerId, next.contactId);
  if (next.currency !== before.currency) await assertCurrency(tx, actor.companyId, next.currency);
  if (next.ownerUserId !== before.ownerUserId)
    await assertActiveMember(tx, actor.companyId, next.ownerUserId);
  if (next.teamId !== before.teamId) await assertDepartment(tx, actor.companyId, next.teamId);
  await tx.execute(
    sql`update crm_opportunity set name = ${next.name}, contact_id = ${next.contactId}, amount = ${next.amount}::numeric,
          currency = ${next.currency}, probability = ${next.probability}, expected_close_date = ${next.expectedCloseDate}::date,
          products = ${JSON.stringify(next.products)}::jsonb, competitor = ${next.competitor}, next_step = ${next.nextStep},
          owner_user_id = ${next.ownerUserId}, team_id = ${next.teamId}, version = version + 1, updated_at = now()
        where company_id = ${actor.companyId} and id = ${id}`,
  );
  const after = toOpportunity(await findVisibleOpportunity(tx, { ...actor, recordScope: 'company' }, id));
  await recordAudit(tx, actor, {
    entity: OPPORTUNITY_ENTITY,
    entityId: id,
    action: after.ownerUserId !== before.ownerUserId ? 'assign' : 'update',
    before: auditableOpportunity(before),
    after: auditableOpportunity(after),
  });
  const changed = FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
  await publish(tx, actor, {
    type: 'opportunity.updated',
    aggregateType: 'opportunity',
    aggregateId: id,
    payload: {
      opportunityId: id,
      customerId: after.customerId,
      name: after.name,
      changed,
      summary: `Opportunity ${after.name} edited`,
    },
  });
  if (after.ownerUserId !== before.ownerUserId) {
    const link = `/crm/opportunities/${id}`;
    if (after.ownerUserId && after.ownerUserId !== actor.userId)
      await notify(tx, actor.companyId, [after.ownerUserId], {
        kind: 'crm.opportunity.assigned',
        title: { en: `Opportunity for you: ${after.name}`, 'zh-CN': `分配给您的商机：${after.name}` },
        link,
      });
    if (before.ownerUserId && before.ownerUserId !== actor.userId)
      await notify(tx, actor.companyId, [before.ownerUserId], {
        kind: 'crm.opportunity.reassigned',
        title: { en: `Opportunity reassigned: ${after.name}`, 'zh-CN': `商机已转给他人：${after.name}` },
        link,
      });
  }
  return after;
}
