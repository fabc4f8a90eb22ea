// Shapes of /api/v1/trigger-rules (see src/modules/integration/rules/contract.ts).

export type RuleAction =
  | { type: 'notify'; roles: string[]; userIds: string[]; message: string }
  | { type: 'create_task'; assigneeUserId: string; subject: string; dueInDays: number }
  | { type: 'require_approval'; roleCode: string }
  | { type: 'call_webhook'; webhookId: string };

export type ActionType = RuleAction['type'];

export interface TriggerRule {
  id: string;
  name: string;
  eventType: string;
  condition: string;
  actions: RuleAction[];
  enabled: boolean;
  builtIn: string | null;
  synchronous: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface RuleRun {
  id: string;
  ruleId: string;
  ruleVersion: number;
  eventId: string | null;
  eventType: string;
  subjectId: string | null;
  outcome: 'applied' | 'not_matched' | 'error' | 'held';
  detail: Record<string, unknown>;
  createdAt: string;
}

export interface EventField {
  name: string;
  type: 'string' | 'number' | 'decimal' | 'boolean' | 'object' | 'list' | 'any';
  optional: boolean;
  choices?: string[];
}

export interface RuleEventType {
  eventType: string;
  module: string;
  synchronous: boolean;
  fields: EventField[];
}

export interface RuleTestResult {
  matched: boolean | null;
  error: { message: string; position: number | null } | null;
  payload: Record<string, unknown>;
  actions: Array<{ type: string; description: string }>;
}

export interface RuleInput {
  name: string;
  eventType: string;
  condition: string;
  actions: RuleAction[];
  enabled: boolean;
}
