// The quote form's live totals, by the same rule the server books (src/modules/sales/document/amounts.ts,
// README "Rounding"): each line rounded half-up to cents first, tax per line, header = Σ rounded lines.
// decimal.js only: a JS number would turn 0.1 × 3 into 0.30000000000000004.
import { Decimal } from 'decimal.js';

const cents = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

export interface LineFigures {
  qty: string;
  unitPrice: string;
  discountPercent: string;
  /** 0.13 = 13 %. */
  taxRate: string;
  taxIncluded: boolean;
}

export interface LineAmounts {
  subtotal: string;
  tax: string;
  total: string;
}

function parse(value: string | null | undefined): Decimal | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  try {
    const d = new Decimal(value.trim());
    return d.isFinite() ? d : null;
  } catch {
    return null;
  }
}

/** A line's amounts, or null while one of its figures is not (yet) a number. */
export function lineAmounts(line: LineFigures): LineAmounts | null {
  const qty = parse(line.qty);
  const price = parse(line.unitPrice);
  const discount = parse(line.discountPercent || '0');
  const rate = parse(line.taxRate || '0');
  if (!qty || !price || !discount || !rate || discount.lt(0) || discount.gt(100)) return null;
  const extended = cents(qty.mul(price).mul(new Decimal(100).minus(discount)).div(100));
  if (line.taxIncluded) {
    const tax = cents(extended.mul(rate).div(rate.plus(1)));
    return { subtotal: extended.minus(tax).toFixed(2), tax: tax.toFixed(2), total: extended.toFixed(2) };
  }
  const tax = cents(extended.mul(rate));
  return { subtotal: extended.toFixed(2), tax: tax.toFixed(2), total: extended.plus(tax).toFixed(2) };
}

export interface Totals {
  subtotal: string;
  taxTotal: string;
  total: string;
  /** Lines left out because a figure is missing or not a number. */
  incomplete: number;
}

export function documentTotals(lines: (LineAmounts | null)[]): Totals {
  let subtotal = new Decimal(0);
  let tax = new Decimal(0);
  let total = new Decimal(0);
  let incomplete = 0;
  for (const line of lines) {
    if (!line) {
      incomplete += 1;
      continue;
    }
    subtotal = subtotal.plus(line.subtotal);
    tax = tax.plus(line.tax);
    total = total.plus(line.total);
  }
  return { subtotal: subtotal.toFixed(2), taxTotal: tax.toFixed(2), total: total.toFixed(2), incomplete };
}

/** How much of `needed` is missing from `available` (both in stock units); '0' when covered. */
export function shortfall(needed: string, available: string): string {
  const need = parse(needed);
  const have = parse(available);
  if (!need || !have) return '0';
  const short = need.minus(have.isNegative() ? 0 : have);
  return short.gt(0) ? short.toFixed() : '0';
}

/** A quantity in the line's unit → stock units, through a packaging factor (1 for the stock unit). */
export function toBase(qty: string, factor: string): string | null {
  const q = parse(qty);
  const f = parse(factor);
  return q && f ? q.mul(f).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed() : null;
}
