// The journal entry of a posted invoice, credit note or bill (pure: account ids come in resolved).
import { Decimal } from 'decimal.js';
import type { EntryLineInput } from '../index.ts';
import { type InvoiceKind, isCreditNote, isCustomerKind } from './invoice.ts';

/** The ledger keeps rates to 8 decimals (the platform's have 10): informative, the amounts are already in cents. */
export function entryRate(rate: string): string {
  return new Decimal(rate).toDecimalPlaces(8, Decimal.ROUND_HALF_UP).toFixed();
}

export interface BookableLine {
  accountId: string;
  net: string;
  tax: string;
  netCompany: string;
  taxCompany: string;
  description: string;
}

export interface BookableInvoice {
  kind: InvoiceKind;
  number: string;
  partnerId: string;
  currency: string;
  rate: string;
  total: string;
  totalCompany: string;
  lines: BookableLine[];
}

export interface BookingAccounts {
  /** receivable for customer documents, payable for supplier ones. */
  partner: string;
  /** output VAT for customer documents, input VAT for supplier ones. */
  tax: string;
}

/**
 * Invoice: Dr receivable (partner) / Cr revenue per account / Cr output VAT. Bill: Dr expense or GRNI per
 * account / Dr input VAT / Cr payable (partner). Credit notes swap the sides. Lines on the same account
 * are summed; zero amounts are left out. Transaction-currency amounts are signed, debit positive.
 */
export function invoiceEntryLines(inv: BookableInvoice, accounts: BookingAccounts): EntryLineInput[] {
  // Customer invoices and supplier credit notes put the partner on the debit side.
  const partnerDebit = isCustomerKind(inv.kind) !== isCreditNote(inv.kind);
  const side = (debit: boolean, company: Decimal, currency: Decimal) => {
    const amount = company.toFixed(2);
    const signed = debit ? currency : currency.neg();
    return {
      ...(debit ? { debit: amount } : { credit: amount }),
      currency: inv.currency,
      amountCurrency: signed.toFixed(2),
      rate: entryRate(inv.rate),
    };
  };
  const byAccount = new Map<string, { company: Decimal; currency: Decimal; description: string }>();
  const add = (accountId: string, company: string, currency: string, description: string) => {
    const found = byAccount.get(accountId) ?? {
      company: new Decimal(0),
      currency: new Decimal(0),
      description,
    };
    found.company = found.company.plus(company);
    found.currency = found.currency.plus(currency);
    byAccount.set(accountId, found);
  };
  for (const l of inv.lines) add(l.accountId, l.netCompany, l.net, l.description);
  const taxCompany = inv.lines.reduce((s, l) => s.plus(l.taxCompany), new Decimal(0));
  const taxCurrency = inv.lines.reduce((s, l) => s.plus(l.tax), new Decimal(0));
  const out: EntryLineInput[] = [
    {
      accountId: accounts.partner,
      partnerId: inv.partnerId,
      description: inv.number,
      ...side(partnerDebit, new Decimal(inv.totalCompany), new Decimal(inv.total)),
    },
  ];
  for (const [accountId, v] of byAccount)
    if (v.company.gt(0))
      out.push({
        accountId,
        partnerId: inv.partnerId,
        description: v.description || inv.number,
        ...side(!partnerDebit, v.company, v.currency),
      });
  if (taxCompany.gt(0))
    out.push({
      accountId: accounts.tax,
      partnerId: inv.partnerId,
      description: `${inv.number} VAT`,
      ...side(!partnerDebit, taxCompany, taxCurrency),
    });
  return out;
}
