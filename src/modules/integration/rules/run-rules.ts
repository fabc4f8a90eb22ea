import { sql } from 'drizzle-orm';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import type { DeliveredEvent, Subscriber } from '../../../platform/outbox/subscribers.ts';
import { runAction } from './actions.ts';
import { BUILT_IN_EVENT_TYPES, ensureBuiltInRules } from './builtin-rules.ts';
import { ruleEventTypes } from './catalog.ts';
import { evaluateCondition } from './condition.ts';
import { enabledRules, type RuleRow } from './rule.repo.ts';

/**
 * After commit, every event of a type rules can listen to: each enabled rule of the company on that type
 * is evaluated once (the run row, unique per rule and event, is written first: a replay finds it and
 * skips), and its actions run. A condition that cannot be evaluated, or an action that fails, is written
 * on the run log and never stops the other rules or the business transaction that published the event.
 */
export const ruleSubscriber: Subscriber = {
  name: 'integration.rules',
  types: ['*'],
  async handle(tx, event) {
    const info = ruleEventTypes().get(event.type);
    if (!info || info.synchronous) return;
    if (BUILT_IN_EVENT_TYPES.has(event.type)) await ensureBuiltInRules(tx, event.companyId);
    for (const rule of await enabledRules(tx, event.companyId, event.type)) await runRule(tx, rule, event);
  },
};

async function runRule(tx: Tx, rule: RuleRow, event: DeliveredEvent): Promise<void> {
  const runId = newId();
  const claimed = await one(
    tx,
    sql`insert into integration_rule_run (company_id, id, rule_id, rule_version, event_id, event_type, subject_id, outcome)
        values (${event.companyId}, ${runId}, ${rule.id}, ${rule.version}, ${event.id}, ${event.type},
                ${event.aggregateId}, 'not_matched')
        on conflict (company_id, rule_id, event_id) do nothing returning id`,
  );
  if (!claimed) return;
  const result = evaluateCondition(rule.condition, event.payload);
  if (!result.ok) return finish(tx, event.companyId, runId, 'error', { condition: result.error });
  if (!result.matched) return;
  const done: Array<Record<string, unknown>> = [];
  for (const [i, action] of rule.actions.entries()) {
    try {
      // A savepoint per action: a failed one leaves no half-written rows and the next still runs.
      done.push(await tx.transaction((sp) => runAction(sp, action, rule, event)));
    } catch (err) {
      done.push({ type: action.type, error: String((err as Error)?.message ?? err).slice(0, 300), index: i });
    }
  }
  const failed = done.some((d) => 'error' in d);
  await finish(tx, event.companyId, runId, failed ? 'error' : 'applied', { actions: done });
}

function finish(tx: Tx, companyId: string, runId: string, outcome: string, detail: Record<string, unknown>) {
  return tx
    .execute(
      sql`update integration_rule_run set outcome = ${outcome}, detail = ${JSON.stringify(detail)}::jsonb
           where company_id = ${companyId} and id = ${runId}`,
    )
    .then(() => undefined);
}
