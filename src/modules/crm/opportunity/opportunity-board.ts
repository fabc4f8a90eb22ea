import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { rows, type Tx } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { selectOpportunity, toOpportunity, visibleOpportunitySql } from './opportunity.repo.ts';
import { ensureDefaultPipeline, findPipeline } from './pipeline.repo.ts';

/** Cards per column: a kanban column past this is not read card by card; the count still tells. */
const PER_STAGE = 200;

/**
 * The kanban: the pipeline's stages in order, each with the visible open opportunities in it (won and
 * lost columns are drop targets, so they come empty), their count and totals per currency.
 */
export async function opportunityBoard(tx: Tx, actor: Actor, query: { pipelineId?: string }) {
  requirePermission(actor, 'crm.opportunity.read');
  const pipelineId = query.pipelineId ?? (await ensureDefaultPipeline(tx, actor.companyId));
  const { stages, ...pipeline } = await findPipeline(tx, actor.companyId, pipelineId);
  const list = await rows<Record<string, any>>(
    tx,
    sql`select * from (
          select x.*, row_number() over (partition by x.stage_id order by x.expected_close_date nulls last, x.id) as rn,
                 count(*) over (partition by x.stage_id) as n
            from (${selectOpportunity}
                   where o.company_id = ${actor.companyId} and o.pipeline_id = ${pipelineId} and o.status = 'open'
                     and ${visibleOpportunitySql(actor)}) x) y
         where y.rn <= ${PER_STAGE} order by y.rn`,
  );
  return {
    pipeline,
    stages: stages.map((stage) => {
      const cards = list.filter((r) => r.stage_id === stage.id);
      const totals = new Map<string, Decimal>();
      for (const r of cards)
        totals.set(r.currency, (totals.get(r.currency) ?? new Decimal(0)).plus(r.amount_text));
      return {
        ...stage,
        count: cards.length > 0 ? Number(cards[0].n) : 0,
        totals: [...totals].map(([currency, amount]) => ({ currency, amount: amount.toFixed(2) })),
        opportunities: cards.map(toOpportunity),
      };
    }),
  };
}
