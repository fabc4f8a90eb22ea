import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { staleVersion, unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { assertDictionaryCode } from '../lead/refs.ts';
import type { MoveInput } from './contract.ts';
import {
  auditableOpportunity,
  findVisibleOpportunity,
  OPPORTUNITY_ENTITY,
  toOpportunity,
} from './opportunity.repo.ts';
import { findStage } from './pipeline.repo.ts';

const nameOf = (name: Record<string, string> | null) => (name ? (name.en ?? Object.values(name)[0]) : '?');

/**
 * Moves an opportunity to another stage of its pipeline (the kanban drag): records who moved it from
 * where to where; the stage's outcome sets the status — won stamps closed_at and the customer's
 * last deal, lost needs a reason — and the probability follows the stage.
 */
export async function moveOpportunity(tx: Tx, actor: Actor, id: string, input: MoveInput) {
  requirePermission(actor, 'crm.opportunity.update');
  const row = await findVisibleOpportunity(tx, actor, id, true);
  if (row.version !== input.version) throw staleVersion('opportunity', input.version, row.version);
  const before = toOpportunity(row);
  const stage = await findStage(tx, actor.companyId, input.stageId);
  if (!stage || stage.pipeline_id !== before.pipelineId)
    throw unprocessable('reference_invalid', 'The stage is not one of this opportunity’s pipeline', {
      field: 'stageId',
    });
  if (stage.id === before.stageId) return before;
  const status: 'open' | 'won' | 'lost' = stage.outcome;
  if (status === 'lost') {
    if (!input.lostReasonCode)
      throw unprocessable(
        'crm.lost_reason_required',
        'Say why the opportunity was lost (a lost reason code)',
        {
          field: 'lostReasonCode',
        },
      );
    await assertDictionaryCode(tx, actor.companyId, 'lost_reason', input.lostReasonCode, 'lostReasonCode');
  }
  await tx.execute(
    sql`update crm_opportunity set stage_id = ${stage.id}, status = ${status}, probability = ${stage.probability},
          lost_reason_code = ${status === 'lost' ? input.lostReasonCode! : null},
          closed_at = ${status === 'open' ? null : sql`now()`}, version = version + 1, updated_at = now()
        where company_id = ${actor.companyId} and id = ${id}`,
  );
  const isSystem = actor.name === 'system' && !actor.tokenId;
  await tx.execute(
    sql`insert into crm_opportunity_stage_change (company_id, id, opportunity_id, from_stage_id, to_stage_id, changed_by)
        values (${actor.companyId}, ${newId()}, ${id}, ${before.stageId}, ${stage.id}, ${isSystem ? null : actor.userId})`,
  );
  // The customer's last deal feeds the public-pool rule; it is system-kept, so the version stays.
  if (status === 'won')
    await tx.execute(
      sql`update crm_customer set last_deal_at = now() where company_id = ${actor.companyId} and id = ${before.customerId}`,
    );
  const after = toOpportunity(await findVisibleOpportunity(tx, { ...actor, recordScope: 'company' }, id));
  await recordAudit(tx, actor, {
    entity: OPPORTUNITY_ENTITY,
    entityId: id,
    action: 'move',
    before: auditableOpportunity(before),
    after: auditableOpportunity(after),
  });
  const from = nameOf(before.stageName);
  const to = nameOf(after.stageName);
  const common = {
    opportunityId: id,
    customerId: after.customerId,
    name: after.name,
    ownerUserId: after.ownerUserId,
    fromStageId: before.stageId,
    fromStageName: from,
    toStageId: stage.id,
    toStageName: to,
    amount: after.amount,
    currency: after.currency,
  };
  await publish(tx, actor, {
    type: 'opportunity.stage_changed',
    aggregateType: 'opportunity',
    aggregateId: id,
    payload: { ...common, summary: `Opportunity ${after.name}: ${from} → ${to}` },
  });
  if (status !== 'open' && status !== before.status)
    await publish(tx, actor, {
      type: `opportunity.${status}`,
      aggregateType: 'opportunity',
      aggregateId: id,
      payload: {
        ...common,
        lostReasonCode: after.lostReasonCode,
        summary:
          status === 'won'
            ? `Opportunity ${after.name} won (${after.currency} ${after.amount})`
            : `Opportunity ${after.name} lost (${after.lostReasonCode})`,
      },
    });
  return after;
}
