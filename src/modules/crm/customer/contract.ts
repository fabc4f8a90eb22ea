import { z } from 'zod';

const Money = z.string().regex(/^\d{1,16}(\.\d{1,2})?$/, 'a non-negative amount with at most 2 decimals');
const Text = (max: number) => z.string().trim().max(max);
export const Phone = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[0-9+()\-\s.\uFF10-\uFF19\uFF08\uFF09\uFF0B\uFF0D]+$/, 'digits, spaces, + ( ) - only');

export const AddressInput = z.strictObject({
  kind: z.enum(['billing', 'shipping', 'other']),
  isDefault: z.boolean().default(false),
  countryCode: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .default('CN'),
  regionCode: z
    .string()
    .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/)
    .nullable()
    .optional(),
  city: Text(100).default(''),
  line1: Text(300).min(1),
  line2: Text(300).default(''),
  postalCode: Text(20).default(''),
  contactName: Text(100).default(''),
  phone: z.union([Phone, z.literal('')]).default(''),
});

export const CustomerInput = z.strictObject({
  kind: z.enum(['company', 'person']).default('company'),
  name: Text(200).min(1),
  shortName: Text(100).nullable().optional(),
  taxId: Text(40).nullable().optional(),
  industryCode: z
    .string()
    .regex(/^[a-z0-9_]{1,40}$/)
    .nullable()
    .optional(),
  sourceCode: z
    .string()
    .regex(/^[a-z0-9_]{1,40}$/)
    .nullable()
    .optional(),
  tags: z.array(Text(40).min(1)).max(30).default([]),
  ownerUserId: z.uuid().nullable().optional(),
  teamId: z.uuid().nullable().optional(),
  status: z.enum(['prospect', 'active', 'dormant', 'lost']).default('prospect'),
  creditLimit: Money.nullable().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('CNY'),
  paymentTermCode: z.string().max(40).nullable().optional(),
  notes: Text(5000).default(''),
  addresses: z.array(AddressInput).max(20).default([]),
  /** Create even though likely duplicates exist (the user looked at them). */
  ignoreDuplicates: z.boolean().default(false),
});
export type CustomerInput = z.infer<typeof CustomerInput>;

export const CustomerPatch = z.strictObject({
  version: z.number().int().min(1),
  kind: z.enum(['company', 'person']).optional(),
  name: Text(200).min(1).optional(),
  shortName: Text(100).nullable().optional(),
  taxId: Text(40).nullable().optional(),
  industryCode: z
    .string()
    .regex(/^[a-z0-9_]{1,40}$/)
    .nullable()
    .optional(),
  sourceCode: z
    .string()
    .regex(/^[a-z0-9_]{1,40}$/)
    .nullable()
    .optional(),
  tags: z.array(Text(40).min(1)).max(30).optional(),
  teamId: z.uuid().nullable().optional(),
  status: z.enum(['prospect', 'active', 'dormant', 'lost']).optional(),
  creditLimit: Money.nullable().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  paymentTermCode: z.string().max(40).nullable().optional(),
  notes: Text(5000).optional(),
  ignoreDuplicates: z.boolean().default(false),
});
export type CustomerPatch = z.infer<typeof CustomerPatch>;

export const Address = AddressInput.extend({ id: z.uuid(), version: z.number().int() }).meta({
  id: 'CustomerAddress',
});

export const AddressPatch = z.strictObject({
  version: z.number().int().min(1),
  kind: z.enum(['billing', 'shipping', 'other']).optional(),
  isDefault: z.boolean().optional(),
  countryCode: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  regionCode: z
    .string()
    .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/)
    .nullable()
    .optional(),
  city: Text(100).optional(),
  line1: Text(300).min(1).optional(),
  line2: Text(300).optional(),
  postalCode: Text(20).optional(),
  contactName: Text(100).optional(),
  phone: z.union([Phone, z.literal('')]).optional(),
});
export type AddressPatch = z.infer<typeof AddressPatch>;

export const Customer = z
  .object({
    id: z.uuid(),
    code: z.string(),
    kind: z.enum(['company', 'person']),
    name: z.string(),
    shortName: z.string().nullable(),
    taxId: z.string().nullable(),
    industryCode: z.string().nullable(),
    sourceCode: z.string().nullable(),
    tags: z.array(z.string()),
    ownerUserId: z.uuid().nullable(),
    ownerName: z.string().nullable(),
    teamId: z.uuid().nullable(),
    status: z.enum(['prospect', 'active', 'dormant', 'lost']),
    creditLimit: z.string().nullable().optional(),
    currency: z.string(),
    paymentTermCode: z.string().nullable(),
    notes: z.string(),
    inPool: z.boolean(),
    lastActivityAt: z.string().nullable(),
    mergedIntoId: z.uuid().nullable(),
    addresses: z.array(Address).optional(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Customer' });
export type Customer = z.infer<typeof Customer>;

export const DuplicateCandidate = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    entity: z.enum(['customer', 'lead', 'contact']),
    reasons: z.array(z.enum(['tax_id', 'name', 'similar_name', 'phone', 'email'])),
    score: z.number(),
  })
  .meta({ id: 'DuplicateCandidate' });
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

export const CustomerListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
  q: z.string().trim().max(100).optional(),
  status: z.enum(['prospect', 'active', 'dormant', 'lost']).optional(),
  ownerUserId: z.uuid().optional(),
  tag: z.string().max(40).optional(),
  pool: z.enum(['true', 'false']).optional(),
  sort: z.enum(['name', 'code', 'createdAt', 'lastActivityAt']).default('createdAt'),
});
