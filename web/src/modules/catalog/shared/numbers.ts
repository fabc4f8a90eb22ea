// Quantities and amounts arrive as decimal strings; they are shown and compared with decimal.js,
// never through a JS number, so '0.1' + '0.2' is '0.3' and a 16-digit amount keeps its cents.
import { Decimal } from 'decimal.js';

/** A decimal string a person may type: digits, an optional point and up to `scale` decimals. */
export function decimalPattern(scale: number, signed = false): RegExp {
  return new RegExp(`^${signed ? '-?' : ''}\\d{1,14}(\\.\\d{1,${scale}})?$`);
}

export const QTY = decimalPattern(4);
export const SIGNED_QTY = decimalPattern(4, true);
export const PRICE = decimalPattern(4);
export const PERCENT = /^(100(\.0{1,4})?|\d{1,2}(\.\d{1,4})?)$/;

export function toDecimal(value: string | null | undefined): Decimal | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  try {
    return new Decimal(value.trim());
  } catch {
    return null;
  }
}

function group(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** '12.5000' → '12.5', '1200' → '1,200'; "—" when absent. */
export function formatQty(value: string | null | undefined): string {
  const d = toDecimal(value ?? null);
  if (!d) return '—';
  const [integer, fraction] = d.abs().toFixed().split('.');
  return `${d.isNegative() ? '-' : ''}${group(integer)}${fraction ? `.${fraction}` : ''}`;
}

/** '1234.5' → 'CNY 1,234.50' (two decimals, thousands grouped); "—" when absent. */
export function formatAmount(value: string | null | undefined, currency?: string | null, scale = 2): string {
  const d = toDecimal(value ?? null);
  if (!d) return '—';
  const rounded = d.toDecimalPlaces(scale, Decimal.ROUND_HALF_UP);
  const [integer, fraction] = rounded.abs().toFixed(scale).split('.');
  // No "-0.00": a negative that rounds to nothing shows as zero.
  const text = `${rounded.isNegative() && !rounded.isZero() ? '-' : ''}${group(integer)}${fraction ? `.${fraction}` : ''}`;
  return currency ? `${currency} ${text}` : text;
}

/** A unit price: at least two decimals, up to four when the price has them. */
export function formatPrice(value: string | null | undefined, currency?: string | null): string {
  const d = toDecimal(value ?? null);
  if (!d) return '—';
  return formatAmount(value, currency, Math.min(4, Math.max(2, d.decimalPlaces())));
}

/** Sign of a decimal string: -1, 0 or 1 (0 when it is not a number). */
export function sign(value: string | null | undefined): number {
  const d = toDecimal(value ?? null);
  return d ? d.comparedTo(0) : 0;
}
