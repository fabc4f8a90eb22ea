import { sql } from 'drizzle-orm';
import { type Executor, one } from '../../../platform/db/tx.ts';
import { notFound } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { describeAction } from './actions.ts';
import { evaluateCondition } from './condition.ts';
import type { TestResult } from './contract.ts';
import { findRule } from './rule.repo.ts';

/**
 * The editor's test button: evaluates the saved rule on a sample payload or on one of the company's
 * events and says what its actions would do. Nothing is written, notified or delivered.
 */
export async function testRule(
  ex: Executor,
  actor: Actor,
  id: string,
  input: { payload?: Record<string, unknown>; eventId?: string },
): Promise<TestResult> {
  requirePermission(actor, 'integration.rule.manage');
  const rule = await findRule(ex, actor.companyId, id);
  let payload = input.payload ?? {};
  if (input.eventId) {
    const event = await one<{ payload: Record<string, unknown> }>(
      ex,
      sql`select payload from platform_event where company_id = ${actor.companyId} and id = ${input.eventId}
             and type = ${rule.event_type}`,
    );
    if (!event) throw notFound('event', input.eventId);
    payload = event.payload;
  }
  const result = evaluateCondition(rule.condition, payload);
  const applies = result.ok ? result.matched : rule.event_type === 'sales_order.confirming';
  return {
    matched: result.ok ? result.matched : null,
    error: result.ok ? null : result.error,
    payload,
    actions: applies
      ? rule.actions.map((a) => ({ type: a.type, description: describeAction(a, rule, payload) }))
      : [],
  };
}
