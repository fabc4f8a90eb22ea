import { z } from 'zod';
import { ListQuery } from '../../../platform/http/schemas.ts';

const DateTime = z.iso.datetime({ offset: true }).or(z.iso.date());

export const EventListQuery = ListQuery.pick({ limit: true, cursor: true }).extend({
  type: z
    .string()
    .max(80)
    .regex(/^[a-z_*]+(\.[a-z_]+)?$/, 'an event type such as invoice.posted')
    .optional(),
  aggregateType: z.string().max(80).optional(),
  aggregateId: z.string().max(80).optional(),
  /** Events created at or after this instant (or date). */
  from: DateTime.optional(),
  /** Events created before this instant (or date, exclusive). */
  to: DateTime.optional(),
});
export type EventListQuery = z.infer<typeof EventListQuery>;

export const EventView = z.object({
  id: z.uuid(),
  type: z.string(),
  aggregateType: z.string(),
  aggregateId: z.string(),
  payloadVersion: z.number().int(),
  payload: z.record(z.string(), z.unknown()),
  actorUserId: z.string().nullable(),
  createdAt: z.string(),
  dispatchedAt: z.string().nullable(),
});

export const EventTypeView = z.object({
  type: z.string(),
  module: z.string(),
  description: z.string(),
  payloadVersion: z.number().int(),
  described: z.boolean(),
  schema: z.record(z.string(), z.unknown()),
});
