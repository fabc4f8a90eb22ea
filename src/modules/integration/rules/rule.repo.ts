import { sql } from 'drizzle-orm';
import { iso } from '../../../platform/db/time.ts';
import { type Executor, one, rows } from '../../../platform/db/tx.ts';
import { notFound } from '../../../platform/errors.ts';
import { ruleEventTypes } from './catalog.ts';
import type { RuleAction, RuleView, RunView } from './contract.ts';

export const RULE_ENTITY = 'integration.rule';

export interface RuleRow {
  id: string;
  company_id: string;
  name: string;
  event_type: string;
  condition: string;
  actions: RuleAction[];
  enabled: boolean;
  built_in: string | null;
  version: number;
  created_at: unknown;
  updated_at: unknown;
}

export function toRuleView(r: RuleRow): RuleView {
  return {
    id: r.id,
    name: r.name,
    eventType: r.event_type,
    condition: r.condition,
    actions: r.actions,
    enabled: r.enabled,
    builtIn: r.built_in,
    synchronous: ruleEventTypes().get(r.event_type)?.synchronous ?? false,
    version: Number(r.version),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** One rule of the company (404 for any other id, another company's included). */
export async function findRule(ex: Executor, companyId: string, id: string, lock = false): Promise<RuleRow> {
  const row = await one<RuleRow>(
    ex,
    sql`select * from integration_rule where company_id = ${companyId} and id = ${id}
        ${lock ? sql`for update` : sql``}`,
  );
  if (!row) throw notFound('trigger_rule', id);
  return row;
}

/** The company's enabled rules on an event type, in a stable order. */
export function enabledRules(ex: Executor, companyId: string, eventType: string): Promise<RuleRow[]> {
  return rows<RuleRow>(
    ex,
    sql`select * from integration_rule where company_id = ${companyId} and event_type = ${eventType} and enabled
         order by created_at, id`,
  );
}

export function toRunView(r: Record<string, any>): RunView {
  return {
    id: r.id,
    ruleId: r.rule_id,
    ruleVersion: Number(r.rule_version),
    eventId: r.event_id ?? null,
    eventType: r.event_type,
    subjectId: r.subject_id ?? null,
    outcome: r.outcome,
    detail: r.detail ?? {},
    createdAt: iso(r.created_at),
  };
}
