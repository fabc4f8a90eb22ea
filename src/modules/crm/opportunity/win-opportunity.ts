import { sql } from 'drizzle-orm';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { notFound, unprocessable } from '../../../platform/errors.ts';
import { type Actor, can, systemActor } from '../../../platform/permissions/actor.ts';
import { moveOpportunity } from './move-opportunity.ts';
import { visibleOpportunitySql } from './opportunity.repo.ts';

/**
 * An opportunity a selling document may refer to: visible to the actor (404 otherwise) and about the
 * same customer (422 otherwise).
 */
export async function assertOpportunityOf(tx: Tx, actor: Actor, opportunityId: string, customerId: string) {
  const row = await one<{ customer_id: string }>(
    tx,
    sql`select o.customer_id from crm_opportunity o
         where o.company_id = ${actor.companyId} and o.id = ${opportunityId} and ${visibleOpportunitySql(actor)}`,
  );
  if (!row) throw notFound('opportunity', opportunityId);
  if (row.customer_id !== customerId)
    throw unprocessable('reference_invalid', 'The opportunity is about another customer', {
      field: 'opportunityId',
    });
}

/**
 * Moves an open opportunity to its pipeline's won stage (an order for it was confirmed). The actor moves
 * it when they may; otherwise the system does, so a warehouse or finance user confirming on a
 * salesperson's behalf still closes the deal. Won or lost opportunities stay as they are.
 */
export async function markOpportunityWon(tx: Tx, actor: Actor, opportunityId: string): Promise<void> {
  const row = await one<{ status: string; version: number; pipeline_id: string; visible: boolean }>(
    tx,
    sql`select o.status, o.version, o.pipeline_id, ${visibleOpportunitySql(actor)} as visible
          from crm_opportunity o where o.company_id = ${actor.companyId} and o.id = ${opportunityId}
         for update of o`,
  );
  if (row?.status !== 'open') return;
  const won = await one<{ id: string }>(
    tx,
    sql`select id from crm_stage where company_id = ${actor.companyId} and pipeline_id = ${row.pipeline_id}
           and outcome = 'won' order by sort limit 1`,
  );
  if (!won) return;
  const mover =
    row.visible && can(actor, 'crm.opportunity.update')
      ? actor
      : { ...systemActor(actor.companyId, 'sales order confirmed'), requestId: actor.requestId };
  await moveOpportunity(tx, mover, opportunityId, { version: row.version, stageId: won.id });
}
