import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { conflict, unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import type { PipelineInput } from './contract.ts';
import { ensureDefaultPipeline, findPipeline } from './pipeline.repo.ts';

/** Another pipeline (e.g. projects vs. repeat orders), with its own stages; one pipeline is the default. */
export async function createPipeline(tx: Tx, actor: Actor, input: PipelineInput) {
  requirePermission(actor, 'crm.pipeline.manage');
  await ensureDefaultPipeline(tx, actor.companyId);
  const codes = new Set(input.stages.map((s) => s.code));
  if (codes.size !== input.stages.length)
    throw unprocessable('crm.stage_code_repeated', 'Each stage needs its own code', { field: 'stages' });
  if (!input.stages.some((s) => s.outcome === 'open'))
    throw unprocessable('crm.last_open_stage', 'A pipeline needs at least one open stage', {
      field: 'stages',
    });
  const taken = await one(
    tx,
    sql`select 1 from crm_pipeline where company_id = ${actor.companyId} and code = ${input.code}`,
  );
  if (taken) throw conflict('duplicate', 'A pipeline with this code already exists', { field: 'code' });
  if (input.isDefault)
    await tx.execute(
      sql`update crm_pipeline set is_default = false, version = version + 1, updated_at = now()
           where company_id = ${actor.companyId} and is_default`,
    );
  const id = newId();
  await tx.execute(
    sql`insert into crm_pipeline (company_id, id, code, name, is_default)
        values (${actor.companyId}, ${id}, ${input.code}, ${JSON.stringify(input.name)}::jsonb, ${input.isDefault})`,
  );
  for (const [i, s] of input.stages.entries())
    await tx.execute(
      sql`insert into crm_stage (company_id, id, pipeline_id, code, name, sort, probability, outcome)
          values (${actor.companyId}, ${newId()}, ${id}, ${s.code}, ${JSON.stringify(s.name)}::jsonb, ${(i + 1) * 10},
                  ${s.probability}, ${s.outcome})`,
    );
  const created = await findPipeline(tx, actor.companyId, id);
  await recordAudit(tx, actor, {
    entity: 'crm.pipeline',
    entityId: id,
    action: 'create',
    after: { code: input.code, name: input.name, isDefault: input.isDefault, stages: input.stages },
  });
  return created;
}
