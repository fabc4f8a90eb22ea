import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { staleVersion } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { assertCurrency } from '../lead/refs.ts';
import type { TargetPatch } from './contract.ts';
import { auditableTarget, findVisibleTarget, TARGET_ENTITY } from './target.repo.ts';

export async function updateTarget(tx: Tx, actor: Actor, id: string, patch: TargetPatch) {
  requirePermission(actor, 'crm.target.manage');
  const before = await findVisibleTarget(tx, actor, id, true);
  if (before.version !== patch.version) throw staleVersion('target', patch.version, before.version);
  const currency = patch.currency ?? before.currency;
  if (currency !== before.currency) await assertCurrency(tx, actor.companyId, currency);
  await tx.execute(
    sql`update crm_target set amount = ${patch.amount ?? before.amount}::numeric, currency = ${currency},
          version = version + 1, updated_at = now()
        where company_id = ${actor.companyId} and id = ${id}`,
  );
  const after = await findVisibleTarget(tx, { ...actor, recordScope: 'company' }, id);
  await recordAudit(tx, actor, {
    entity: TARGET_ENTITY,
    entityId: id,
    action: 'update',
    before: auditableTarget(before),
    after: auditableTarget(after),
  });
  return after;
}
