import { sql } from 'drizzle-orm';
import { rows, type Tx } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { ensureDefaultPipeline, findPipeline } from './pipeline.repo.ts';

/** Every pipeline of the company with its stages, the default first. */
export async function listPipelines(tx: Tx, actor: Actor) {
  requirePermission(actor, 'crm.opportunity.read');
  await ensureDefaultPipeline(tx, actor.companyId);
  const list = await rows<{ id: string }>(
    tx,
    sql`select id from crm_pipeline where company_id = ${actor.companyId} order by is_default desc, created_at, id`,
  );
  const items = [];
  for (const p of list) items.push(await findPipeline(tx, actor.companyId, p.id));
  return { items, nextCursor: null };
}
