import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { staleVersion } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import type { PoolRule, PoolRulePatch } from './contract.ts';
import { findPoolRule, ruleFields, toPoolRule } from './pool-rule.repo.ts';

/** Changes a team's pool rule; it applies from the next daily run. */
export async function updatePoolRule(
  tx: Tx,
  actor: Actor,
  teamId: string,
  patch: PoolRulePatch,
): Promise<PoolRule> {
  requirePermission(actor, 'crm.pool.manage');
  const before = toPoolRule(await findPoolRule(tx, actor, teamId, true));
  if (before.version !== patch.version) throw staleVersion('pool rule', patch.version, before.version);
  await tx.execute(
    sql`update crm_pool_rule set
          days_without_follow_up = ${patch.daysWithoutFollowUp ?? before.daysWithoutFollowUp},
          days_without_deal = ${patch.daysWithoutDeal ?? before.daysWithoutDeal},
          warn_days_before = ${patch.warnDaysBefore ?? before.warnDaysBefore},
          claim_limit = ${patch.claimLimit ?? before.claimLimit},
          active = ${patch.active ?? before.active},
          version = version + 1, updated_at = now()
        where company_id = ${actor.companyId} and team_id = ${teamId}`,
  );
  const after = toPoolRule(await findPoolRule(tx, actor, teamId));
  await recordAudit(tx, actor, {
    entity: 'crm.pool_rule',
    entityId: teamId,
    action: 'update',
    before: ruleFields(before),
    after: ruleFields(after),
  });
  return after;
}
