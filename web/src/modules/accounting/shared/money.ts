// Sums and differences of decimal strings for the editors (never through a JS number).
import { Decimal } from 'decimal.js';
import { toDecimal } from '../../catalog/shared/numbers.ts';

/** An amount a person may type in a voucher or payment: up to 2 decimals, not negative. */
export const AMOUNT = /^\d{1,16}(\.\d{1,2})?$/;

export function sum(values: (string | null | undefined)[]): Decimal {
  return values.reduce<Decimal>((total, value) => total.plus(toDecimal(value ?? null) ?? 0), new Decimal(0));
}

/** A positive amount with 2 decimals, or null when the text is empty, zero or not an amount. */
export function positiveAmount(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  if (!AMOUNT.test(trimmed)) return null;
  const value = new Decimal(trimmed);
  return value.gt(0) ? value.toFixed(2) : null;
}

/** Decimal → '1234.50'. */
export function fixed(value: Decimal): string {
  return value.toFixed(2);
}
