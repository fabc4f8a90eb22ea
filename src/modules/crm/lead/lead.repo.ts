import { type SQL, sql } from 'drizzle-orm';
import { iso, isoOrNull } from '../../../platform/db/time.ts';
import { type Executor, one } from '../../../platform/db/tx.ts';
import { notFound } from '../../../platform/errors.ts';
import { type Actor, recordScopeSql } from '../../../platform/permissions/actor.ts';
import type { Lead } from './contract.ts';

export const LEAD_ENTITY = 'crm.lead';

/** The record rule on leads: by owner (an unowned lead is seen only with a company-wide scope). */
export function visibleLeadSql(actor: Actor, alias = sql`l`): SQL {
  return recordScopeSql(actor, sql`${alias}.owner_user_id`);
}

export const selectLead = sql`select l.*, u.name as owner_name from crm_lead l left join platform_user u on u.id = l.owner_user_id`;

export function toLead(r: Record<string, any>): Lead {
  return {
    id: r.id,
    status: r.status,
    sourceCode: r.source_code,
    companyName: r.company_name,
    contactName: r.contact_name,
    phone: r.phone,
    email: r.email,
    regionCode: r.region_code,
    message: r.message,
    ownerUserId: r.owner_user_id,
    ownerName: r.owner_name ?? null,
    teamId: r.team_id,
    lostReasonCode: r.lost_reason_code,
    formId: r.form_id,
    convertedCustomerId: r.converted_customer_id,
    convertedContactId: r.converted_contact_id,
    convertedOpportunityId: r.converted_opportunity_id,
    convertedAt: isoOrNull(r.converted_at),
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** What the audit log keeps of a lead: its business fields, not the joined names or stamps. */
export function auditable(lead: Lead): Record<string, unknown> {
  const { ownerName: _o, createdAt: _c, updatedAt: _u, version: _v, ...rest } = lead;
  return rest;
}

/** The lead if the actor may see it; 404 otherwise (other company or outside the record rule). */
export async function findVisibleLead(
  ex: Executor,
  actor: Actor,
  id: string,
  lock = false,
): Promise<Record<string, any>> {
  const row = await one<Record<string, any>>(
    ex,
    sql`${selectLead} where l.company_id = ${actor.companyId} and l.id = ${id} and ${visibleLeadSql(actor)}
        ${lock ? sql`for update of l` : sql``}`,
  );
  if (!row) throw notFound('lead', id);
  return row;
}
