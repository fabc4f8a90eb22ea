import { Decimal } from 'decimal.js';

export type LineStatus = 'collected' | 'partly' | 'due' | 'overdue';

export interface PlannedLine {
  id: string;
  position: number;
  dueDate: string;
  amount: string;
  note: string;
}

/**
 * What has been collected is applied to the plan's lines in due-date order (the earliest instalment is
 * paid first), so each line reads collected / partly / due / overdue on `today`. Pure.
 */
export function applyCollected(lines: PlannedLine[], collected: string, today: string) {
  let left = new Decimal(collected);
  const sorted = [...lines].sort((a, b) =>
    a.dueDate === b.dueDate ? a.position - b.position : a.dueDate < b.dueDate ? -1 : 1,
  );
  return sorted.map((line) => {
    const amount = new Decimal(line.amount);
    const taken = Decimal.max(0, Decimal.min(left, amount));
    left = left.minus(taken);
    const remaining = amount.minus(taken);
    const status: LineStatus = remaining.eq(0)
      ? 'collected'
      : taken.gt(0)
        ? 'partly'
        : line.dueDate < today
          ? 'overdue'
          : 'due';
    return {
      ...line,
      amount: amount.toFixed(2),
      collected: taken.toFixed(2),
      remaining: remaining.toFixed(2),
      status: status === 'partly' && line.dueDate < today ? ('overdue' as const) : status,
    };
  });
}
