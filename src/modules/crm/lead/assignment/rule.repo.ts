import { sql } from 'drizzle-orm';
import { iso } from '../../../../platform/db/time.ts';
import { type Executor, one, rows } from '../../../../platform/db/tx.ts';
import { notFound, unprocessable } from '../../../../platform/errors.ts';
import { activeMembers, assertActiveMember, assertDepartment, assertDictionaryCode } from '../refs.ts';
import type { AssignmentRuleInput, AssignmentRuleView } from './contract.ts';

export const RULE_ENTITY = 'crm.assignment_rule';

const selectRule = sql`select r.*, r.user_ids::text[] as user_id_list from crm_assignment_rule r`;

export function toRule(r: Record<string, any>): AssignmentRuleView {
  return {
    id: r.id,
    name: r.name,
    priority: r.priority,
    matchSourceCode: r.match_source_code,
    matchRegionCode: r.match_region_code,
    strategy: r.strategy,
    userIds: r.user_id_list ?? [],
    teamId: r.team_id,
    fallbackUserId: r.fallback_user_id,
    active: r.active,
    cursor: r.cursor,
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export async function findRule(ex: Executor, companyId: string, id: string, lock = false) {
  const row = await one<Record<string, any>>(
    ex,
    sql`${selectRule} where r.company_id = ${companyId} and r.id = ${id} ${lock ? sql`for update` : sql``}`,
  );
  if (!row) throw notFound('assignment rule', id);
  return toRule(row);
}

export async function listRules(ex: Executor, companyId: string) {
  const list = await rows<Record<string, any>>(
    ex,
    sql`${selectRule} where r.company_id = ${companyId} order by r.priority, r.created_at, r.id`,
  );
  return list.map(toRule);
}

type RuleShape = Omit<AssignmentRuleInput, 'name' | 'priority' | 'active'>;

/** A rule must name whom it rotates over, and every user and team must be the company's (422). */
export async function checkRule(ex: Executor, companyId: string, rule: RuleShape): Promise<void> {
  if (rule.strategy === 'team_round_robin' && !rule.teamId)
    throw unprocessable('crm.rule_incomplete', 'A team rotation needs teamId', { field: 'teamId' });
  if (rule.strategy !== 'team_round_robin' && rule.userIds.length === 0)
    throw unprocessable('crm.rule_incomplete', 'List the users this rule gives leads to', {
      field: 'userIds',
    });
  if (new Set(rule.userIds).size !== rule.userIds.length)
    throw unprocessable('crm.rule_user_repeated', 'Each user once', { field: 'userIds' });
  const active = await activeMembers(ex, companyId, rule.userIds);
  const unknown = rule.userIds.filter((id) => !active.has(id));
  if (unknown.length > 0)
    throw unprocessable('reference_invalid', 'Every user must be an active member of the company', {
      field: 'userIds',
      userIds: unknown,
    });
  await assertDepartment(ex, companyId, rule.teamId);
  await assertActiveMember(ex, companyId, rule.fallbackUserId, 'fallbackUserId');
  await assertDictionaryCode(ex, companyId, 'lead_source', rule.matchSourceCode, 'matchSourceCode');
}
