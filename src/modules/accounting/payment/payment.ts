// The money rules of payments and allocations (README.md "Payments"): pure, decimal.js only, no I/O.
import { Decimal } from 'decimal.js';
import { unprocessable } from '../../../platform/errors.ts';
import type { InvoiceKind } from '../invoice/invoice.ts';
import { cents } from '../invoice/invoice.ts';

export type Direction = 'inbound' | 'outbound';

/** Money in settles customer invoices and supplier credit notes; money out settles bills and customer credit notes. */
export function settles(direction: Direction, kind: InvoiceKind): boolean {
  return direction === 'inbound'
    ? kind === 'customer_invoice' || kind === 'supplier_credit_note'
    : kind === 'supplier_bill' || kind === 'customer_credit_note';
}

export interface OpenInvoice {
  id: string;
  number: string;
  kind: InvoiceKind;
  currency: string;
  rate: string;
  residual: string;
  residualCompany: string;
}

export interface Settlement {
  invoiceId: string;
  amount: string;
  /** What leaves the invoice's residual in company currency (at the invoice rate; the rest when settled in full). */
  invoiceAmountCompany: string;
  /** What it is worth at the payment's rate. */
  paymentAmountCompany: string;
  /** + gain, − loss, from the company's point of view. */
  fxDifference: string;
  /** +1 when more payment value than invoice value is a gain (money in clearing a receivable), else −1. */
  fxSign: 1 | -1;
  residual: string;
  residualCompany: string;
}

/**
 * One allocation of `amount` (invoice currency) to an open invoice at the payment's rate. The invoice side
 * is valued at the invoice's own rate, so a fully settled invoice leaves exactly zero in company currency;
 * the gap to the payment's value is the realised exchange difference: money in worth more than the
 * receivable it clears is a gain, money out worth more than the payable it clears is a loss.
 */
export function settle(
  direction: Direction,
  inv: OpenInvoice,
  amount: Decimal.Value,
  paymentRate: Decimal.Value,
): Settlement {
  const a = new Decimal(amount);
  const residual = new Decimal(inv.residual);
  if (a.lte(0))
    throw unprocessable('accounting.allocation_invalid', 'An allocation is a positive amount', {
      invoiceId: inv.id,
    });
  if (a.gt(residual))
    throw unprocessable(
      'accounting.allocation_exceeds_residual',
      'The allocation is more than the invoice still owes',
      {
        invoiceId: inv.id,
        number: inv.number,
        residual: residual.toFixed(2),
        amount: a.toFixed(2),
      },
    );
  const full = a.eq(residual);
  const residualCompany = new Decimal(inv.residualCompany);
  const invoiceCompany = full ? residualCompany : Decimal.min(cents(a.mul(inv.rate)), residualCompany);
  const paymentCompany = cents(a.mul(paymentRate));
  const difference = paymentCompany.minus(invoiceCompany);
  // Money in clears what others owe us: more company currency in than the claim was worth is a gain.
  // Money out clears what we owe: paying more than the debt was worth is a loss.
  const fxSign = direction === 'inbound' ? 1 : -1;
  return {
    invoiceId: inv.id,
    amount: a.toFixed(2),
    invoiceAmountCompany: invoiceCompany.toFixed(2),
    paymentAmountCompany: paymentCompany.toFixed(2),
    fxDifference: difference.mul(fxSign).toFixed(2),
    fxSign,
    residual: residual.minus(a).toFixed(2),
    residualCompany: residualCompany.minus(invoiceCompany).toFixed(2),
  };
}

/**
 * What stays unallocated of a payment (or of its unallocated rest, when allocated later) worth
 * `amountCompany`: its company value is what the bank (advance) line holds minus the settled parts. A rounding gap the unallocated rest cannot take
 * (nothing left, or a cent below zero) goes to the last settlement, so the entry always balances.
 */
export function paymentSplit<S extends Settlement>(
  amount: Decimal.Value,
  amountCompanyValue: Decimal.Value,
  settlements: S[],
) {
  const total = new Decimal(amount);
  const allocated = settlements.reduce((s, x) => s.plus(x.amount), new Decimal(0));
  if (allocated.gt(total))
    throw unprocessable(
      'accounting.allocation_exceeds_payment',
      'The allocations are more than the payment',
      {
        amount: total.toFixed(2),
        allocated: allocated.toFixed(2),
      },
    );
  const amountCompany = new Decimal(amountCompanyValue);
  const allocatedCompany = settlements.reduce((s, x) => s.plus(x.paymentAmountCompany), new Decimal(0));
  const unallocated = total.minus(allocated);
  const gap = amountCompany.minus(allocatedCompany);
  const unallocatedCompany = unallocated.isZero() ? new Decimal(0) : Decimal.max(gap, 0);
  const rest = gap.minus(unallocatedCompany);
  const adjusted = [...settlements];
  if (!rest.isZero() && adjusted.length > 0) {
    const last = adjusted[adjusted.length - 1];
    const paymentCompany = new Decimal(last.paymentAmountCompany).plus(rest);
    adjusted[adjusted.length - 1] = {
      ...last,
      paymentAmountCompany: paymentCompany.toFixed(2),
      fxDifference: paymentCompany.minus(last.invoiceAmountCompany).mul(last.fxSign).toFixed(2),
    };
  }
  return {
    unallocated: unallocated.toFixed(2),
    unallocatedCompany: unallocatedCompany.toFixed(2),
    settlements: adjusted,
  };
}
