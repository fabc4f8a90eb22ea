import { Decimal } from 'decimal.js';

export type BillState = 'matched' | 'match_blocked' | 'variance_approved' | 'posted' | 'cancelled';

export interface MatchInput {
  qty: string;
  unitPrice: string;
  /** The PO line's price and what arrived on it that no posted bill has taken yet. */
  orderPrice: string;
  qtyBillable: string;
}

export interface LineMatch {
  priceDiffPct: string;
  qtyDiffPct: string;
  withinTolerance: boolean;
}

const pctOf = (diff: Decimal, base: Decimal) =>
  base.isZero() ? (diff.isZero() ? new Decimal(0) : new Decimal(100)) : diff.div(base).mul(100);

/**
 * The 3-way match of one bill line: the price against the PO price (either way), the quantity against
 * received − already billed (only billing more counts). Both differences in % with 4 decimals; the
 * line passes when neither is above the tolerance.
 */
export function matchLine(l: MatchInput, tolerancePct: string): LineMatch {
  const price = pctOf(new Decimal(l.unitPrice).minus(l.orderPrice).abs(), new Decimal(l.orderPrice));
  const over = Decimal.max(new Decimal(l.qty).minus(l.qtyBillable), 0);
  const qty = pctOf(over, new Decimal(l.qtyBillable));
  const cap = (d: Decimal) => Decimal.min(d, 99999).toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
  return {
    priceDiffPct: cap(price).toFixed(4),
    qtyDiffPct: cap(qty).toFixed(4),
    withinTolerance: price.lte(tolerancePct) && qty.lte(tolerancePct),
  };
}

/** A bill is blocked while any line is outside the tolerance. */
export function stateAfterMatch(lines: LineMatch[]): BillState {
  return lines.every((l) => l.withinTolerance) ? 'matched' : 'match_blocked';
}
