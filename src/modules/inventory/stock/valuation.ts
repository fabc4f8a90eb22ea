import { Decimal } from 'decimal.js';
import type { CostMethod } from '../settings.ts';

/** Company-wide valuation of one product: quantity and value in internal locations, and the unit cost issues use. */
export interface CostState {
  qty: Decimal;
  value: Decimal;
  avgCost: Decimal;
}

export interface Valued {
  unitCost: Decimal;
  value: Decimal;
  next: CostState;
}

export const money = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
export const unitCostOf = (d: Decimal) => d.toDecimalPlaces(6, Decimal.ROUND_HALF_UP);

/**
 * Goods entering internal stock from outside (receipt, positive adjustment, production, return).
 * Moving average: the average becomes total value / total quantity. Monthly average (月末一次加权平均):
 * the average stays what the last close set — issues go out at it until the month is closed — except
 * for a product never costed, which takes the running average so its first issues are not valued at 0.
 */
export function valueIn(
  state: CostState,
  qty: Decimal,
  unitCost: Decimal | null,
  method: CostMethod,
): Valued {
  const cost = unitCostOf(unitCost ?? state.avgCost);
  const value = money(qty.mul(cost));
  const nextQty = state.qty.add(qty);
  const nextValue = state.value.add(value);
  let avg = state.avgCost;
  if (method === 'moving_average' || avg.isZero()) {
    // With negative stock allowed the running ratio can be meaningless; the receipt's cost is then the best guess.
    avg = nextQty.gt(0) && nextValue.gte(0) ? unitCostOf(nextValue.div(nextQty)) : cost;
  }
  return { unitCost: cost, value, next: { qty: nextQty, value: nextValue, avgCost: avg } };
}

/** Goods leaving internal stock (delivery, scrap, negative adjustment, consumption) at the current average. */
export function valueOut(state: CostState, qty: Decimal): Valued {
  const cost = state.avgCost;
  // The last units out take the remaining value, so rounding never leaves value on zero quantity.
  const value = state.qty.eq(qty) ? state.value : money(qty.mul(cost));
  const nextQty = state.qty.sub(qty);
  return { unitCost: cost, value, next: { qty: nextQty, value: state.value.sub(value), avgCost: cost } };
}

/** Month-end weighted average: (opening value + receipts value) / (opening qty + receipts qty). */
export function periodAverage(
  opening: { qty: Decimal; value: Decimal },
  received: { qty: Decimal; value: Decimal },
  fallback: Decimal,
): Decimal {
  const qty = opening.qty.add(received.qty);
  const value = opening.value.add(received.value);
  if (qty.lte(0) || value.lt(0)) return fallback;
  return unitCostOf(value.div(qty));
}
