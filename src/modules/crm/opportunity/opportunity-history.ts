import { sql } from 'drizzle-orm';
import { iso } from '../../../platform/db/time.ts';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { findVisibleOpportunity } from './opportunity.repo.ts';

/** The stage history of a visible opportunity, oldest first: who moved it, when, from where to where. */
export async function opportunityHistory(ex: Executor, actor: Actor, id: string) {
  requirePermission(actor, 'crm.opportunity.read');
  await findVisibleOpportunity(ex, actor, id);
  const list = await rows<Record<string, any>>(
    ex,
    sql`select h.*, f.name as from_name, t.name as to_name, u.name as user_name
          from crm_opportunity_stage_change h
          left join crm_stage f on f.company_id = h.company_id and f.id = h.from_stage_id
          left join crm_stage t on t.company_id = h.company_id and t.id = h.to_stage_id
          left join platform_user u on u.id = h.changed_by
         where h.company_id = ${actor.companyId} and h.opportunity_id = ${id}
         order by h.created_at, h.id`,
  );
  return {
    items: list.map((h) => ({
      id: h.id,
      fromStageId: h.from_stage_id,
      fromStageName: h.from_name ?? null,
      toStageId: h.to_stage_id,
      toStageName: h.to_name ?? null,
      changedBy: h.changed_by,
      changedByName: h.user_name ?? null,
      changedAt: iso(h.created_at),
    })),
    nextCursor: null,
  };
}
