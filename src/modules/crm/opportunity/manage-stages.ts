import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { conflict, notFound, staleVersion, unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import type { PipelineView, ReorderInput, StageInput, StagePatch } from './contract.ts';
import { findPipeline } from './pipeline.repo.ts';

// The stage editor's operations, kept together because they share the lock and the renumbering
// (each is one small use case). Each locks the pipeline row, so two people editing the same pipeline
// queue, and bumps its version, so a reorder made from a stale screen is refused (409).

async function lockPipeline(tx: Tx, actor: Actor, pipelineId: string): Promise<PipelineView> {
  requirePermission(actor, 'crm.pipeline.manage');
  return findPipeline(tx, actor.companyId, pipelineId, true);
}

async function renumber(tx: Tx, companyId: string, pipelineId: string, ids: string[]): Promise<void> {
  for (const [i, id] of ids.entries())
    await tx.execute(
      sql`update crm_stage set sort = ${(i + 1) * 10}, updated_at = now()
           where company_id = ${companyId} and pipeline_id = ${pipelineId} and id = ${id} and sort <> ${(i + 1) * 10}`,
    );
}

async function touchPipeline(
  tx: Tx,
  actor: Actor,
  pipelineId: string,
  change: { action: string; before?: Record<string, unknown>; after: Record<string, unknown> },
) {
  await tx.execute(
    sql`update crm_pipeline set version = version + 1, updated_at = now()
         where company_id = ${actor.companyId} and id = ${pipelineId}`,
  );
  await recordAudit(tx, actor, { entity: 'crm.pipeline', entityId: pipelineId, ...change });
  return findPipeline(tx, actor.companyId, pipelineId);
}

/** Adds a stage, by default after the last open one (before won and lost). */
export async function addStage(tx: Tx, actor: Actor, pipelineId: string, input: StageInput) {
  const pipeline = await lockPipeline(tx, actor, pipelineId);
  if (pipeline.stages.some((s) => s.code === input.code))
    throw conflict('duplicate', 'A stage with this code already exists in the pipeline', { field: 'code' });
  if (pipeline.stages.length >= 30)
    throw unprocessable('crm.too_many_stages', 'A pipeline has at most 30 stages');
  const id = newId();
  await tx.execute(
    sql`insert into crm_stage (company_id, id, pipeline_id, code, name, sort, probability, outcome)
        values (${actor.companyId}, ${id}, ${pipelineId}, ${input.code}, ${JSON.stringify(input.name)}::jsonb, 0,
                ${input.probability}, ${input.outcome})`,
  );
  const order = pipeline.stages.map((s) => s.id);
  const lastOpen = pipeline.stages.map((s) => s.outcome).lastIndexOf('open');
  const at = Math.min(input.position ?? lastOpen + 1, order.length);
  order.splice(at, 0, id);
  await renumber(tx, actor.companyId, pipelineId, order);
  return touchPipeline(tx, actor, pipelineId, { action: 'add_stage', after: { stageId: id, ...input } });
}

/** Renames a stage or changes its win probability (open opportunities keep theirs until they move). */
export async function updateStage(
  tx: Tx,
  actor: Actor,
  pipelineId: string,
  stageId: string,
  patch: StagePatch,
) {
  const pipeline = await lockPipeline(tx, actor, pipelineId);
  const stage = pipeline.stages.find((s) => s.id === stageId);
  if (!stage) throw notFound('stage', stageId);
  if (stage.version !== patch.version) throw staleVersion('stage', patch.version, stage.version);
  await tx.execute(
    sql`update crm_stage set name = ${JSON.stringify(patch.name ?? stage.name)}::jsonb,
          probability = ${patch.probability ?? stage.probability}, version = version + 1, updated_at = now()
        where company_id = ${actor.companyId} and id = ${stageId}`,
  );
  return touchPipeline(tx, actor, pipelineId, {
    action: 'update_stage',
    before: { stageId, name: stage.name, probability: stage.probability },
    after: { stageId, name: patch.name ?? stage.name, probability: patch.probability ?? stage.probability },
  });
}

/** Puts the stages in a new order: the list must name every stage of the pipeline exactly once. */
export async function reorderStages(tx: Tx, actor: Actor, pipelineId: string, input: ReorderInput) {
  const pipeline = await lockPipeline(tx, actor, pipelineId);
  if (pipeline.version !== input.version) throw staleVersion('pipeline', input.version, pipeline.version);
  const have = pipeline.stages.map((s) => s.id).sort();
  const want = [...input.stageIds].sort();
  if (have.length !== want.length || have.some((id, i) => id !== want[i]))
    throw unprocessable('crm.stage_list_mismatch', 'List every stage of the pipeline exactly once', {
      field: 'stageIds',
    });
  await renumber(tx, actor.companyId, pipelineId, input.stageIds);
  return touchPipeline(tx, actor, pipelineId, {
    action: 'reorder_stages',
    before: { stageIds: pipeline.stages.map((s) => s.id) },
    after: { stageIds: input.stageIds },
  });
}

/** Removes a stage no opportunity is in or passed through (its history would point at nothing). */
export async function deleteStage(tx: Tx, actor: Actor, pipelineId: string, stageId: string) {
  const pipeline = await lockPipeline(tx, actor, pipelineId);
  const stage = pipeline.stages.find((s) => s.id === stageId);
  if (!stage) throw notFound('stage', stageId);
  const used = await one(
    tx,
    sql`select 1 from crm_opportunity where company_id = ${actor.companyId} and stage_id = ${stageId}
        union all
        select 1 from crm_opportunity_stage_change
         where company_id = ${actor.companyId} and (to_stage_id = ${stageId} or from_stage_id = ${stageId})
        limit 1`,
  );
  if (used) throw conflict('crm.stage_in_use', 'Opportunities are or were in this stage; rename it instead');
  const rest = pipeline.stages.filter((s) => s.id !== stageId);
  if (!rest.some((s) => s.outcome === 'open'))
    throw unprocessable('crm.last_open_stage', 'A pipeline needs at least one open stage');
  await tx.execute(sql`delete from crm_stage where company_id = ${actor.companyId} and id = ${stageId}`);
  await renumber(
    tx,
    actor.companyId,
    pipelineId,
    rest.map((s) => s.id),
  );
  return touchPipeline(tx, actor, pipelineId, {
    action: 'delete_stage',
    before: { stageId, code: stage.code },
    after: {},
  });
}
