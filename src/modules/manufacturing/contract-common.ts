import { Decimal } from 'decimal.js';
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';

/** A quantity in the product's stock unit: > 0, at most 4 decimals (numeric(18, 4)). */
export const Qty = z
  .string()
  .regex(/^\d{1,14}(\.\d{1,4})?$/, {
    message: 'a decimal string > 0 with up to 4 decimals, such as "12.5"',
    abort: true,
  })
  .refine((s) => new Decimal(s).gt(0), 'must be greater than 0')
  .meta({ id: 'ManufacturingQty' });

/** A quantity that may be 0. */
export const QtyOrZero = z
  .string()
  .regex(/^\d{1,14}(\.\d{1,4})?$/, 'a decimal string ≥ 0 with up to 4 decimals, such as "0"');

/** Company-currency cost per unit, ≥ 0, at most 6 decimals. */
export const UnitCost = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,6})?$/, 'a decimal string ≥ 0 with up to 6 decimals, such as "3.25"');

/** Scrap percentage: 0 ≤ x < 100, at most 3 decimals. */
export const ScrapPct = z
  .string()
  .regex(/^\d{1,2}(\.\d{1,3})?$/, 'a percentage 0 to 99.999 with up to 3 decimals, such as "5"');

export const DateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date YYYY-MM-DD', abort: true })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= '1900-01-01';
  }, 'not a calendar date');

export const LotNo = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^\P{Cc}*$/u, 'no control characters');

export const Notes = z.string().trim().max(2000);

/** A product's name in the reader's language, else Chinese, else English, else the SKU. */
export const productName = (alias: SQL, locale: string) =>
  sql`coalesce(${alias}.name->>${locale}, ${alias}.name->>'zh-CN', ${alias}.name->>'en', ${alias}.sku)`;

/** A `q` filter as a lower-cased LIKE pattern with its wildcards escaped. */
export function likePattern(q: string): string {
  return `%${q
    .trim()
    .toLowerCase()
    .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
