import { z } from 'zod';
import { Version } from '../../../platform/http/schemas.ts';

export const Period = z
  .object({
    id: z.uuid(),
    fiscalYearId: z.uuid(),
    year: z.number().int(),
    month: z.number().int(),
    startDate: z.string(),
    endDate: z.string(),
    state: z.enum(['open', 'closed']),
    version: z.number().int(),
  })
  .meta({ id: 'FiscalPeriod' });

export const FiscalYear = z
  .object({
    id: z.uuid(),
    year: z.number().int(),
    startDate: z.string(),
    endDate: z.string(),
    state: z.enum(['open', 'closed']),
    closingEntryId: z.uuid().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'FiscalYear' });
export type FiscalYear = z.infer<typeof FiscalYear>;

export const PeriodListQuery = z.object({
  year: z.coerce.number().int().min(1970).max(2199).optional(),
  /** Makes the month holding this date if it does not exist yet (periods are made on demand). */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});

export const VersionBody = z.strictObject({ version: Version });
