import { z } from 'zod';
import { Version } from '../../../platform/http/schemas.ts';
import { CustomerInput, DuplicateCandidate, Phone } from '../customer/contract.ts';
import { BusinessDate, OpportunityView } from '../opportunity/contract.ts';

const Text = (max: number) => z.string().trim().max(max);
export const Code = z.string().regex(/^[a-z0-9][a-z0-9_]{0,39}$/, 'a dictionary code: a-z, 0-9 and _');
/** ISO 3166-2 with an optional further level (`CN`, `CN-SH`, `CN-SH-PD`); rules match it by prefix. */
export const RegionCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3}){0,2}$/, 'a region code such as CN-SH');
// An empty field from a form means no email.
const Email = z.union([z.string().trim().max(254).pipe(z.email()), z.literal('')]);

export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'converted', 'lost'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const LeadInput = z.strictObject({
  companyName: Text(200).default(''),
  contactName: Text(100).min(1),
  phone: z.union([Phone, z.literal('')]).default(''),
  email: Email.nullable().optional(),
  regionCode: RegionCode.nullable().optional(),
  sourceCode: Code.nullable().optional(),
  message: Text(5000).default(''),
  /** Someone else than you: needs them to be an active member; you are the owner otherwise. */
  ownerUserId: z.uuid().nullable().optional(),
  teamId: z.uuid().nullable().optional(),
});
export type LeadInput = z.infer<typeof LeadInput>;

export const LeadPatch = z.strictObject({
  version: Version,
  companyName: Text(200).optional(),
  contactName: Text(100).min(1).optional(),
  phone: z.union([Phone, z.literal('')]).optional(),
  email: Email.nullable().optional(),
  regionCode: RegionCode.nullable().optional(),
  sourceCode: Code.nullable().optional(),
  message: Text(5000).optional(),
  teamId: z.uuid().nullable().optional(),
  /** new → contacted → qualified, or lost (with lostReasonCode); converted only through convert. */
  status: z.enum(['new', 'contacted', 'qualified', 'lost']).optional(),
  lostReasonCode: Code.optional(),
});
export type LeadPatch = z.infer<typeof LeadPatch>;

export const LeadAssignInput = z.strictObject({
  version: Version,
  /** The new owner; leave it out to let the assignment rules decide. */
  ownerUserId: z.uuid().optional(),
  reason: Text(500).optional(),
});
export type LeadAssignInput = z.infer<typeof LeadAssignInput>;

export const Lead = z
  .object({
    id: z.uuid(),
    status: z.enum(LEAD_STATUSES),
    sourceCode: z.string().nullable(),
    companyName: z.string(),
    contactName: z.string(),
    phone: z.string(),
    email: z.string().nullable(),
    regionCode: z.string().nullable(),
    message: z.string(),
    ownerUserId: z.uuid().nullable(),
    ownerName: z.string().nullable(),
    teamId: z.uuid().nullable(),
    lostReasonCode: z.string().nullable(),
    formId: z.uuid().nullable(),
    convertedCustomerId: z.uuid().nullable(),
    convertedContactId: z.uuid().nullable(),
    convertedOpportunityId: z.uuid().nullable(),
    convertedAt: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Lead' });
export type Lead = z.infer<typeof Lead>;

/** A new lead is never refused for looking like a duplicate (leads are cheap): the candidates come back. */
export const CreatedLead = Lead.extend({ duplicates: z.array(DuplicateCandidate) }).meta({
  id: 'CreatedLead',
});

export const LeadListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
  q: z.string().trim().max(100).optional(),
  status: z.enum(LEAD_STATUSES).optional(),
  ownerUserId: z.uuid().optional(),
  sourceCode: Code.optional(),
  formId: z.uuid().optional(),
});
export type LeadListQuery = z.infer<typeof LeadListQuery>;

const NewCustomer = CustomerInput.pick({
  kind: true,
  shortName: true,
  taxId: true,
  industryCode: true,
  tags: true,
  notes: true,
  ignoreDuplicates: true,
}).extend({
  mode: z.literal('new'),
  /** The lead's company name (or contact name for a person) unless given. */
  name: Text(200).min(1).optional(),
  kind: z.enum(['company', 'person']).optional(),
});

export const ConvertOpportunity = z.strictObject({
  name: Text(200).min(1),
  amount: z.string().regex(/^\d{1,16}(\.\d{1,2})?$/, 'a non-negative amount with at most 2 decimals'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('CNY'),
  expectedCloseDate: BusinessDate.nullable().optional(),
});

export const ConvertLeadInput = z
  .strictObject({
    version: Version,
    customer: z.discriminatedUnion('mode', [
      NewCustomer,
      z.strictObject({ mode: z.literal('existing'), customerId: z.uuid() }),
    ]),
    createOpportunity: z.boolean().default(false),
    opportunity: ConvertOpportunity.optional(),
  })
  .refine((v) => !v.createOpportunity || v.opportunity !== undefined, {
    message: 'opportunity is required when createOpportunity is true',
    path: ['opportunity'],
  });
export type ConvertLeadInput = z.infer<typeof ConvertLeadInput>;

export const ConvertedLead = z
  .object({
    lead: Lead,
    customerId: z.uuid(),
    contactId: z.uuid(),
    opportunity: OpportunityView.nullable(),
  })
  .meta({ id: 'ConvertedLead' });
