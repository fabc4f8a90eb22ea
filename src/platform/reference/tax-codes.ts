import { z } from 'zod';
import { Translations, Version } from '../http/schemas.ts';
import { Code, NameView, type RefSpec, Stamps, stamps } from './crud.ts';
import { FractionDecimal, plainDecimal } from './decimal.ts';
import { taxCode } from './schema.ts';

const TaxKind = z.enum(['output', 'input']);

export const TaxCodeView = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: NameView,
    kind: TaxKind,
    rate: z.string(),
    priceIncluded: z.boolean(),
    active: z.boolean(),
    ...Stamps,
  })
  .meta({ id: 'TaxCode' });
type TaxCodeView = z.infer<typeof TaxCodeView>;

export const CreateTaxCodeInput = z.strictObject({
  code: Code,
  name: Translations,
  kind: TaxKind,
  rate: FractionDecimal,
  priceIncluded: z.boolean().default(false),
  active: z.boolean().default(true),
});

// Code and kind stay: posted documents keep the tax code they used, and an output tax turned
// input would move amounts between VAT accounts behind the ledger's back.
export const UpdateTaxCodeInput = z.strictObject({
  version: Version,
  name: Translations.optional(),
  rate: FractionDecimal.optional(),
  priceIncluded: z.boolean().optional(),
  active: z.boolean().optional(),
});

export const taxCodes: RefSpec<typeof taxCode, TaxCodeView> = {
  entity: 'platform.tax_code',
  event: 'tax_code',
  noun: 'tax code',
  table: taxCode,
  read: 'platform.reference.read',
  manage: 'platform.reference.manage',
  orderBy: ['code'],
  view: (r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind as 'output' | 'input',
    rate: plainDecimal(r.rate),
    priceIncluded: r.priceIncluded,
    active: r.active,
    ...stamps(r),
  }),
};
