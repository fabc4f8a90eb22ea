import { z } from 'zod';
import { Version } from '../../../platform/http/schemas.ts';
import { Money } from '../opportunity/contract.ts';

/** The first day of a month: targets are monthly. */
export const Month = z
  .string()
  .regex(/^(19|2\d)\d{2}-(0[1-9]|1[0-2])-01$/, 'the first day of a month, YYYY-MM-01');
const Currency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as CNY');

export const TargetInput = z
  .strictObject({
    /** sales: 销售目标 (won opportunities); collection: 回款目标 (payments, from accounting). */
    kind: z.enum(['sales', 'collection']),
    month: Month,
    userId: z.uuid().nullable().default(null),
    teamId: z.uuid().nullable().default(null),
    amount: Money,
    currency: Currency.default('CNY'),
  })
  .refine((v) => (v.userId === null) !== (v.teamId === null), {
    message: 'A target is for one person (userId) or one team (teamId)',
    path: ['userId'],
  });
export type TargetInput = z.infer<typeof TargetInput>;

export const TargetPatch = z.strictObject({
  version: Version,
  amount: Money.optional(),
  currency: Currency.optional(),
});
export type TargetPatch = z.infer<typeof TargetPatch>;

export const TargetView = z
  .object({
    id: z.uuid(),
    kind: z.enum(['sales', 'collection']),
    month: z.string(),
    userId: z.uuid().nullable(),
    userName: z.string().nullable(),
    teamId: z.uuid().nullable(),
    teamName: z.record(z.string(), z.string()).nullable(),
    amount: z.string(),
    currency: z.string(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Target' });
export type TargetView = z.infer<typeof TargetView>;

export const TargetListQuery = z.object({
  month: Month.optional(),
  kind: z.enum(['sales', 'collection']).optional(),
  userId: z.uuid().optional(),
  teamId: z.uuid().optional(),
});
export type TargetListQuery = z.infer<typeof TargetListQuery>;

export const ProgressQuery = z.object({ month: Month });

export const TargetProgress = z
  .object({
    target: TargetView,
    achieved: z.string(),
    /** achieved / amount × 100 with one decimal; null when the target amount is 0. */
    percentage: z.string().nullable(),
    /** Where `achieved` comes from: won opportunities, or accounting's payments (not there yet: 0). */
    source: z.enum(['opportunities', 'accounting']),
    note: z.string().nullable(),
  })
  .meta({ id: 'TargetProgress' });
