// The money rules of quotes and orders (README.md "Rounding"): pure, decimal.js only, no I/O.
import { Decimal } from 'decimal.js';

const HALF_UP = Decimal.ROUND_HALF_UP;
const cents = (d: Decimal) => d.toDecimalPlaces(2, HALF_UP);

export interface LineFigures {
  /** In the line's own unit. */
  qty: Decimal.Value;
  /** Per unit of the line's unit, in the document currency. */
  unitPrice: Decimal.Value;
  /** 0–100. */
  discountPercent: Decimal.Value;
  /** 0.13 = 13 %. */
  taxRate: Decimal.Value;
  /** The price already contains the tax (价税合计). */
  taxIncluded: boolean;
}

export interface LineAmounts {
  /** Net of tax. */
  subtotal: string;
  tax: string;
  total: string;
}

/**
 * One line: the extended amount qty × price × (1 − discount/100) rounded half-up to cents first; then,
 * for a tax-exclusive price, tax = round(net × rate) and total = net + tax; for a tax-inclusive price
 * the rounded amount is the total, tax = round(total × rate / (1 + rate)) and net = total − tax. So
 * net + tax = total always holds to the cent on every line.
 */
export function lineAmounts(line: LineFigures): LineAmounts {
  const discount = new Decimal(line.discountPercent);
  if (discount.lt(0) || discount.gt(100)) throw new RangeError('discountPercent must be within 0–100');
  const rate = new Decimal(line.taxRate);
  const extended = cents(
    new Decimal(line.qty).mul(line.unitPrice).mul(new Decimal(100).minus(discount)).div(100),
  );
  if (line.taxIncluded) {
    const tax = cents(extended.mul(rate).div(rate.plus(1)));
    return { subtotal: extended.minus(tax).toFixed(2), tax: tax.toFixed(2), total: extended.toFixed(2) };
  }
  const tax = cents(extended.mul(rate));
  return { subtotal: extended.toFixed(2), tax: tax.toFixed(2), total: extended.plus(tax).toFixed(2) };
}

export interface DocumentTotals {
  subtotal: string;
  taxTotal: string;
  total: string;
  /** The total in the company currency: round(total × exchangeRate). */
  totalCompany: string;
}

/** Header totals are sums of the rounded line amounts (never re-rounded), so lines always add up. */
export function documentTotals(lines: LineAmounts[], exchangeRate: Decimal.Value): DocumentTotals {
  let subtotal = new Decimal(0);
  let tax = new Decimal(0);
  let total = new Decimal(0);
  for (const l of lines) {
    subtotal = subtotal.plus(l.subtotal);
    tax = tax.plus(l.tax);
    total = total.plus(l.total);
  }
  return {
    subtotal: subtotal.toFixed(2),
    taxTotal: tax.toFixed(2),
    total: total.toFixed(2),
    totalCompany: cents(total.mul(exchangeRate)).toFixed(2),
  };
}

/**
 * The price per unit of the line's unit from a price per stock unit: × qtyBase / qty, rounded half-up
 * to 4 decimals (the column's scale). A box of 12 at 1.5 per piece is 18 per box.
 */
export function priceInLineUnit(
  priceBase: Decimal.Value,
  qty: Decimal.Value,
  qtyBase: Decimal.Value,
): string {
  return new Decimal(priceBase).mul(qtyBase).div(qty).toDecimalPlaces(4, HALF_UP).toFixed(4);
}

/** Numeric text without trailing zeros ('12.5000' → '12.5'), for people and mail. */
export function plain(value: Decimal.Value): string {
  return new Decimal(value).toFixed();
}
