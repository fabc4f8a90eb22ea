import { z } from 'zod';
import { ListQuery, Version } from '../../../platform/http/schemas.ts';
import { CurrencyCode, Text } from '../shared.ts';

/** A new party made with the supplier (crm's customer master; the party may later be a customer too). */
export const NewParty = z.strictObject({
  kind: z.enum(['company', 'person']).default('company'),
  name: Text(200).min(1),
  shortName: Text(100).nullable().optional(),
  /** 统一社会信用代码 of a Chinese company (checked by crm). */
  taxId: Text(40).nullable().optional(),
  notes: Text(5000).default(''),
  /** Create even though crm finds likely duplicates (the user looked at them). */
  ignoreDuplicates: z.boolean().default(false),
});

export const SupplierInput = z
  .strictObject({
    /** An existing party (customer) of the company … */
    partyId: z.uuid().optional(),
    /** … or a new one. */
    party: NewParty.optional(),
    /** Default: the next code of the supplier counter (S00001 …). */
    code: Text(40).min(1).optional(),
    paymentTermCode: z.string().max(40).nullable().optional(),
    currency: CurrencyCode.optional(),
    leadTimeDays: z.number().int().min(0).max(3650).default(7),
    active: z.boolean().default(true),
    notes: Text(2000).default(''),
  })
  .refine((v) => (v.partyId ? 1 : 0) + (v.party ? 1 : 0) === 1, {
    message: 'give either partyId or party',
    path: ['partyId'],
  })
  .meta({ id: 'SupplierCreate' });
export type SupplierInput = z.infer<typeof SupplierInput>;

export const SupplierPatch = z.strictObject({
  version: Version,
  code: Text(40).min(1).optional(),
  paymentTermCode: z.string().max(40).nullable().optional(),
  currency: CurrencyCode.optional(),
  leadTimeDays: z.number().int().min(0).max(3650).optional(),
  active: z.boolean().optional(),
  notes: Text(2000).optional(),
});
export type SupplierPatch = z.infer<typeof SupplierPatch>;

export const SupplierView = z
  .object({
    id: z.uuid(),
    partyId: z.uuid(),
    partyCode: z.string(),
    name: z.string(),
    taxId: z.string().nullable(),
    code: z.string(),
    paymentTermCode: z.string().nullable(),
    currency: z.string(),
    leadTimeDays: z.number().int(),
    active: z.boolean(),
    notes: z.string(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Supplier' });
export type SupplierView = z.infer<typeof SupplierView>;

export const SupplierListQuery = ListQuery.extend({
  active: z.enum(['true', 'false']).optional(),
  partyId: z.uuid().optional(),
});
export type SupplierListQuery = z.infer<typeof SupplierListQuery>;
