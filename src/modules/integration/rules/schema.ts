// The tables of integration/rules: trigger rules and the log of every evaluation.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { companyId, createdAt, id, versioned } from '../../../platform/db/columns.ts';
import { company } from '../../../platform/schema.ts';

/** One action of a rule, as stored (validated by contract.ts on the way in). */
export type RuleActionRow = Record<string, unknown> & { type: string };

/** "When EVENT and CONDITION then ACTIONS", per company. `builtIn` names a seeded rule (not deletable). */
export const rule = pgTable(
  'integration_rule',
  {
    companyId: companyId().references(() => company.id),
    id: id(),
    name: text('name').notNull(),
    eventType: text('event_type').notNull(),
    /** A CEL expression over the payload's fields; empty means always. */
    condition: text('condition').notNull().default(''),
    actions: jsonb('actions').$type<RuleActionRow[]>().notNull(),
    enabled: boolean('enabled').notNull().default(true),
    builtIn: text('built_in'),
    createdBy: uuid('created_by'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index('integration_rule_event_idx').on(t.companyId, t.eventType),
    uniqueIndex('integration_rule_built_in_uq')
      .on(t.companyId, t.builtIn)
      .where(sql`${t.builtIn} is not null`),
    check('integration_rule_condition_len_ck', sql`length(${t.condition}) <= 2000`),
  ],
);

/**
 * Each evaluation of a rule: on an event (unique per rule and event, so a replayed event runs a rule
 * once) or at a sales confirmation (subject = the order, no event).
 */
export const ruleRun = pgTable(
  'integration_rule_run',
  {
    companyId: companyId(),
    id: id(),
    ruleId: uuid('rule_id').notNull(),
    ruleVersion: integer('rule_version').notNull(),
    eventId: uuid('event_id'),
    eventType: text('event_type').notNull(),
    subjectId: text('subject_id'),
    /** applied | not_matched | error | held */
    outcome: text('outcome').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('integration_rule_run_event_uq').on(t.companyId, t.ruleId, t.eventId),
    index('integration_rule_run_rule_idx').on(t.companyId, t.ruleId, t.createdAt),
    foreignKey({ columns: [t.companyId, t.ruleId], foreignColumns: [rule.companyId, rule.id] }).onDelete(
      'cascade',
    ),
    check(
      'integration_rule_run_outcome_ck',
      sql`${t.outcome} in ('applied', 'not_matched', 'error', 'held')`,
    ),
  ],
);
