import { z } from 'zod';

export const TimelineEntry = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    occurredAt: z.string(),
    type: z.string(),
    summary: z.string(),
    ref: z.record(z.string(), z.unknown()),
    actorUserId: z.uuid().nullable(),
    actorName: z.string().nullable(),
  })
  .meta({ id: 'TimelineEntry' });
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const TimelineQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
export type TimelineQuery = z.infer<typeof TimelineQuery>;
