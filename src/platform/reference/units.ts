import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor, Tx } from '../db/tx.ts';
import { notFound } from '../errors.ts';
import { Translations, Version } from '../http/schemas.ts';
import { type Actor, requirePermission } from '../permissions/actor.ts';
import { Code, NameView, type RefSpec, Stamps, stamps } from './crud.ts';
import { PositiveDecimal, plainDecimal, QuantityDecimal } from './decimal.ts';
import { unitOfMeasure } from './schema.ts';
import { convert } from './uom-convert.ts';

export const UnitView = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: NameView,
    category: z.string(),
    factor: z.string(),
    active: z.boolean(),
    ...Stamps,
  })
  .meta({ id: 'Unit' });
type UnitView = z.infer<typeof UnitView>;

const Category = z.string().regex(/^[a-z_]{2,40}$/, 'lower-case letters and _, such as weight');

export const CreateUnitInput = z.strictObject({
  code: Code,
  name: Translations,
  category: Category,
  factor: PositiveDecimal,
  active: z.boolean().default(true),
});

// The category is fixed once created: products and stock hold quantities in a unit on the
// understanding that it converts to its siblings, which a change of category would break.
export const UpdateUnitInput = z.strictObject({
  version: Version,
  name: Translations.optional(),
  factor: PositiveDecimal.optional(),
  active: z.boolean().optional(),
});

export const units: RefSpec<typeof unitOfMeasure, UnitView> = {
  entity: 'platform.uom',
  event: 'uom',
  noun: 'unit',
  table: unitOfMeasure,
  read: 'platform.reference.read',
  manage: 'platform.reference.manage',
  orderBy: ['code'],
  view: (r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    category: r.category,
    factor: plainDecimal(r.factor),
    active: r.active,
    ...stamps(r),
  }),
};

export const ConvertQuery = z.object({
  qty: QuantityDecimal,
  from: Code,
  to: Code,
});

export const ConvertResult = z.object({
  qty: z.string(),
  from: z.string(),
  to: z.string(),
  result: z.string(),
});

/** `qty` of one unit of the company in another (same category, else 422), to 10 decimals. */
export async function convertUnits(ex: Executor, actor: Actor, input: z.infer<typeof ConvertQuery>) {
  requirePermission(actor, 'platform.reference.read');
  const t = unitOfMeasure;
  const found = await (ex as Tx)
    .select({ code: t.code, category: t.category, factor: t.factor })
    .from(t)
    .where(and(eq(t.companyId, actor.companyId), inArray(t.code, [input.from, input.to])));
  const from = found.find((u) => u.code === input.from);
  const to = found.find((u) => u.code === input.to);
  if (!from) throw notFound('unit', input.from);
  if (!to) throw notFound('unit', input.to);
  const result = convert(input.qty, from, to).toDecimalPlaces(10);
  return { qty: plainDecimal(input.qty), from: from.code, to: to.code, result: result.toFixed() };
}
