import { z } from 'zod';
import { Activity } from '../activity/contract.ts';
import { Customer } from '../customer/contract.ts';
import { TimelineEntry } from '../timeline/contract.ts';

export const OverviewContact = z.object({
  id: z.uuid(),
  name: z.string(),
  title: z.string(),
  phones: z.array(z.string()),
  email: z.string().nullable(),
  wechat: z.string().nullable(),
  preferredChannel: z.string().nullable(),
});

export const OverviewOpportunity = z.object({
  id: z.uuid(),
  name: z.string(),
  stageId: z.uuid(),
  stageName: z.record(z.string(), z.string()).nullable(),
  amount: z.string(),
  currency: z.string(),
  probability: z.number().int(),
  /** amount × probability, rounded to cents. */
  weightedAmount: z.string(),
  expectedCloseDate: z.string().nullable(),
  ownerUserId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
});

/**
 * The customer page in one read. A section the actor's role does not cover (contacts, opportunities,
 * activities) is null rather than a 403, so the page still opens for, say, finance.
 */
export const CustomerOverview = z
  .object({
    profile: Customer,
    contacts: z.array(OverviewContact).nullable(),
    openOpportunities: z.array(OverviewOpportunity).nullable(),
    recentActivities: z.array(Activity).nullable(),
    timeline: z.object({ items: z.array(TimelineEntry), nextCursor: z.string().nullable() }),
    accounting: z.object({
      openReceivables: z.string().nullable(),
      creditLeft: z.string().nullable(),
      source: z.literal('accounting'),
    }),
  })
  .meta({ id: 'CustomerOverview' });
