import { sql } from 'drizzle-orm';
import { type Executor, one, rows } from '../../../platform/db/tx.ts';
import { notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { PipelineView, StageView } from './contract.ts';

export const DEFAULT_STAGES: Array<{
  code: string;
  zh: string;
  en: string;
  probability: number;
  outcome: 'open' | 'won' | 'lost';
}> = [
  { code: 'qualification', zh: '初步接洽', en: 'Qualification', probability: 10, outcome: 'open' },
  { code: 'needs_analysis', zh: '需求确认', en: 'Needs analysis', probability: 30, outcome: 'open' },
  { code: 'proposal', zh: '方案报价', en: 'Proposal', probability: 50, outcome: 'open' },
  { code: 'negotiation', zh: '商务谈判', en: 'Negotiation', probability: 70, outcome: 'open' },
  { code: 'won', zh: '赢单', en: 'Won', probability: 100, outcome: 'won' },
  { code: 'lost', zh: '输单', en: 'Lost', probability: 0, outcome: 'lost' },
];

/**
 * The company's default pipeline, created with the standard stages when the company has none yet
 * (companies made before crm existed get it on first use). Two first uses at once are safe: the
 * unique code makes the second insert a no-op, and it then reads the first one's pipeline.
 */
export async function ensureDefaultPipeline(ex: Executor, companyId: string): Promise<string> {
  const existing = await one<{ id: string }>(
    ex,
    sql`select id from crm_pipeline where company_id = ${companyId} and active
         order by is_default desc, created_at, id limit 1`,
  );
  if (existing) return existing.id;
  const id = newId();
  const inserted = await one<{ id: string }>(
    ex,
    sql`insert into crm_pipeline (company_id, id, code, name, is_default)
        values (${companyId}, ${id}, 'default', ${JSON.stringify({ 'zh-CN': '销售漏斗', en: 'Sales pipeline' })}::jsonb, true)
        on conflict (company_id, code) do nothing returning id`,
  );
  if (!inserted) {
    const other = await one<{ id: string }>(
      ex,
      sql`select id from crm_pipeline where company_id = ${companyId} and code = 'default'`,
    );
    return other!.id;
  }
  for (const [i, s] of DEFAULT_STAGES.entries())
    await ex.execute(
      sql`insert into crm_stage (company_id, id, pipeline_id, code, name, sort, probability, outcome)
          values (${companyId}, ${newId()}, ${id}, ${s.code}, ${JSON.stringify({ 'zh-CN': s.zh, en: s.en })}::jsonb,
                  ${(i + 1) * 10}, ${s.probability}, ${s.outcome})`,
    );
  return id;
}

export function toStage(r: Record<string, any>): StageView {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    sort: r.sort,
    probability: r.probability,
    outcome: r.outcome,
    version: r.version,
  };
}

export async function stagesOf(ex: Executor, companyId: string, pipelineId: string): Promise<StageView[]> {
  const list = await rows<Record<string, any>>(
    ex,
    sql`select * from crm_stage where company_id = ${companyId} and pipeline_id = ${pipelineId} order by sort, id`,
  );
  return list.map(toStage);
}

export async function findPipeline(
  ex: Executor,
  companyId: string,
  id: string,
  lock = false,
): Promise<PipelineView> {
  const r = await one<Record<string, any>>(
    ex,
    sql`select * from crm_pipeline where company_id = ${companyId} and id = ${id} ${lock ? sql`for update` : sql``}`,
  );
  if (!r) throw notFound('pipeline', id);
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    isDefault: r.is_default,
    active: r.active,
    version: r.version,
    stages: await stagesOf(ex, companyId, id),
  };
}

export async function findStage(
  ex: Executor,
  companyId: string,
  stageId: string,
): Promise<Record<string, any> | undefined> {
  return one<Record<string, any>>(
    ex,
    sql`select * from crm_stage where company_id = ${companyId} and id = ${stageId}`,
  );
}
