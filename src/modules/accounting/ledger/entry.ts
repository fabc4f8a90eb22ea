// Pure rules of journal entries: line shape, balance, voucher labels, the state machine. No I/O.
import { Decimal } from 'decimal.js';
import { unprocessable } from '../../../platform/errors.ts';

export type EntryState = 'draft' | 'posted';
export type JournalCode = 'general' | 'sales' | 'purchase' | 'bank' | 'cash' | 'stock';
export const JOURNAL_CODES: JournalCode[] = ['general', 'sales', 'purchase', 'bank', 'cash', 'stock'];

export interface EntryLineInput {
  accountId: string;
  debit?: string;
  credit?: string;
  currency?: string;
  amountCurrency?: string;
  rate?: string;
  partnerId?: string | null;
  departmentId?: string | null;
  project?: string | null;
  description?: string;
}

/** A line as stored: both sides as 2-decimal text, the transaction currency, its signed amount and rate. */
export interface NormalLine {
  lineNo: number;
  accountId: string;
  debit: string;
  credit: string;
  currency: string;
  amountCurrency: string;
  rate: string;
  partnerId: string | null;
  departmentId: string | null;
  project: string | null;
  description: string;
}

const AMOUNT = /^-?\d{1,16}(\.\d{1,2})?$/;
const RATE = /^\d{1,10}(\.\d{1,8})?$/;
const MAX_LINES = 500;

function amount(value: string | undefined, line: number, field: string): Decimal {
  if (value === undefined || value === '') return new Decimal(0);
  if (typeof value !== 'string' || !AMOUNT.test(value))
    throw unprocessable(
      'accounting.amount_invalid',
      `Line ${line}: ${field} is not an amount with up to 2 decimals`,
      {
        line,
        field,
        value,
      },
    );
  const d = new Decimal(value);
  if (d.isNegative() && !d.isZero())
    throw unprocessable('accounting.line_negative', `Line ${line}: ${field} is negative`, {
      line,
      field,
      value,
    });
  return d;
}

function lineFailure(code: string, message: string, line: number) {
  return unprocessable(code, `Line ${line}: ${message}`, { line });
}

/** Checks each line on its own (one side above zero, amounts, currency) and fills the defaults. */
export function normaliseLines(lines: EntryLineInput[], companyCurrency: string): NormalLine[] {
  if (!Array.isArray(lines) || lines.length > MAX_LINES)
    throw unprocessable('accounting.too_many_lines', `An entry has at most ${MAX_LINES} lines`);
  return lines.map((l, i) => {
    const n = i + 1;
    const debit = amount(l.debit, n, 'debit');
    const credit = amount(l.credit, n, 'credit');
    if (debit.gt(0) && credit.gt(0))
      throw lineFailure('accounting.line_both_sides', 'a line has either a debit or a credit, not both', n);
    if (debit.isZero() && credit.isZero())
      throw lineFailure('accounting.line_zero', 'a line needs a debit or a credit above zero', n);
    const currency = l.currency ?? companyCurrency;
    if (!/^[A-Z]{3}$/.test(currency)) throw lineFailure('accounting.currency_invalid', 'unknown currency', n);
    const signed = debit.minus(credit);
    let amountCurrency = signed;
    let rate = new Decimal(1);
    if (currency !== companyCurrency || l.amountCurrency !== undefined) {
      if (l.amountCurrency === undefined || !AMOUNT.test(l.amountCurrency))
        throw lineFailure('accounting.amount_currency_required', `the amount in ${currency} is required`, n);
      amountCurrency = new Decimal(l.amountCurrency);
      if (!amountCurrency.isZero() && amountCurrency.isNegative() !== signed.isNegative())
        throw lineFailure(
          'accounting.amount_currency_sign',
          'the currency amount has the other sign (debit +, credit −)',
          n,
        );
      if (currency === companyCurrency && !amountCurrency.eq(signed))
        throw lineFailure(
          'accounting.amount_currency_mismatch',
          'the currency amount differs from the amount',
          n,
        );
    }
    if (l.rate !== undefined) {
      if (!RATE.test(l.rate) || new Decimal(l.rate).lte(0))
        throw lineFailure('accounting.rate_invalid', 'the rate is not a positive number', n);
      rate = new Decimal(l.rate);
    } else if (currency !== companyCurrency && !amountCurrency.isZero()) {
      rate = signed.abs().div(amountCurrency.abs()).toDecimalPlaces(8, Decimal.ROUND_HALF_UP);
      if (rate.isZero()) rate = new Decimal('0.00000001');
    }
    return {
      lineNo: n,
      accountId: l.accountId,
      debit: debit.toFixed(2),
      credit: credit.toFixed(2),
      currency,
      amountCurrency: amountCurrency.toFixed(2),
      rate: rate.toFixed(8),
      partnerId: l.partnerId ?? null,
      departmentId: l.departmentId ?? null,
      project: l.project ?? null,
      description: l.description ?? '',
    };
  });
}

export interface Totals {
  debit: string;
  credit: string;
  difference: string;
}

export function totals(lines: Array<{ debit: string; credit: string }>): Totals {
  const debit = lines.reduce((s, l) => s.plus(l.debit), new Decimal(0));
  const credit = lines.reduce((s, l) => s.plus(l.credit), new Decimal(0));
  return { debit: debit.toFixed(2), credit: credit.toFixed(2), difference: debit.minus(credit).toFixed(2) };
}

/** A postable entry: at least two lines and Σdebit = Σcredit to the cent (422 with the difference). */
export function assertPostable(lines: Array<{ debit: string; credit: string }>): Totals {
  if (lines.length < 2)
    throw unprocessable('accounting.entry_too_few_lines', 'An entry needs at least two lines', {
      lines: lines.length,
    });
  const t = totals(lines);
  if (!new Decimal(t.difference).isZero())
    throw unprocessable(
      'accounting.entry_unbalanced',
      `Debit ${t.debit} and credit ${t.credit} differ by ${t.difference}`,
      { ...t },
    );
  return t;
}

/** The lines of a reversal: each side swapped, the currency amount negated. */
export function mirrorLines(lines: NormalLine[]): NormalLine[] {
  return lines.map((l) => ({
    ...l,
    debit: l.credit,
    credit: l.debit,
    amountCurrency: new Decimal(l.amountCurrency).neg().toFixed(2),
  }));
}

/** 记-001: the voucher word and the number in its period, at least three digits. */
export function voucherLabel(word: string, number: number | null): string | null {
  return number === null ? null : `${word}-${String(number).padStart(3, '0')}`;
}
