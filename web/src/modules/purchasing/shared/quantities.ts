import { Decimal } from 'decimal.js';
import type { OrderLine } from '../types.ts';

/** What of a line was received and is neither billed nor returned yet. */
export function billableQty(line: OrderLine): Decimal {
  return Decimal.max(new Decimal(line.qtyReceived).minus(line.qtyBilled).minus(line.qtyReturned), 0);
}

/** What of a line is still to arrive (never below zero). */
export function openQty(line: OrderLine): Decimal {
  return Decimal.max(new Decimal(line.qty).minus(line.qtyReceived), 0);
}
