import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { ListQuery, Version } from '../../../platform/http/schemas.ts';
import { Amount, DateString } from '../invoice/contract.ts';

export const Direction = z.enum(['inbound', 'outbound']);

export const AllocationInput = z.strictObject({ invoiceId: z.uuid(), amount: Amount });

export const PaymentInput = z.strictObject({
  /** inbound: a customer pays (or a supplier refunds); outbound: we pay a supplier (or refund a customer). */
  direction: Direction,
  partnerId: z.uuid(),
  paymentDate: DateString.optional(),
  /** The bank or cash account (a cash-flow account of the chart). */
  accountId: z.uuid(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD')
    .optional(),
  /** The bank's rate (company currency per unit); default: the rate of the payment date. */
  rate: z
    .string()
    .regex(/^\d{1,10}(\.\d{1,10})?$/, { message: 'a positive decimal', abort: true })
    .refine((s) => new Decimal(s).gt(0), 'must be greater than 0')
    .optional(),
  amount: Amount,
  reference: z.string().trim().max(200).optional(),
  memo: z.string().trim().max(500).optional(),
  allocations: z.array(AllocationInput).max(200).default([]),
});
export type PaymentInput = z.infer<typeof PaymentInput>;

export const AllocateInput = z.strictObject({
  version: Version.optional(),
  date: DateString.optional(),
  allocations: z.array(AllocationInput).min(1).max(200),
});
export type AllocateInput = z.infer<typeof AllocateInput>;

export const PaymentListQuery = ListQuery.extend({
  direction: Direction.optional(),
  partnerId: z.uuid().optional(),
  /** Only payments with an unallocated rest (a partner's credit). */
  unallocated: z.enum(['true', 'false']).optional(),
});
export type PaymentListQuery = z.infer<typeof PaymentListQuery>;

export const PaymentAllocationView = z.object({
  id: z.uuid(),
  invoiceId: z.uuid(),
  invoiceNumber: z.string().nullable(),
  date: z.string(),
  amount: z.string(),
  invoiceAmountCompany: z.string(),
  paymentAmountCompany: z.string(),
  fxDifference: z.string(),
  entryId: z.uuid().nullable(),
});

export const PaymentSummary = z
  .object({
    id: z.uuid(),
    direction: Direction,
    number: z.string(),
    state: z.string(),
    partnerId: z.uuid(),
    partnerName: z.string().nullable(),
    paymentDate: z.string(),
    accountId: z.uuid(),
    currency: z.string(),
    rate: z.string(),
    amount: z.string(),
    amountCompany: z.string(),
    unallocated: z.string(),
    unallocatedCompany: z.string(),
    reference: z.string(),
    memo: z.string(),
    entryId: z.uuid().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'PaymentSummary' });

export const PaymentView = PaymentSummary.extend({ allocations: z.array(PaymentAllocationView) }).meta({
  id: 'Payment',
});
export type PaymentView = z.infer<typeof PaymentView>;
