import { z } from 'zod';
import { ListQuery, Version } from '../../../platform/http/schemas.ts';
import { isKnownEventType } from '../events/catalogue.ts';

const EventType = z
  .string()
  .max(80)
  .refine((t) => t === '*' || isKnownEventType(t), 'an event type of GET /api/v1/event-types, or *');

const Filter = z.strictObject({
  /** A dot path into the event payload, e.g. `customerId` or `lines.0` is not walked: objects only. */
  field: z
    .string()
    .max(100)
    .regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*){0,4}$/, 'a dot path such as customerId'),
  equals: z.union([z.string().max(200), z.number(), z.boolean(), z.null()]),
});

const Url = z.string().trim().min(1).max(2000);
const Description = z
  .string()
  .trim()
  .max(500)
  .regex(/^\P{Cc}*$/u, 'no control characters');

export const WebhookInput = z.strictObject({
  url: Url,
  eventTypes: z.array(EventType).min(1).max(100),
  filter: Filter.nullable().optional(),
  description: Description.optional(),
});
export type WebhookInput = z.infer<typeof WebhookInput>;

export const WebhookPatch = z.strictObject({
  version: Version,
  url: Url.optional(),
  eventTypes: z.array(EventType).min(1).max(100).optional(),
  filter: Filter.nullable().optional(),
  description: Description.optional(),
  /** true re-enables a disabled webhook (its failure streak starts again at 0). */
  active: z.boolean().optional(),
});
export type WebhookPatch = z.infer<typeof WebhookPatch>;

export const RotateInput = z.strictObject({
  /** How long the previous secret still signs (both signatures are sent). 0 ends it at once. */
  graceHours: z.number().int().min(0).max(168).default(24),
});

export const WebhookView = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.string()),
  filter: z
    .object({ field: z.string(), equals: z.union([z.string(), z.number(), z.boolean(), z.null()]) })
    .nullable(),
  state: z.enum(['active', 'disabled']),
  failureStreak: z.number().int(),
  failingSince: z.string().nullable(),
  disabledAt: z.string().nullable(),
  disabledReason: z.string().nullable(),
  /** The first characters of the secret, to tell which one a receiver holds. */
  secretHint: z.string(),
  previousSecretUntil: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** The create and rotate answers: the view and the secret, shown this once. */
export const WebhookWithSecret = WebhookView.extend({ secret: z.string() });

export const DeliveryState = z.enum(['pending', 'succeeded', 'dead']);

export const DeliveryView = z.object({
  id: z.uuid(),
  webhookId: z.uuid(),
  eventId: z.uuid(),
  eventType: z.string(),
  state: DeliveryState,
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
  url: z.string(),
});

export const AttemptView = z.object({
  attempt: z.number().int(),
  statusCode: z.number().int().nullable(),
  responseExcerpt: z.string().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
  createdAt: z.string(),
});

export const DeliveryDetail = DeliveryView.extend({ body: z.string(), log: z.array(AttemptView) });

export const DeliveryListQuery = ListQuery.pick({ limit: true, cursor: true }).extend({
  state: DeliveryState.optional(),
});

export const DeliveryParams = z.object({ id: z.uuid(), deliveryId: z.uuid() });
export const ReplayResult = z.object({ replayed: z.number().int() });
