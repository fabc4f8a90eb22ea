// The voucher editor's lines as typed (text), and what posting needs of them. No I/O: unit-tested.
import type { Decimal } from 'decimal.js';
import { AMOUNT, positiveAmount, sum } from '../shared/money.ts';
import type { EntryLineInput } from '../types.ts';

export interface DraftLine {
  key: string;
  accountId: string | null;
  debit: string;
  credit: string;
  description: string;
}

let counter = 0;
export function emptyLine(): DraftLine {
  counter += 1;
  return { key: `new-${counter}`, accountId: null, debit: '', credit: '', description: '' };
}

/** A line is complete with an account and exactly one of debit and credit above zero. */
export function lineInput(line: DraftLine): EntryLineInput | null {
  const debit = positiveAmount(line.debit);
  const credit = positiveAmount(line.credit);
  if (!line.accountId || (debit === null) === (credit === null)) return null;
  return {
    accountId: line.accountId,
    ...(debit ? { debit } : { credit: credit as string }),
    description: line.description.trim() || undefined,
  };
}

export interface Balance {
  debit: Decimal;
  credit: Decimal;
  difference: Decimal;
  /** Every line complete, at least two, Σ debit = Σ credit > 0: what posting needs. */
  postable: boolean;
}

export function balanceOf(lines: DraftLine[]): Balance {
  const debit = sum(lines.map((line) => (AMOUNT.test(line.debit.trim()) ? line.debit : null)));
  const credit = sum(lines.map((line) => (AMOUNT.test(line.credit.trim()) ? line.credit : null)));
  const complete = lines.length >= 2 && lines.every((line) => lineInput(line) !== null);
  return {
    debit,
    credit,
    difference: debit.minus(credit),
    postable: complete && debit.eq(credit) && debit.gt(0),
  };
}
