import { Decimal } from 'decimal.js';
import { z } from 'zod';

// Rates, factors and quantities travel as decimal strings: a JS number would round them, and
// exponent or NaN spellings ('1e5', 'NaN', 'Infinity') are not amounts a person typed.
const UNSIGNED = /^\d{1,10}(\.\d{1,10})?$/;

/** A decimal string > 0 with up to 10 digits either side, as `numeric(20, 10)` stores it. */
export const PositiveDecimal = z
  .string()
  .regex(UNSIGNED, {
    message: 'a decimal string such as "7.25" (up to 10 digits before and after the point)',
    // Stop here: the refinement below must only ever see a well-formed decimal.
    abort: true,
  })
  .refine((s) => new Decimal(s).gt(0), 'must be greater than 0')
  .meta({ id: 'PositiveDecimal' });

/** A rate 0 ≤ r < 1 with up to 6 decimals (`numeric(9, 6)`): '0.13' is 13 %. */
export const FractionDecimal = z
  .string()
  .regex(/^0(\.\d{1,6})?$/, 'a decimal string 0 ≤ r < 1 with up to 6 decimals, such as "0.13"')
  .meta({ id: 'FractionDecimal' });

/** A signed quantity as a decimal string (conversions of returns are negative). */
export const QuantityDecimal = z
  .string()
  .regex(/^-?\d{1,14}(\.\d{1,10})?$/, 'a decimal string such as "12.5"')
  .meta({ id: 'QuantityDecimal' });

/** `numeric` text from the database without trailing zeros: '0.130000' → '0.13'. */
export function plainDecimal(value: string | number): string {
  return new Decimal(value).toFixed();
}
