import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Executor, one } from '../db/tx.ts';
import { unprocessable } from '../errors.ts';
import { Translations, Version } from '../http/schemas.ts';
import { NameView, type RefSpec, Stamps, stamps } from './crud.ts';
import { currency } from './schema.ts';

export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD');

export const CurrencyView = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: NameView,
    symbol: z.string(),
    decimals: z.number().int(),
    active: z.boolean(),
    ...Stamps,
  })
  .meta({ id: 'Currency' });
type CurrencyView = z.infer<typeof CurrencyView>;

const CurrencySymbol = z.string().trim().max(8);
const Decimals = z.number().int().min(0).max(4);

export const CreateCurrencyInput = z.strictObject({
  code: CurrencyCode,
  name: Translations,
  symbol: CurrencySymbol.default(''),
  decimals: Decimals.default(2),
  active: z.boolean().default(true),
});

// The code is not editable: exchange rates and every document line refer to a currency by code.
export const UpdateCurrencyInput = z.strictObject({
  version: Version,
  name: Translations.optional(),
  symbol: CurrencySymbol.optional(),
  decimals: Decimals.optional(),
  active: z.boolean().optional(),
});

/** The company's own currency: its books are kept in it, so it is always 1 and always active. */
export async function companyCurrency(ex: Executor, companyId: string): Promise<string> {
  const row = await one<{ currency: string }>(
    ex,
    sql`select currency from platform_company where id = ${companyId}`,
  );
  return row?.currency ?? 'CNY';
}

export const currencies: RefSpec<typeof currency, CurrencyView> = {
  entity: 'platform.currency',
  event: 'currency',
  noun: 'currency',
  table: currency,
  read: 'platform.reference.read',
  manage: 'platform.reference.manage',
  orderBy: ['code'],
  view: (r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    symbol: r.symbol,
    decimals: r.decimals,
    active: r.active,
    ...stamps(r),
  }),
  async beforeChange(tx, actor, before, patch) {
    if (patch.active === false && before.code === (await companyCurrency(tx, actor.companyId)))
      throw unprocessable('currency.company_currency', 'The company currency cannot be deactivated', {
        currency: before.code,
      });
  },
};
