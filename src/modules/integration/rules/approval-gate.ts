import { sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import type { ConfirmFacts, ConfirmGate, GateVerdict } from '../../sales/index.ts';
import { CONFIRMING } from './catalog.ts';
import { evaluateCondition } from './condition.ts';
import { enabledRules, type RuleRow } from './rule.repo.ts';

/** The order facts as a condition sees them: amounts are numbers. */
export function confirmingPayload(f: ConfirmFacts): Record<string, unknown> {
  return {
    amount: Number(f.amount),
    total: Number(f.total),
    currency: f.currency,
    companyCurrency: f.companyCurrency,
    customerId: f.customerId,
    customerName: f.customerName,
    ownerUserId: f.ownerUserId,
    number: f.number,
    lines: f.lines,
    warehouseId: f.warehouseId,
  };
}

/**
 * Sales asks before confirming an order. An enabled rule on `sales_order.confirming` whose condition
 * holds answers with its require_approval actions. Fail safe: a condition that cannot be evaluated
 * holds the order too (a broken approval rule must not let large orders through unseen); the reason
 * says so, and the run log keeps the error.
 */
export const ruleConfirmGate: ConfirmGate = async (tx, actor, facts) => {
  const payload = confirmingPayload(facts);
  const verdicts: GateVerdict[] = [];
  for (const rule of await enabledRules(tx, actor.companyId, CONFIRMING)) {
    if (facts.approvedKeys.includes(`rule:${rule.id}`)) continue;
    const result = evaluateCondition(rule.condition, payload);
    const holds = !result.ok || result.matched;
    const roles = rule.actions.flatMap((a) => (a.type === 'require_approval' ? [a.roleCode] : []));
    const reason = result.ok
      ? `rule "${rule.name}" (${rule.condition || 'always'})`
      : `rule "${rule.name}" could not be evaluated (${result.error.message}); held to be safe`;
    await logRun(tx, rule, facts, holds ? (result.ok ? 'held' : 'error') : 'not_matched', {
      ...(result.ok ? {} : { condition: result.error }),
      ...(holds ? { approverRoles: roles, reason } : {}),
      amount: facts.amount,
      currency: facts.companyCurrency,
    });
    if (holds)
      for (const role of roles) verdicts.push({ key: `rule:${rule.id}`, approverRoleCode: role, reason });
  }
  return verdicts;
};

function logRun(
  tx: Tx,
  rule: RuleRow,
  facts: ConfirmFacts,
  outcome: string,
  detail: Record<string, unknown>,
) {
  return tx.execute(
    sql`insert into integration_rule_run (company_id, id, rule_id, rule_version, event_id, event_type, subject_id, outcome, detail)
        values (${rule.company_id}, ${newId()}, ${rule.id}, ${rule.version}, null, ${CONFIRMING}, ${facts.orderId},
                ${outcome}, ${JSON.stringify({ ...detail, orderNumber: facts.number })}::jsonb)`,
  );
}
