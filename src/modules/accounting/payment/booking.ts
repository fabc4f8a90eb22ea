// The journal entry of a payment or of a later allocation (pure: account ids come in resolved).
import { Decimal } from 'decimal.js';
import type { EntryLineInput } from '../index.ts';
import { entryRate } from '../invoice/booking.ts';
import type { Direction, Settlement } from './payment.ts';

export interface BookedSettlement extends Settlement {
  /** Receivable or payable, by the invoice's kind. */
  partnerAccountId: string;
  invoiceRate: string;
  invoiceNumber: string;
  invoiceTotal: string;
}

export interface SettlementEntry {
  direction: Direction;
  partnerId: string;
  currency: string;
  rate: string;
  label: string;
  /** Where the money comes from: the bank/cash account (a payment) or the partner's advance (a later allocation). */
  source: { accountId: string; amount: string; amountCompany: string };
  settlements: BookedSettlement[];
  /** What stays as the partner's credit (payments only). */
  advance: { accountId: string; amount: string; amountCompany: string } | null;
  fx: { gain: string; loss: string };
}

/**
 * Money in: Dr bank (or advance) / Cr receivable per invoice at the invoice's value / Cr advance for the
 * rest; money out mirrors it. The realised exchange difference balances the two valuations: a positive
 * difference is credited to fx gain, a negative one debited to fx loss.
 */
export function settlementEntryLines(e: SettlementEntry): EntryLineInput[] {
  const inbound = e.direction === 'inbound';
  const line = (
    accountId: string,
    debit: boolean,
    company: Decimal.Value,
    currency: { code: string; amount: Decimal.Value; rate: string },
    description: string,
    partner = true,
  ): EntryLineInput => {
    const c = new Decimal(company).toFixed(2);
    const amount = new Decimal(currency.amount);
    return {
      accountId,
      ...(debit ? { debit: c } : { credit: c }),
      currency: currency.code,
      amountCurrency: (debit ? amount : amount.neg()).toFixed(2),
      rate: entryRate(currency.rate),
      partnerId: partner ? e.partnerId : null,
      description,
    };
  };
  const out: EntryLineInput[] = [];
  if (new Decimal(e.source.amountCompany).gt(0))
    out.push(
      line(
        e.source.accountId,
        inbound,
        e.source.amountCompany,
        { code: e.currency, amount: e.source.amount, rate: e.rate },
        e.label,
      ),
    );
  for (const s of e.settlements)
    if (new Decimal(s.invoiceAmountCompany).gt(0))
      out.push(
        line(
          s.partnerAccountId,
          !inbound,
          s.invoiceAmountCompany,
          { code: e.currency, amount: s.amount, rate: s.invoiceRate },
          `${e.label} → ${s.invoiceNumber}`,
        ),
      );
  if (e.advance && new Decimal(e.advance.amountCompany).gt(0))
    out.push(
      line(
        e.advance.accountId,
        !inbound,
        e.advance.amountCompany,
        { code: e.currency, amount: e.advance.amount, rate: e.rate },
        e.label,
      ),
    );
  const fx = e.settlements.reduce((sum, s) => sum.plus(s.fxDifference), new Decimal(0));
  if (!fx.isZero()) {
    const gain = fx.gt(0);
    // Company-currency only: the exchange difference has no foreign amount.
    out.push({
      accountId: gain ? e.fx.gain : e.fx.loss,
      ...(gain ? { credit: fx.toFixed(2) } : { debit: fx.abs().toFixed(2) }),
      partnerId: e.partnerId,
      description: `${e.label} exchange difference`,
    });
  }
  return out;
}
