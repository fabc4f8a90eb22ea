import { z } from 'zod';
import { Version } from '../../../platform/http/schemas.ts';
import { CONDITION_MAX } from './condition.ts';

const Template = (max: number) => z.string().trim().max(max);
const RoleCode = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'a role code such as "sales_manager"');

/** Tell people: holders of the roles and the listed users get an in-app notification. */
const NotifyAction = z.strictObject({
  type: z.literal('notify'),
  roles: z.array(RoleCode).max(10).default([]),
  userIds: z.array(z.uuid()).max(20).default([]),
  /** The notification text; `{field}` is replaced by the payload's value. Empty: the rule's name and the event. */
  message: Template(500).default(''),
});

/** A crm task (activity of kind task) for a user, linked to the payload's customer when it names one. */
const TaskAction = z.strictObject({
  type: z.literal('create_task'),
  assigneeUserId: z.uuid(),
  subject: Template(200).min(1),
  dueInDays: z.number().int().min(0).max(365).default(1),
});

/** Only on `sales_order.confirming`: the order waits in awaiting_approval until the role approves. */
const ApprovalAction = z.strictObject({
  type: z.literal('require_approval'),
  roleCode: RoleCode,
});

/** Deliver the event to one of the company's webhooks (signed, retried, logged by webhooks/). */
const WebhookAction = z.strictObject({
  type: z.literal('call_webhook'),
  webhookId: z.uuid(),
});

export const RuleAction = z.discriminatedUnion('type', [
  NotifyAction,
  TaskAction,
  ApprovalAction,
  WebhookAction,
]);
export type RuleAction = z.infer<typeof RuleAction>;

const Name = z.string().trim().min(1).max(120);
const EventType = z.string().regex(/^[a-z_]+\.[a-z_]+$/, 'an event type such as "sales_order.confirmed"');
const Condition = z.string().max(CONDITION_MAX);
const Actions = z.array(RuleAction).min(1).max(10);

export const RuleInput = z.strictObject({
  name: Name,
  eventType: EventType,
  /** CEL over the payload's fields, e.g. `amount > 100000 && currency == "CNY"`; empty means always. */
  condition: Condition.default(''),
  actions: Actions,
  enabled: z.boolean().default(true),
});
export type RuleInput = z.infer<typeof RuleInput>;

export const RulePatch = z.strictObject({
  version: Version,
  name: Name.optional(),
  eventType: EventType.optional(),
  condition: Condition.optional(),
  actions: Actions.optional(),
  enabled: z.boolean().optional(),
});
export type RulePatch = z.infer<typeof RulePatch>;

export const RuleView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    eventType: z.string(),
    condition: z.string(),
    actions: z.array(RuleAction),
    enabled: z.boolean(),
    /** A seeded rule (`safety_stock_alert`): editable and disableable, not deletable. */
    builtIn: z.string().nullable(),
    synchronous: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'TriggerRule' });
export type RuleView = z.infer<typeof RuleView>;

export const RuleListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  eventType: EventType.optional(),
});

export const DeleteQuery = z.object({ version: z.coerce.number().int().min(1) });

export const RunView = z
  .object({
    id: z.uuid(),
    ruleId: z.uuid(),
    ruleVersion: z.number().int(),
    eventId: z.uuid().nullable(),
    eventType: z.string(),
    subjectId: z.string().nullable(),
    outcome: z.enum(['applied', 'not_matched', 'error', 'held']),
    detail: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
  })
  .meta({ id: 'TriggerRuleRun' });
export type RunView = z.infer<typeof RunView>;

export const RunListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

// eventId wins when both are given; with neither, the rule is tried on an empty payload.
export const TestInput = z.strictObject({
  /** A sample payload to try the rule on … */
  payload: z.record(z.string(), z.unknown()).optional(),
  /** … or one of the company's events of the rule's type (its payload is used). */
  eventId: z.uuid().optional(),
});

const Problem = z.object({ message: z.string(), position: z.number().int().nullable() });

export const TestResult = z
  .object({
    matched: z.boolean().nullable(),
    error: Problem.nullable(),
    payload: z.record(z.string(), z.unknown()),
    /** What each action would do; nothing was done. */
    actions: z.array(z.object({ type: z.string(), description: z.string() })),
  })
  .meta({ id: 'TriggerRuleTestResult' });
export type TestResult = z.infer<typeof TestResult>;

const Field = z.object({
  name: z.string(),
  type: z.enum(['string', 'number', 'decimal', 'boolean', 'object', 'list', 'any']),
  optional: z.boolean(),
  choices: z.array(z.string()).optional(),
});

export const FieldsQuery = z.object({ eventType: EventType.optional() });

export const FieldsView = z
  .object({
    items: z.array(
      z.object({
        eventType: z.string(),
        module: z.string(),
        synchronous: z.boolean(),
        fields: z.array(Field),
      }),
    ),
  })
  .meta({ id: 'TriggerRuleFields' });
