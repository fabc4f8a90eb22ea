import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { conflict, unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { findVisibleCustomer } from '../customer/customer.repo.ts';
import { assertActiveMember, assertCurrency, assertDepartment } from '../lead/refs.ts';
import type { OpportunityInput } from './contract.ts';
import {
  auditableOpportunity,
  findVisibleOpportunity,
  OPPORTUNITY_ENTITY,
  toOpportunity,
} from './opportunity.repo.ts';
import { ensureDefaultPipeline, findPipeline } from './pipeline.repo.ts';

export interface NewOpportunity extends OpportunityInput {
  /** Set by lead conversion. */
  leadId?: string | null;
}

/** A contact given with an opportunity or activity must belong to its customer. */
export async function assertContactOf(
  tx: Tx,
  companyId: string,
  customerId: string,
  contactId?: string | null,
) {
  if (!contactId) return;
  const found = await one(
    tx,
    sql`select 1 from crm_contact where company_id = ${companyId} and id = ${contactId} and customer_id = ${customerId}`,
  );
  if (!found)
    throw unprocessable('reference_invalid', 'The contact does not belong to this customer', {
      field: 'contactId',
      contactId,
    });
}

export async function createOpportunity(tx: Tx, actor: Actor, input: NewOpportunity) {
  requirePermission(actor, 'crm.opportunity.create');
  const customer = await findVisibleCustomer(tx, actor, input.customerId);
  if (customer.merged_into_id)
    throw conflict('crm.customer_merged', 'This customer was merged into another; use the survivor', {
      mergedIntoId: customer.merged_into_id,
    });
  await assertContactOf(tx, actor.companyId, input.customerId, input.contactId);
  const pipelineId = input.pipelineId ?? (await ensureDefaultPipeline(tx, actor.companyId));
  const pipeline = await findPipeline(tx, actor.companyId, pipelineId);
  const stage = input.stageId
    ? pipeline.stages.find((s) => s.id === input.stageId)
    : pipeline.stages.find((s) => s.outcome === 'open');
  if (!stage)
    throw unprocessable('reference_invalid', 'The stage is not one of the pipeline’s stages', {
      field: 'stageId',
    });
  if (stage.outcome !== 'open')
    throw unprocessable(
      'crm.stage_closed',
      'A new opportunity starts in an open stage; move it to close it',
      {
        field: 'stageId',
      },
    );
  await assertCurrency(tx, actor.companyId, input.currency);
  const isSystem = actor.name === 'system' && !actor.tokenId;
  const ownerUserId = input.ownerUserId === undefined ? (isSystem ? null : actor.userId) : input.ownerUserId;
  if (ownerUserId !== actor.userId) await assertActiveMember(tx, actor.companyId, ownerUserId);
  await assertDepartment(tx, actor.companyId, input.teamId);

  const id = newId();
  await tx.execute(
    sql`insert into crm_opportunity (company_id, id, name, customer_id, contact_id, pipeline_id, stage_id, status, amount,
          currency, probability, expected_close_date, owner_user_id, team_id, competitor, next_step, products, lead_id)
        values (${actor.companyId}, ${id}, ${input.name}, ${input.customerId}, ${input.contactId ?? null}, ${pipeline.id},
          ${stage.id}, 'open', ${input.amount}::numeric, ${input.currency}, ${input.probability ?? stage.probability},
          ${input.expectedCloseDate ?? null}::date, ${ownerUserId}, ${input.teamId ?? customer.team_id ?? null},
          ${input.competitor}, ${input.nextStep}, ${JSON.stringify(input.products)}::jsonb, ${input.leadId ?? null})`,
  );
  await tx.execute(
    sql`insert into crm_opportunity_stage_change (company_id, id, opportunity_id, from_stage_id, to_stage_id, changed_by)
        values (${actor.companyId}, ${newId()}, ${id}, null, ${stage.id}, ${isSystem ? null : actor.userId})`,
  );
  const created = toOpportunity(await findVisibleOpportunity(tx, { ...actor, recordScope: 'company' }, id));
  await recordAudit(tx, actor, {
    entity: OPPORTUNITY_ENTITY,
    entityId: id,
    action: 'create',
    after: auditableOpportunity(created),
  });
  await publish(tx, actor, {
    type: 'opportunity.created',
    aggregateType: 'opportunity',
    aggregateId: id,
    payload: {
      opportunityId: id,
      customerId: input.customerId,
      name: input.name,
      amount: created.amount,
      currency: created.currency,
      stageId: stage.id,
      ownerUserId,
      summary: `Opportunity ${input.name} (${created.currency} ${created.amount}) created`,
    },
  });
  return created;
}
