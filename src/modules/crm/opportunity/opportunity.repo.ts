import { type SQL, sql } from 'drizzle-orm';
import { iso, isoOrNull } from '../../../platform/db/time.ts';
import { type Executor, one } from '../../../platform/db/tx.ts';
import { notFound } from '../../../platform/errors.ts';
import { type Actor, recordScopeSql } from '../../../platform/permissions/actor.ts';
import type { OpportunityView } from './contract.ts';

export const OPPORTUNITY_ENTITY = 'crm.opportunity';

/** The record rule on opportunities: by owner. */
export function visibleOpportunitySql(actor: Actor, alias = sql`o`): SQL {
  return recordScopeSql(actor, sql`${alias}.owner_user_id`);
}

export const selectOpportunity = sql`select o.*, o.amount::text as amount_text, o.expected_close_date::text as close_text,
    o.created_at::text as created_at_text,
    u.name as owner_name, c.name as customer_name, s.name as stage_name
  from crm_opportunity o
  left join platform_user u on u.id = o.owner_user_id
  left join crm_customer c on c.company_id = o.company_id and c.id = o.customer_id
  left join crm_stage s on s.company_id = o.company_id and s.id = o.stage_id`;

export function toOpportunity(r: Record<string, any>): OpportunityView {
  return {
    id: r.id,
    name: r.name,
    customerId: r.customer_id,
    customerName: r.customer_name ?? null,
    contactId: r.contact_id,
    pipelineId: r.pipeline_id,
    stageId: r.stage_id,
    stageName: r.stage_name ?? null,
    status: r.status,
    amount: r.amount_text ?? String(r.amount),
    currency: r.currency,
    probability: r.probability,
    expectedCloseDate: r.close_text ?? null,
    ownerUserId: r.owner_user_id,
    ownerName: r.owner_name ?? null,
    teamId: r.team_id,
    competitor: r.competitor,
    nextStep: r.next_step,
    products: r.products ?? [],
    lostReasonCode: r.lost_reason_code,
    closedAt: isoOrNull(r.closed_at),
    leadId: r.lead_id,
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** What the audit log keeps of an opportunity: business fields, not joined names or stamps. */
export function auditableOpportunity(o: OpportunityView): Record<string, unknown> {
  const {
    ownerName: _o,
    customerName: _c,
    stageName: _s,
    createdAt: _a,
    updatedAt: _u,
    version: _v,
    ...rest
  } = o;
  return rest;
}

/** The opportunity if the actor may see it; 404 otherwise (other company or outside the record rule). */
export async function findVisibleOpportunity(
  ex: Executor,
  actor: Actor,
  id: string,
  lock = false,
): Promise<Record<string, any>> {
  const row = await one<Record<string, any>>(
    ex,
    sql`${selectOpportunity} where o.company_id = ${actor.companyId} and o.id = ${id} and ${visibleOpportunitySql(actor)}
        ${lock ? sql`for update of o` : sql``}`,
  );
  if (!row) throw notFound('opportunity', id);
  return row;
}
