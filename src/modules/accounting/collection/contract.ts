import { z } from 'zod';
import { ListQuery } from '../../../platform/http/schemas.ts';

const DateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(new Date(`${s}T00:00:00Z`).getTime()) &&
      new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'not a calendar date',
  );
const Amount = z
  .string()
  .regex(/^\d{1,14}(\.\d{1,2})?$/, 'an amount > 0 with up to 2 decimals')
  .refine((s) => Number(s) > 0, 'must be greater than 0');
const Text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^\P{Cc}*$/u, 'no control characters');

export const CollectionLineInput = z.strictObject({
  dueDate: DateString,
  amount: Amount,
  note: Text(200).optional(),
});

export const CollectionPlanInput = z.strictObject({
  customerId: z.uuid(),
  /** A sales order (its id: payments on its invoices count) or a contract (its number: the customer's payments count). */
  originType: z.enum(['sales_order', 'contract']).optional(),
  originId: z.uuid().optional(),
  originNumber: Text(60).optional(),
  ownerUserId: z.uuid().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  notes: Text(2000).optional(),
  lines: z.array(CollectionLineInput).min(1).max(60),
});
export type CollectionPlanInput = z.infer<typeof CollectionPlanInput>;

export const CollectionPlanPatch = z.strictObject({
  version: z.number().int().min(1),
  ownerUserId: z.uuid().optional(),
  notes: Text(2000).optional(),
  lines: z.array(CollectionLineInput).min(1).max(60).optional(),
});
export type CollectionPlanPatch = z.infer<typeof CollectionPlanPatch>;

export const CollectionPlanQuery = ListQuery.extend({
  customerId: z.uuid().optional(),
  ownerUserId: z.uuid().optional(),
  state: z.enum(['open', 'cancelled']).optional(),
  /** Only plans with something still to collect due on or before this date. */
  dueBy: DateString.optional(),
});

export const CollectionLineView = z.object({
  id: z.uuid(),
  position: z.number().int(),
  dueDate: z.string(),
  amount: z.string(),
  collected: z.string(),
  remaining: z.string(),
  status: z.enum(['collected', 'partly', 'due', 'overdue']),
  note: z.string(),
});

export const CollectionPlanView = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    customerName: z.string(),
    originType: z.string().nullable(),
    originId: z.string().nullable(),
    originNumber: z.string().nullable(),
    ownerUserId: z.uuid(),
    ownerName: z.string().nullable(),
    currency: z.string(),
    state: z.enum(['open', 'cancelled']),
    notes: z.string(),
    total: z.string(),
    collected: z.string(),
    remaining: z.string(),
    nextDueDate: z.string().nullable(),
    lines: z.array(CollectionLineView),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'CollectionPlan' });
export type CollectionPlanView = z.infer<typeof CollectionPlanView>;
