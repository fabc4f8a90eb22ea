// The money and state rules of invoices, credit notes and bills (README.md "Documents"): pure, decimal.js
// only, no I/O.
import { Decimal } from 'decimal.js';
import { unprocessable } from '../../../platform/errors.ts';

const HALF_UP = Decimal.ROUND_HALF_UP;
export const cents = (d: Decimal.Value) => new Decimal(d).toDecimalPlaces(2, HALF_UP);

export const INVOICE_KINDS = [
  'customer_invoice',
  'customer_credit_note',
  'supplier_bill',
  'supplier_credit_note',
] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];
export type InvoiceState = 'draft' | 'posted' | 'cancelled';
export type PaymentState = 'not_paid' | 'partial' | 'paid';

/** Customer documents use output tax codes and the sales journal; supplier documents input codes and purchase. */
export const isCustomerKind = (kind: InvoiceKind) => kind.startsWith('customer_');
export const isCreditNote = (kind: InvoiceKind) => kind.endsWith('_credit_note');
export const journalOf = (kind: InvoiceKind) => (isCustomerKind(kind) ? 'sales' : 'purchase');
export const taxKindOf = (kind: InvoiceKind) => (isCustomerKind(kind) ? 'output' : 'input');

/** The credit note kind of an invoice kind (红字发票 of a customer invoice, debit memo of a bill). */
export function creditNoteKindOf(kind: InvoiceKind): InvoiceKind {
  if (kind === 'customer_invoice') return 'customer_credit_note';
  if (kind === 'supplier_bill') return 'supplier_credit_note';
  throw unprocessable(
    'accounting.invoice_not_creditable',
    'A credit note is made from an invoice or a bill',
    {
      kind,
    },
  );
}

/**
 * Each kind numbers on its own gap-free counter per company and year (`accounting.invoice:<series>:<year>`),
 * so the printed prefix never skips: INV-2026-000001, RINV-2026-000001, BILL-…, RBILL-….
 */
const SERIES: Record<InvoiceKind, { series: string; prefix: string }> = {
  customer_invoice: { series: 'sales', prefix: 'INV' },
  customer_credit_note: { series: 'sales_refund', prefix: 'RINV' },
  supplier_bill: { series: 'purchase', prefix: 'BILL' },
  supplier_credit_note: { series: 'purchase_refund', prefix: 'RBILL' },
};

export function numberSeries(kind: InvoiceKind, invoiceDate: string) {
  const year = invoiceDate.slice(0, 4);
  const { series, prefix } = SERIES[kind];
  return {
    key: `accounting.invoice:${series}:${year}`,
    format: (seq: number) => `${prefix}-${year}-${String(seq).padStart(6, '0')}`,
  };
}

const TRANSITIONS: Record<InvoiceState, InvoiceState[]> = {
  draft: ['posted', 'cancelled'],
  posted: ['cancelled'],
  cancelled: [],
};

/** The one guard every state change passes (422 `accounting.invalid_transition`). */
export function transition(from: InvoiceState, to: InvoiceState): InvoiceState {
  if (!TRANSITIONS[from]?.includes(to))
    throw unprocessable('accounting.invalid_transition', `An invoice cannot go from ${from} to ${to}`, {
      from,
      to,
    });
  return to;
}

export interface LineFigures {
  quantity: Decimal.Value;
  unitPrice: Decimal.Value;
  /** 0–100. */
  discountPercent: Decimal.Value;
  /** 0.13 = 13 %. */
  taxRate: Decimal.Value;
  /** The price contains the tax (价税合计). */
  taxIncluded: boolean;
}

export interface LineAmounts {
  net: string;
  tax: string;
  total: string;
}

/**
 * One line, rounded to the cent on the line (the rule of China's e-invoices, which print tax per line):
 * amount = round(qty × price × (1 − discount/100)); price exclusive of tax → tax = round(amount × rate),
 * total = amount + tax; inclusive → total = amount, tax = round(total × rate / (1 + rate)),
 * net = total − tax. So net + tax = total on every line, and header totals are plain sums.
 */
export function lineAmounts(line: LineFigures): LineAmounts {
  const discount = new Decimal(line.discountPercent);
  if (discount.lt(0) || discount.gt(100)) throw new RangeError('discountPercent must be within 0–100');
  const rate = new Decimal(line.taxRate);
  const amount = cents(
    new Decimal(line.quantity).mul(line.unitPrice).mul(new Decimal(100).minus(discount)).div(100),
  );
  if (line.taxIncluded) {
    const tax = cents(amount.mul(rate).div(rate.plus(1)));
    return { net: amount.minus(tax).toFixed(2), tax: tax.toFixed(2), total: amount.toFixed(2) };
  }
  const tax = cents(amount.mul(rate));
  return { net: amount.toFixed(2), tax: tax.toFixed(2), total: amount.plus(tax).toFixed(2) };
}

export interface CompanyLineAmounts extends LineAmounts {
  netCompany: string;
  taxCompany: string;
}

/**
 * A line in company currency: net and tax each converted at the document's rate and rounded to the
 * cent. The receivable (payable) is their sum, so the entry balances without a rounding line.
 */
export function inCompanyCurrency(amounts: LineAmounts, rate: Decimal.Value): CompanyLineAmounts {
  return {
    ...amounts,
    netCompany: cents(new Decimal(amounts.net).mul(rate)).toFixed(2),
    taxCompany: cents(new Decimal(amounts.tax).mul(rate)).toFixed(2),
  };
}

export interface InvoiceTotals {
  untaxed: string;
  tax: string;
  total: string;
  untaxedCompany: string;
  taxCompany: string;
  totalCompany: string;
}

/** Header totals: sums of the rounded line amounts, never re-rounded. */
export function invoiceTotals(lines: CompanyLineAmounts[]): InvoiceTotals {
  const sum = (pick: (l: CompanyLineAmounts) => string) =>
    lines.reduce((s, l) => s.plus(pick(l)), new Decimal(0));
  const untaxedCompany = sum((l) => l.netCompany);
  const taxCompany = sum((l) => l.taxCompany);
  return {
    untaxed: sum((l) => l.net).toFixed(2),
    tax: sum((l) => l.tax).toFixed(2),
    total: sum((l) => l.total).toFixed(2),
    untaxedCompany: untaxedCompany.toFixed(2),
    taxCompany: taxCompany.toFixed(2),
    totalCompany: untaxedCompany.plus(taxCompany).toFixed(2),
  };
}

/** not_paid while nothing was settled, paid at a zero residual, partial in between. */
export function paymentStateOf(total: Decimal.Value, residual: Decimal.Value): PaymentState {
  const r = new Decimal(residual);
  if (r.lte(0)) return 'paid';
  return r.gte(total) ? 'not_paid' : 'partial';
}

/** The due date: the invoice date plus the term's days, or (end of month) from the month's last day. */
export function dueDateFor(
  invoiceDate: string,
  term: { dueDays: number; endOfMonth: boolean } | null,
): string {
  if (!term) return invoiceDate;
  const d = new Date(`${invoiceDate}T00:00:00Z`);
  if (term.endOfMonth) d.setUTCMonth(d.getUTCMonth() + 1, 0);
  d.setUTCDate(d.getUTCDate() + term.dueDays);
  return d.toISOString().slice(0, 10);
}
