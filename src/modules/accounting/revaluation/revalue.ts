// The money rules of a month-end revaluation (pure, decimal.js only): README.md "Revaluation".
import { Decimal } from 'decimal.js';
import { entryRate } from '../invoice/booking.ts';
import { cents } from '../invoice/invoice.ts';
import type { EntryLineInput } from '../ledger/entry.ts';
import type { RevaluedDocument } from './schema.ts';

export interface OpenItem {
  invoiceId: string;
  number: string;
  kind: string;
  partnerId: string;
  currency: string;
  /** Open on the revaluation date, in the document currency and as booked in company currency. */
  residual: string;
  residualCompany: string;
}

/** Invoices and supplier credit notes are debit balances (a claim on the partner); bills and customer credit notes credit balances. */
const isDebitBalance = (kind: string) => kind === 'customer_invoice' || kind === 'supplier_credit_note';

/**
 * The unrealised difference of one open item: its residual at the month-end rate, rounded to the cent, minus
 * what it is booked at. A claim worth more is a gain, a debt worth more a loss.
 */
export function revalue(item: OpenItem, rate: string): RevaluedDocument {
  const revalued = cents(new Decimal(item.residual).mul(rate));
  const change = revalued.minus(item.residualCompany);
  return {
    invoiceId: item.invoiceId,
    number: item.number,
    kind: item.kind,
    partnerId: item.partnerId,
    currency: item.currency,
    residual: item.residual,
    bookedCompany: new Decimal(item.residualCompany).toFixed(2),
    rate,
    revaluedCompany: revalued.toFixed(2),
    difference: (isDebitBalance(item.kind) ? change : change.neg()).toFixed(2),
  };
}

/**
 * One line per document on its receivable (payable) account with the partner, no foreign amount (only the
 * company value moves), and the gains credited to fx gain and the losses debited to fx loss in total.
 */
export function revaluationLines(
  docs: RevaluedDocument[],
  accounts: { receivable: string; payable: string; gain: string; loss: string },
): EntryLineInput[] {
  const lines: EntryLineInput[] = [];
  let gains = new Decimal(0);
  let losses = new Decimal(0);
  for (const d of docs) {
    const change = new Decimal(d.revaluedCompany).minus(d.bookedCompany);
    if (change.isZero()) continue;
    const debitBalance = isDebitBalance(d.kind);
    // The account moves the way its balance grew or shrank: a debit balance grows by a debit.
    const debit = debitBalance ? change.gt(0) : change.lt(0);
    lines.push({
      accountId: d.kind.startsWith('customer_') ? accounts.receivable : accounts.payable,
      ...(debit ? { debit: change.abs().toFixed(2) } : { credit: change.abs().toFixed(2) }),
      currency: d.currency,
      amountCurrency: '0.00',
      rate: entryRate(d.rate),
      partnerId: d.partnerId,
      description: `${d.number} ${d.currency} ${d.residual} @ ${d.rate}`,
    });
    const difference = new Decimal(d.difference);
    if (difference.gt(0)) gains = gains.plus(difference);
    else losses = losses.minus(difference);
  }
  if (gains.gt(0))
    lines.push({
      accountId: accounts.gain,
      credit: gains.toFixed(2),
      description: 'Unrealised exchange gain',
    });
  if (losses.gt(0))
    lines.push({
      accountId: accounts.loss,
      debit: losses.toFixed(2),
      description: 'Unrealised exchange loss',
    });
  return lines;
}
