import { unprocessable } from '../../../platform/errors.ts';
import type { LeadStatus } from './contract.ts';

/**
 * The lead's state machine as data. `converted` is reached only by convertLead (it creates the
 * customer), and a converted lead is final; a lost lead may be reopened.
 */
export const LEAD_TRANSITIONS: Record<LeadStatus, readonly LeadStatus[]> = {
  new: ['contacted', 'qualified', 'lost', 'converted'],
  contacted: ['new', 'qualified', 'lost', 'converted'],
  qualified: ['contacted', 'lost', 'converted'],
  lost: ['new'],
  converted: [],
};

export const OPEN_LEAD_STATUSES: readonly LeadStatus[] = ['new', 'contacted', 'qualified'];

/** The one guard every status change goes through (422 when the move is not allowed). */
export function transition(from: LeadStatus, to: LeadStatus): LeadStatus {
  // Staying put is no change, except converting again: that would make a second customer.
  if (from === to && to !== 'converted') return to;
  if (!LEAD_TRANSITIONS[from].includes(to))
    throw unprocessable('invalid_transition', `A ${from} lead cannot become ${to}`, { from, to });
  return to;
}
