import { sql } from 'drizzle-orm';
import { one, rows, type Tx, textArray } from '../../../platform/db/tx.ts';
import { badRequest, unprocessable } from '../../../platform/errors.ts';
import { ruleEventTypes, topLevelFields } from './catalog.ts';
import { checkCondition } from './condition.ts';
import type { RuleAction } from './contract.ts';

/**
 * Everything a rule must satisfy before it is saved: a known event type, a condition that parses and
 * names only the event's fields (400 `integration.rule.bad_condition` with the position), actions that
 * fit the event (approval only where sales asks synchronously) and that point at this company's roles,
 * users and webhooks.
 */
export async function validateRule(
  tx: Tx,
  companyId: string,
  rule: { eventType: string; condition: string; actions: RuleAction[] },
): Promise<void> {
  const info = ruleEventTypes().get(rule.eventType);
  if (!info)
    throw badRequest('integration.rule.unknown_event', 'No event of this type can trigger a rule', {
      eventType: rule.eventType,
    });
  const problem = checkCondition(rule.condition, topLevelFields(rule.eventType));
  if (problem)
    throw badRequest('integration.rule.bad_condition', `The condition is not valid: ${problem.message}`, {
      position: problem.position,
      problem: problem.message,
    });
  for (const action of rule.actions) {
    if ((action.type === 'require_approval') !== info.synchronous)
      throw unprocessable(
        'integration.rule.action_not_allowed',
        info.synchronous
          ? 'A rule on a confirmation can only require an approval'
          : 'Only a rule on a confirmation can require an approval',
        { eventType: rule.eventType, action: action.type },
      );
  }
  const roleCodes = rule.actions.flatMap((a) =>
    a.type === 'notify' ? a.roles : a.type === 'require_approval' ? [a.roleCode] : [],
  );
  if (roleCodes.length) {
    const found = await rows<{ code: string }>(
      tx,
      sql`select code from platform_role where company_id = ${companyId} and code = any(${textArray(roleCodes)})`,
    );
    const missing = roleCodes.filter((c) => !found.some((f) => f.code === c));
    if (missing.length)
      throw unprocessable('integration.rule.unknown_role', 'No role of this company has this code', {
        roleCode: missing[0],
      });
  }
  const userIds = rule.actions.flatMap((a) =>
    a.type === 'notify' ? a.userIds : a.type === 'create_task' ? [a.assigneeUserId] : [],
  );
  if (userIds.length) {
    const found = await rows<{ user_id: string }>(
      tx,
      sql`select user_id from platform_membership where company_id = ${companyId} and active
             and user_id::text = any(${textArray(userIds)})`,
    );
    const missing = userIds.filter((u) => !found.some((f) => f.user_id === u));
    if (missing.length)
      throw unprocessable('integration.rule.unknown_user', 'No active member of this company has this id', {
        userId: missing[0],
      });
  }
  for (const action of rule.actions)
    if (action.type === 'call_webhook' && !(await webhookExists(tx, companyId, action.webhookId)))
      throw unprocessable('integration.rule.unknown_webhook', 'No webhook of this company has this id', {
        webhookId: action.webhookId,
      });
}

async function webhookExists(tx: Tx, companyId: string, id: string): Promise<boolean> {
  const table = await one<{ t: string | null }>(
    tx,
    sql`select to_regclass('integration_webhook')::text as t`,
  );
  if (!table?.t) return false;
  return Boolean(
    await one(tx, sql`select 1 from integration_webhook where company_id = ${companyId} and id = ${id}`),
  );
}
