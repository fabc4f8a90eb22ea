import { z } from 'zod';
import { DateString } from '../invoice/contract.ts';

export const RevaluationInput = z.strictObject({
  /** The month-end date (the day's exchange rates, or the last before it); one revaluation per month. */
  date: DateString,
});

export const RevaluationView = z
  .object({
    id: z.uuid(),
    month: z.string(),
    date: z.string(),
    entryId: z.uuid().nullable(),
    reversalEntryId: z.uuid().nullable(),
    rates: z.record(z.string(), z.string()),
    documents: z.array(
      z.object({
        invoiceId: z.uuid(),
        number: z.string(),
        kind: z.string(),
        partnerId: z.uuid(),
        currency: z.string(),
        residual: z.string(),
        bookedCompany: z.string(),
        rate: z.string(),
        revaluedCompany: z.string(),
        difference: z.string(),
      }),
    ),
    totalGain: z.string(),
    totalLoss: z.string(),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'Revaluation' });

export const RevaluationListQuery = z.object({
  year: z.coerce.number().int().min(1970).max(2199).optional(),
});
