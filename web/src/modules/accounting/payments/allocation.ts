// Suggesting how a payment settles a partner's open invoices: oldest due first, each up to its residual.
import { Decimal } from 'decimal.js';
import type { InvoiceSummary } from '../types.ts';

/** Invoice id → amount (text) for every invoice that gets part of `amount`, in the given order. */
export function suggestAllocations(amount: string, invoices: InvoiceSummary[]): Record<string, string> {
  let left: Decimal;
  try {
    left = new Decimal(amount || '0');
  } catch {
    return {};
  }
  const out: Record<string, string> = {};
  for (const invoice of invoices) {
    if (left.lte(0)) break;
    const take = Decimal.min(left, new Decimal(invoice.residual));
    if (take.gt(0)) out[invoice.id] = take.toFixed(2);
    left = left.minus(take);
  }
  return out;
}
