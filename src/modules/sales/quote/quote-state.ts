import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { staleVersion } from '../../../platform/errors.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import type { QuoteView } from './contract.ts';
import { findVisibleQuote, QUOTE_ENTITY, quoteView, reloadQuote } from './quote.repo.ts';
import { effectiveQuoteState, type QuoteState, quoteStates } from './quote.ts';

/** Locks a visible quote, checks the version and that it may move to `to` (from its state as read). */
export async function lockQuoteFor(tx: Tx, actor: Actor, id: string, version: number, to: QuoteState) {
  const row = await findVisibleQuote(tx, actor, id, true);
  if (row.version !== version) throw staleVersion('quote', version, row.version);
  const from = effectiveQuoteState(row.state, row.valid_until_t ?? null, row.today);
  quoteStates.transition(from, to);
  return { row, before: await quoteView(tx, actor.companyId, row) };
}

/** Writes the new state (and stamps), the audit row and the event, and answers the quote as it is now. */
export async function applyQuoteState(
  tx: Tx,
  actor: Actor,
  before: QuoteView,
  to: QuoteState,
  event: { type: string; summary: string; payload?: Record<string, unknown> },
): Promise<QuoteView> {
  await tx.execute(
    sql`update sales_quote set state = ${to},
          sent_at = ${to === 'sent' ? sql`now()` : sql`sent_at`},
          accepted_at = ${to === 'accepted' ? sql`now()` : sql`accepted_at`},
          version = version + 1, updated_at = now()
        where company_id = ${actor.companyId} and id = ${before.id}`,
  );
  const after = await reloadQuote(tx, actor, before.id);
  await recordAudit(tx, actor, {
    entity: QUOTE_ENTITY,
    entityId: before.id,
    action: to === 'sent' ? 'send' : to === 'accepted' ? 'accept' : to,
    before: { state: before.state },
    after: { state: after.state },
  });
  await publish(tx, actor, {
    type: event.type,
    aggregateType: 'quote',
    aggregateId: before.id,
    payload: {
      quoteId: before.id,
      number: before.number,
      revision: before.revision,
      customerId: before.customerId,
      total: before.total,
      currency: before.currency,
      ...event.payload,
      summary: event.summary,
    },
  });
  return after;
}
