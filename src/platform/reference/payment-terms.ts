import { z } from 'zod';
import { Translations, Version } from '../http/schemas.ts';
import { Code, NameView, type RefSpec, Stamps, stamps } from './crud.ts';
import { paymentTerm } from './schema.ts';

export const PaymentTermView = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: NameView,
    dueDays: z.number().int(),
    endOfMonth: z.boolean(),
    active: z.boolean(),
    ...Stamps,
  })
  .meta({ id: 'PaymentTerm' });
type PaymentTermView = z.infer<typeof PaymentTermView>;

const DueDays = z.number().int().min(0).max(3650);

export const CreatePaymentTermInput = z.strictObject({
  code: Code,
  name: Translations,
  dueDays: DueDays,
  endOfMonth: z.boolean().default(false),
  active: z.boolean().default(true),
});

export const UpdatePaymentTermInput = z.strictObject({
  version: Version,
  name: Translations.optional(),
  dueDays: DueDays.optional(),
  endOfMonth: z.boolean().optional(),
  active: z.boolean().optional(),
});

export const paymentTerms: RefSpec<typeof paymentTerm, PaymentTermView> = {
  entity: 'platform.payment_term',
  event: 'payment_term',
  noun: 'payment term',
  table: paymentTerm,
  read: 'platform.reference.read',
  manage: 'platform.reference.manage',
  orderBy: ['code'],
  view: (r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    dueDays: r.dueDays,
    endOfMonth: r.endOfMonth,
    active: r.active,
    ...stamps(r),
  }),
};
