import { z } from 'zod';
import { Version } from '../../../platform/http/schemas.ts';
import { JOURNAL_CODES } from './entry.ts';

const Amount = z.string().regex(/^\d{1,16}(\.\d{1,2})?$/, 'an amount with up to 2 decimals');
const SignedAmount = z.string().regex(/^-?\d{1,16}(\.\d{1,2})?$/, 'a signed amount with up to 2 decimals');
const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const EntryLineIn = z.strictObject({
  accountId: z.uuid(),
  debit: Amount.optional(),
  credit: Amount.optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  amountCurrency: SignedAmount.optional(),
  rate: z
    .string()
    .regex(/^\d{1,10}(\.\d{1,8})?$/)
    .optional(),
  partnerId: z.uuid().nullable().optional(),
  departmentId: z.uuid().nullable().optional(),
  project: z.string().max(100).nullable().optional(),
  description: z.string().max(500).optional(),
});

export const EntryCreate = z
  .strictObject({
    journal: z.enum(JOURNAL_CODES as [string, ...string[]]).default('general'),
    date: DateText,
    memo: z.string().max(500).default(''),
    lines: z.array(EntryLineIn).max(500),
  })
  .meta({ id: 'JournalEntryCreate' });
export type EntryCreate = z.infer<typeof EntryCreate>;

export const EntryPatch = z
  .strictObject({
    version: Version,
    journal: z.enum(JOURNAL_CODES as [string, ...string[]]).optional(),
    date: DateText.optional(),
    memo: z.string().max(500).optional(),
    lines: z.array(EntryLineIn).max(500).optional(),
  })
  .meta({ id: 'JournalEntryPatch' });
export type EntryPatch = z.infer<typeof EntryPatch>;

export const VersionBody = z.strictObject({ version: Version });
export const ReverseBody = z.strictObject({
  date: DateText.optional(),
  memo: z.string().max(500).optional(),
});

export const EntryLineOut = z.object({
  lineNo: z.number().int(),
  accountId: z.uuid(),
  accountCode: z.string(),
  debit: z.string(),
  credit: z.string(),
  currency: z.string(),
  amountCurrency: z.string(),
  rate: z.string(),
  partnerId: z.uuid().nullable(),
  departmentId: z.uuid().nullable(),
  project: z.string().nullable(),
  description: z.string(),
});

export const Entry = z
  .object({
    id: z.uuid(),
    journal: z.string(),
    date: z.string(),
    periodId: z.uuid(),
    state: z.enum(['draft', 'posted']),
    voucher: z.string().nullable(),
    voucherWord: z.string(),
    voucherNumber: z.number().int().nullable(),
    memo: z.string(),
    source: z.object({ type: z.string(), id: z.uuid() }).nullable(),
    reversalOf: z.uuid().nullable(),
    reversedBy: z.uuid().nullable(),
    preparerId: z.uuid().nullable(),
    reviewerId: z.uuid().nullable(),
    posterId: z.uuid().nullable(),
    preparerName: z.string().nullable(),
    reviewerName: z.string().nullable(),
    posterName: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    postedAt: z.string().nullable(),
    attachmentsCount: z.number().int(),
    totalDebit: z.string(),
    totalCredit: z.string(),
    lines: z.array(EntryLineOut),
    version: z.number().int(),
  })
  .meta({ id: 'JournalEntry' });
export type Entry = z.infer<typeof Entry>;

export const EntryListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  q: z.string().max(200).optional(),
  from: DateText.optional(),
  to: DateText.optional(),
  state: z.enum(['draft', 'posted']).optional(),
  journal: z.enum(JOURNAL_CODES as [string, ...string[]]).optional(),
  accountId: z.uuid().optional(),
  periodId: z.uuid().optional(),
});
export type EntryListQuery = z.infer<typeof EntryListQuery>;

export const PostResult = z.object({ id: z.uuid(), voucher: z.string() }).meta({ id: 'JournalEntryPosted' });
