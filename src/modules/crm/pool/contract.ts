import { z } from 'zod';
import { Customer } from '../customer/contract.ts';

const Days = z.number().int().min(1).max(3650);

export const PoolRuleInput = z.strictObject({
  teamId: z.uuid(),
  daysWithoutFollowUp: Days.default(30),
  daysWithoutDeal: Days.default(90),
  warnDaysBefore: z.number().int().min(0).max(365).default(3),
  claimLimit: z.number().int().min(0).max(100_000).default(200),
  active: z.boolean().default(true),
});
export type PoolRuleInput = z.infer<typeof PoolRuleInput>;

export const PoolRulePatch = z.strictObject({
  version: z.number().int().min(1),
  daysWithoutFollowUp: Days.optional(),
  daysWithoutDeal: Days.optional(),
  warnDaysBefore: z.number().int().min(0).max(365).optional(),
  claimLimit: z.number().int().min(0).max(100_000).optional(),
  active: z.boolean().optional(),
});
export type PoolRulePatch = z.infer<typeof PoolRulePatch>;

/** One rule per team; its id is the team's id. */
export const PoolRule = z
  .object({
    id: z.uuid(),
    teamId: z.uuid(),
    teamName: z.record(z.string(), z.string()).nullable(),
    daysWithoutFollowUp: z.number().int(),
    daysWithoutDeal: z.number().int(),
    warnDaysBefore: z.number().int(),
    claimLimit: z.number().int(),
    active: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PoolRule' });
export type PoolRule = z.infer<typeof PoolRule>;

export const PoolCustomer = Customer.extend({ poolSince: z.string().nullable() }).meta({
  id: 'PoolCustomer',
});

export const PoolListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
  q: z.string().trim().max(100).optional(),
  teamId: z.uuid().optional(),
});
export type PoolListQuery = z.infer<typeof PoolListQuery>;

export const AllocateInput = z.strictObject({
  userId: z.uuid(),
  reason: z.string().trim().max(500).optional(),
});
export type AllocateInput = z.infer<typeof AllocateInput>;
