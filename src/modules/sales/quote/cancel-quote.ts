import type { Tx } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import type { VersionInput } from './contract.ts';
import { applyQuoteState, lockQuoteFor } from './quote-state.ts';

/** The customer declined or the offer is withdrawn: a cancelled quote stays in the history. */
export async function cancelQuote(tx: Tx, actor: Actor, id: string, input: VersionInput) {
  requirePermission(actor, 'sales.quote.update');
  const { before } = await lockQuoteFor(tx, actor, id, input.version, 'cancelled');
  return applyQuoteState(tx, actor, before, 'cancelled', {
    type: 'quote.cancelled',
    summary: `Quote ${before.number} cancelled`,
  });
}
