import { stateMachine } from '../document/state-machine.ts';

export const QUOTE_STATES = [
  'draft',
  'sent',
  'accepted',
  'rejected',
  'expired',
  'superseded',
  'cancelled',
] as const;
export type QuoteState = (typeof QUOTE_STATES)[number];

/**
 * draft ─send→ sent ─accept→ accepted (a draft order is created)
 *   │            ├─(valid until passed)→ expired
 *   └─revise/… ──┴─revise→ superseded (a new revision takes over) · cancel → cancelled
 */
export const quoteStates = stateMachine<QuoteState>('quote', {
  draft: ['sent', 'accepted', 'superseded', 'cancelled', 'expired'],
  // Sending again re-mails the same revision.
  sent: ['sent', 'accepted', 'rejected', 'superseded', 'cancelled', 'expired'],
  expired: ['superseded', 'cancelled'],
  rejected: ['superseded'],
  accepted: [],
  superseded: [],
  cancelled: [],
});

/** A draft or sent quote whose validity ended before `today` reads as expired, job or not. */
export function effectiveQuoteState(state: QuoteState, validUntil: string | null, today: string): QuoteState {
  if ((state === 'draft' || state === 'sent') && validUntil !== null && validUntil < today) return 'expired';
  return state;
}

/** The default end of validity: `days` after the quote date (YYYY-MM-DD, calendar days). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
