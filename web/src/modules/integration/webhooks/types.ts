// Shapes of /api/v1/webhooks, /webhook-dead-letters, /events and /event-types (see src/modules/integration).
export type WebhookState = 'active' | 'disabled';
export type DeliveryState = 'pending' | 'succeeded' | 'dead';

export interface Webhook {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  filter: { field: string; equals: string | number | boolean | null } | null;
  state: WebhookState;
  failureStreak: number;
  failingSince: string | null;
  disabledAt: string | null;
  disabledReason: string | null;
  secretHint: string;
  previousSecretUntil: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type WebhookWithSecret = Webhook & { secret: string };

export interface Delivery {
  id: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
  url: string;
}

export interface Attempt {
  attempt: number;
  statusCode: number | null;
  responseExcerpt: string | null;
  error: string | null;
  durationMs: number;
  createdAt: string;
}

export type DeliveryDetail = Delivery & { body: string; log: Attempt[] };

export interface BusinessEvent {
  id: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payloadVersion: number;
  payload: Record<string, unknown>;
  createdAt: string;
  dispatchedAt: string | null;
}

export interface EventType {
  type: string;
  module: string;
  description: string;
  payloadVersion: number;
}

export interface WebhookInput {
  url: string;
  eventTypes: string[];
  description?: string;
  filter?: Webhook['filter'];
}
