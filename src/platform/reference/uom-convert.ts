import { Decimal } from 'decimal.js';
import { unprocessable } from '../errors.ts';

/** What a conversion needs to know about a unit (a row of platform_uom). */
export interface UnitLike {
  code: string;
  category: string;
  /** Reference units of the category in one of this unit, as a decimal string ('12' for a box of 12). */
  factor: string;
}

// Factors have up to 20 significant digits and so may quantities: 40 keeps the product exact,
// and a division (1 piece in boxes of 12) is cut only in the 40th digit.
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/**
 * `qty` of `from` expressed in `to`, through the category's reference unit. Units of different
 * categories (kilograms and metres) cannot be converted: 422. Callers round to the precision
 * their document needs.
 */
export function convert(qty: Decimal.Value, from: UnitLike, to: UnitLike): Decimal {
  if (from.category !== to.category)
    throw unprocessable(
      'uom.category_mismatch',
      `Cannot convert ${from.code} (${from.category}) to ${to.code} (${to.category})`,
      {
        from: from.code,
        to: to.code,
        fromCategory: from.category,
        toCategory: to.category,
      },
    );
  const amount = new D(qty);
  if (from.code === to.code) return amount;
  const fromFactor = new D(from.factor);
  const toFactor = new D(to.factor);
  if (!fromFactor.gt(0) || !toFactor.gt(0))
    throw unprocessable('uom.bad_factor', 'A unit factor must be greater than 0', {
      from: from.code,
      to: to.code,
    });
  return amount.times(fromFactor).dividedBy(toFactor);
}
