import { Decimal } from 'decimal.js';
import type { SupplierPrice } from '../types.ts';

/**
 * The supplier's price a line of `qty` would take today, in the order's currency: valid today, minimum
 * reached, preferred first, then the cheapest — what the server picks when the line has no price.
 */
export function applicablePrice(
  prices: SupplierPrice[],
  productId: string,
  qty: string,
  currency: string,
  today: string,
): SupplierPrice | null {
  let amount: Decimal;
  try {
    amount = new Decimal(qty || '0');
  } catch {
    return null;
  }
  const valid = prices.filter(
    (p) =>
      p.productId === productId &&
      p.currency === currency &&
      (!p.validFrom || p.validFrom <= today) &&
      (!p.validTo || p.validTo >= today) &&
      amount.gte(p.minQty),
  );
  valid.sort(
    (a, b) =>
      Number(b.preferred) - Number(a.preferred) ||
      new Decimal(a.price).comparedTo(b.price) ||
      a.effectiveLeadTimeDays - b.effectiveLeadTimeDays,
  );
  return valid[0] ?? null;
}
