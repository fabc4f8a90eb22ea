import { z } from 'zod';
import { Translations, Version } from '../../../platform/http/schemas.ts';
import { ACCOUNT_ROLES } from './roles.ts';

const AccountType = z.enum(['asset', 'liability', 'equity', 'income', 'expense']);
const Role = z.enum(ACCOUNT_ROLES);

export const Account = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.record(z.string(), z.string()),
    type: AccountType,
    parentId: z.uuid().nullable(),
    reconcilable: z.boolean(),
    currency: z.string().nullable(),
    role: Role.nullable(),
    cashFlow: z.boolean(),
    active: z.boolean(),
    /** It has sub-accounts, so it takes no postings itself. */
    hasChildren: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'Account' });
export type Account = z.infer<typeof Account>;

export const AccountCreate = z
  .strictObject({
    code: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.-]{0,19}$/, 'letters, digits, . and - (up to 20)'),
    name: Translations,
    type: AccountType,
    parentId: z.uuid().nullable().optional(),
    reconcilable: z.boolean().optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .nullable()
      .optional(),
    cashFlow: z.boolean().optional(),
  })
  .meta({ id: 'AccountCreate' });
export type AccountCreate = z.infer<typeof AccountCreate>;

export const AccountPatch = z
  .strictObject({
    version: Version,
    name: Translations.optional(),
    reconcilable: z.boolean().optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .nullable()
      .optional(),
    cashFlow: z.boolean().optional(),
    active: z.boolean().optional(),
    /** Gives this account the role (taking it from the account that had it), or null to drop its role. */
    role: Role.nullable().optional(),
  })
  .meta({ id: 'AccountPatch' });
export type AccountPatch = z.infer<typeof AccountPatch>;

export const AccountListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(500),
  cursor: z.string().max(200).optional(),
  q: z.string().max(200).optional(),
  type: AccountType.optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});
export type AccountListQuery = z.infer<typeof AccountListQuery>;

export const Journal = z
  .object({ id: z.uuid(), code: z.string(), name: z.record(z.string(), z.string()), voucherWord: z.string() })
  .meta({ id: 'Journal' });
