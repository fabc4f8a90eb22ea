import type { Executor } from '../../../platform/db/tx.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';

export interface CreditFigures {
  /** Open receivables in the customer's currency (decimal text), or null when the actor may not see them. */
  openReceivables: string | null;
  /** Credit limit minus exposure (decimal text), or null when there is no limit or it is not visible. */
  creditLeft: string | null;
}

export interface CustomerRef {
  id: string;
  currency: string;
  creditLimit: string | null;
}

export type CreditProvider = (ex: Executor, actor: Actor, customer: CustomerRef) => Promise<CreditFigures>;

let provider: CreditProvider | null = null;

/**
 * Accounting sits above crm and so cannot be imported here: it registers how to compute the two
 * figures at start-up (STYLE.md "a lower module must let higher ones act"). Until then they are null.
 */
export function registerCreditProvider(fn: CreditProvider | null): CreditProvider | null {
  // The one it replaces comes back, so a test that stands in for accounting can put it back.
  const previous = provider;
  provider = fn;
  return previous;
}

export async function creditSlot(ex: Executor, actor: Actor, customer: CustomerRef) {
  const figures = provider
    ? await provider(ex, actor, customer)
    : { openReceivables: null, creditLeft: null };
  return { ...figures, source: 'accounting' as const };
}
