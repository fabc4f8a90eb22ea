import { z } from 'zod';

export const ACTIVITY_KINDS = ['call', 'meeting', 'visit', 'email', 'note', 'task'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

const Instant = z.iso.datetime({ offset: true });
const Text = (max: number) => z.string().trim().max(max);

export const ActivityInput = z.strictObject({
  kind: z.enum(ACTIVITY_KINDS),
  subject: Text(200).min(1),
  body: Text(10_000).default(''),
  customerId: z.uuid().nullable().optional(),
  contactId: z.uuid().nullable().optional(),
  leadId: z.uuid().nullable().optional(),
  opportunityId: z.uuid().nullable().optional(),
  /** Defaults to the actor; someone else must be inside the actor's record rule. */
  ownerUserId: z.uuid().optional(),
  startsAt: Instant.nullable().optional(),
  endsAt: Instant.nullable().optional(),
  dueAt: Instant.nullable().optional(),
  remindAt: Instant.nullable().optional(),
  /** A call or visit logged after the fact is done when it is written down. */
  done: z.boolean().default(false),
});
export type ActivityInput = z.infer<typeof ActivityInput>;

export const ActivityPatch = z.strictObject({
  version: z.number().int().min(1),
  subject: Text(200).min(1).optional(),
  body: Text(10_000).optional(),
  ownerUserId: z.uuid().optional(),
  startsAt: Instant.nullable().optional(),
  endsAt: Instant.nullable().optional(),
  dueAt: Instant.nullable().optional(),
  remindAt: Instant.nullable().optional(),
});
export type ActivityPatch = z.infer<typeof ActivityPatch>;

export const CompleteInput = z.strictObject({
  version: z.number().int().min(1),
  /** What came out of it, appended to the body. */
  outcome: Text(2000).optional(),
});
export type CompleteInput = z.infer<typeof CompleteInput>;

export const Activity = z
  .object({
    id: z.uuid(),
    kind: z.enum(ACTIVITY_KINDS),
    subject: z.string(),
    body: z.string(),
    customerId: z.uuid().nullable(),
    customerName: z.string().nullable(),
    contactId: z.uuid().nullable(),
    leadId: z.uuid().nullable(),
    opportunityId: z.uuid().nullable(),
    ownerUserId: z.uuid(),
    ownerName: z.string().nullable(),
    startsAt: z.string().nullable(),
    endsAt: z.string().nullable(),
    dueAt: z.string().nullable(),
    remindAt: z.string().nullable(),
    remindedAt: z.string().nullable(),
    doneAt: z.string().nullable(),
    done: z.boolean(),
    overdue: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Activity' });
export type Activity = z.infer<typeof Activity>;

export const ActivityListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
  /** `me`, or a user id inside the actor's record rule. */
  owner: z.union([z.literal('me'), z.uuid()]).optional(),
  /** On the activity's time: its start, else its due time, else when it was logged. */
  from: Instant.optional(),
  to: Instant.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  done: z.enum(['true', 'false']).optional(),
  kind: z.enum(ACTIVITY_KINDS).optional(),
  customerId: z.uuid().optional(),
  leadId: z.uuid().optional(),
  opportunityId: z.uuid().optional(),
});
export type ActivityListQuery = z.infer<typeof ActivityListQuery>;

export const MyDay = z
  .object({
    date: z.string(),
    timeZone: z.string(),
    overdue: z.array(Activity),
    dueToday: z.array(Activity),
    meetings: z.array(Activity),
  })
  .meta({ id: 'MyDay' });

export const CalendarFeed = z
  .object({
    url: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'CalendarFeed' });
