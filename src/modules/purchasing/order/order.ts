import { Decimal } from 'decimal.js';
import { unprocessable } from '../../../platform/errors.ts';

export type OrderState =
  | 'draft'
  | 'awaiting_approval'
  | 'sent'
  | 'confirmed'
  | 'partly_received'
  | 'received'
  | 'billed'
  | 'closed'
  | 'cancelled';

/** Every allowed state change; nothing else writes `state`. */
const TRANSITIONS: Record<OrderState, OrderState[]> = {
  draft: ['sent', 'awaiting_approval', 'confirmed', 'cancelled'],
  sent: ['draft', 'awaiting_approval', 'confirmed', 'cancelled'],
  awaiting_approval: ['confirmed', 'draft', 'cancelled'],
  confirmed: ['partly_received', 'received', 'cancelled', 'closed'],
  partly_received: ['received', 'closed'],
  received: ['billed', 'closed'],
  billed: ['closed'],
  closed: [],
  cancelled: [],
};

/** 422 `purchasing.invalid_transition` unless the change is in the table. */
export function transition(from: OrderState, to: OrderState): OrderState {
  if (!TRANSITIONS[from]?.includes(to))
    throw unprocessable('purchasing.invalid_transition', `A purchase order cannot go from ${from} to ${to}`, {
      from,
      to,
    });
  return to;
}

/** Orders still editable (an RFQ). */
export const EDITABLE: OrderState[] = ['draft', 'sent'];

export interface LineFigures {
  qty: string;
  unitPrice: string;
  taxRate: string;
  taxIncluded: boolean;
}

/**
 * One line's amounts rounded to the cent on their own (as accounting's bills do): exclusive of tax,
 * tax = round(subtotal × rate); a price including tax, tax = round(total × rate / (1 + rate)).
 */
export function lineAmounts(l: LineFigures) {
  const gross = new Decimal(l.qty).mul(l.unitPrice).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const rate = new Decimal(l.taxRate);
  if (l.taxIncluded) {
    const tax = gross.mul(rate).div(rate.plus(1)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    return { subtotal: gross.minus(tax).toFixed(2), tax: tax.toFixed(2), total: gross.toFixed(2) };
  }
  const tax = gross.mul(rate).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return { subtotal: gross.toFixed(2), tax: tax.toFixed(2), total: gross.plus(tax).toFixed(2) };
}

export function orderTotals(lines: Array<{ subtotal: string; tax: string; total: string }>, rate: string) {
  const sum = (k: 'subtotal' | 'tax' | 'total') => lines.reduce((a, l) => a.plus(l[k]), new Decimal(0));
  const total = sum('total');
  return {
    subtotal: sum('subtotal').toFixed(2),
    taxTotal: sum('tax').toFixed(2),
    total: total.toFixed(2),
    totalCompany: total.mul(rate).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
  };
}

/** The unit cost a receipt values the goods at: the net unit price in company currency. */
export function unitCostCompany(l: { qty: string; subtotal: string }, rate: string): string {
  return new Decimal(l.subtotal).mul(rate).div(l.qty).toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toString();
}

/** After goods arrived: received when every line has all its quantity, else partly received. */
export function stateAfterReceipt(lines: Array<{ qty: string; qtyReceived: string }>): OrderState {
  return lines.every((l) => new Decimal(l.qtyReceived).gte(l.qty)) ? 'received' : 'partly_received';
}

/** Needs approval when an amount is set and the company-currency total is above it. */
export function needsApproval(totalCompany: string, approvalAmount: string | null): boolean {
  return approvalAmount !== null && new Decimal(totalCompany).gt(approvalAmount);
}
