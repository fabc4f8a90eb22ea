// What one scan means on a picking or count screen, kept pure so it is unit-tested.
import { Decimal } from 'decimal.js';
import type { Product } from '../../catalog/types.ts';

/** Stock units one scanned item stands for: a packaging barcode counts its factor, anything else 1. */
export function scanFactor(
  product: Pick<Product, 'uomCode' | 'units'>,
  matchedUomCode?: string | null,
): string {
  if (!matchedUomCode || matchedUomCode === product.uomCode) return '1';
  const unit = (product.units ?? []).find((u) => u.uomCode === matchedUomCode);
  return unit ? new Decimal(unit.factor).toFixed() : '1';
}

export interface TickLine {
  id: string;
  productId: string;
  /** How much the line may take (reserved, or the demand when nothing is reserved). */
  target: string;
}

export interface TickResult {
  /** Line → quantity ticked so far, after this scan. */
  ticked: Record<string, string>;
  /** The line the scan went to; null when the product is not on the document. */
  lineId: string | null;
  /** The scan took the line past its target. */
  over: boolean;
}

/**
 * Adds `factor` to the first line of the product that still has room (else to its last line, marked
 * over), so a product split over several lines fills them in order.
 */
export function tick(
  lines: TickLine[],
  ticked: Record<string, string>,
  productId: string,
  factor: string,
): TickResult {
  const mine = lines.filter((line) => line.productId === productId);
  if (mine.length === 0) return { ticked, lineId: null, over: false };
  const done = (line: TickLine) => new Decimal(ticked[line.id] ?? '0');
  const open = mine.find((line) => done(line).lt(line.target)) ?? mine[mine.length - 1];
  const next = done(open).plus(factor);
  return { ticked: { ...ticked, [open.id]: next.toFixed() }, lineId: open.id, over: next.gt(open.target) };
}
