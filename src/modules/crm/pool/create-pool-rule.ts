import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import type { PoolRule, PoolRuleInput } from './contract.ts';
import { findPoolRule, manageableTeamSql, ruleFields, toPoolRule } from './pool-rule.repo.ts';

/** Sets up the public-pool rule of one team (one rule per team). */
export async function createPoolRule(tx: Tx, actor: Actor, input: PoolRuleInput): Promise<PoolRule> {
  requirePermission(actor, 'crm.pool.manage');
  const team = await one(
    tx,
    sql`select 1 from platform_department d where d.company_id = ${actor.companyId} and d.id = ${input.teamId}
          and ${manageableTeamSql(actor, sql`d.id`)}`,
  );
  if (!team) throw notFound('department', input.teamId);
  const existing = await one(
    tx,
    sql`select 1 from crm_pool_rule where company_id = ${actor.companyId} and team_id = ${input.teamId}`,
  );
  if (existing)
    throw conflict('crm.pool_rule_exists', 'This team already has a pool rule; edit it instead', {
      teamId: input.teamId,
    });
  await tx.execute(
    sql`insert into crm_pool_rule (company_id, team_id, days_without_follow_up, days_without_deal, warn_days_before,
          claim_limit, active)
        values (${actor.companyId}, ${input.teamId}, ${input.daysWithoutFollowUp}, ${input.daysWithoutDeal},
          ${input.warnDaysBefore}, ${input.claimLimit}, ${input.active})`,
  );
  const rule = toPoolRule(await findPoolRule(tx, actor, input.teamId));
  await recordAudit(tx, actor, {
    entity: 'crm.pool_rule',
    entityId: input.teamId,
    action: 'create',
    after: ruleFields(rule),
  });
  return rule;
}
