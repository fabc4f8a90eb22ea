// Quantities inside the MRP calculation as whole ten-thousandths in plain JS numbers (numeric(18,4)
// has 4 decimals): netting a company adds and compares millions of them, and decimal.js objects made
// that 10× slower and kept the garbage collector busy. Integers up to 2^53 are exact in a double; every
// result is checked, so a quantity beyond ~900 billion units fails the run instead of drifting.
import { Decimal } from 'decimal.js';
import { unprocessable } from '../../../platform/errors.ts';

const SCALE = 10_000;
const PLAIN = /^(-?)(\d{1,15})(?:\.(\d{1,4}))?$/;

function tooLarge(value: unknown): never {
  throw unprocessable('manufacturing.mrp_qty_range', 'A quantity is too large for MRP', {
    value: String(value),
  });
}

/** The value itself, once it is known to be an exact integer. */
export function checked(n: number): number {
  if (!Number.isSafeInteger(n)) tooLarge(n / SCALE);
  return n;
}

/** A decimal string (or number) as ten-thousandths; more decimals are rounded half up. */
export function units(value: string | number): number {
  const s = String(value);
  const m = PLAIN.exec(s);
  if (m) {
    const n = Number(m[2]) * SCALE + (m[3] ? Number(m[3].padEnd(4, '0')) : 0);
    return checked(m[1] ? -n : n);
  }
  const d = new Decimal(s).mul(SCALE).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  if (d.abs().gt(Number.MAX_SAFE_INTEGER)) tooLarge(s);
  return d.toNumber();
}

/** Ten-thousandths back to the 4-decimal string the API and the database speak. */
export function decimal(n: number): string {
  const a = Math.abs(n);
  const frac = a % SCALE;
  return `${n < 0 ? '-' : ''}${(a - frac) / SCALE}.${String(frac).padStart(4, '0')}`;
}

/** Integer division rounded up (a, b > 0 exact integers). */
function divUp(a: number, b: number): number {
  const r = a % b;
  return (a - r) / b + (r > 0 ? 1 : 0);
}

/** A per-unit factor (a component per unit of its parent) as an exact fraction num / 10^k. */
export interface Factor {
  num: bigint;
  den: bigint;
  /** The same as numbers when both are exact there (the usual case: a fast path without BigInt). */
  n: number;
  d: number;
}

export function factor(value: Decimal.Value): Factor {
  const text = new Decimal(value).toFixed();
  const [int, frac = ''] = text.split('.');
  const num = BigInt(int + frac);
  const den = 10n ** BigInt(frac.length);
  return { num, den, n: Number(num), d: Number(den) };
}

/** qty × factor, rounded up to whole ten-thousandths (a component quantity never falls short). */
export function times(qty: number, f: Factor): number {
  if (Number.isSafeInteger(f.n) && Number.isSafeInteger(f.d)) {
    const p = qty * f.n;
    if (Number.isSafeInteger(p)) return divUp(p, f.d);
  }
  const p = BigInt(qty) * f.num;
  const q = p / f.den + (p % f.den > 0n ? 1n : 0n);
  return checked(Number(q));
}

/** The lot for a net requirement: at least the minimum order, then up to a multiple (0: any). */
export function lotUnits(need: number, minOrder = 0, multiple = 0): number {
  let qty = need < minOrder ? minOrder : need;
  if (multiple > 0) {
    const r = qty % multiple;
    if (r !== 0) qty = checked(qty + multiple - r);
  }
  return qty;
}
