import { sql } from 'drizzle-orm';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { isUuid, newId } from '../../../platform/ids.ts';
import type { DeliveredEvent, Subscriber } from '../../../platform/outbox/subscribers.ts';

/** Merges can chain (A into B, B into C); a few hops is plenty, and a bound stops a corrupt loop. */
const MAX_MERGE_HOPS = 10;
const SUMMARY_MAX = 500;
const PARAMS_MAX_KEYS = 20;
const PARAM_TEXT_MAX = 200;

export type TimelineParams = Record<string, string | number | boolean>;

/**
 * The payload's scalar values (names, stages, amounts, kinds, ids), kept on the entry so a screen can
 * say what happened in the reader's language instead of parsing the English summary. Objects and
 * arrays are left out, and the copy is bounded: an event is not a place to store documents.
 */
export function timelineParams(payload: Record<string, unknown>): TimelineParams {
  const params: TimelineParams = {};
  let count = 0;
  for (const [key, value] of Object.entries(payload)) {
    if (count >= PARAMS_MAX_KEYS) break;
    if (key === 'summary') continue;
    // Cut by code points: half a surrogate pair is not valid JSON text for PostgreSQL.
    if (typeof value === 'string')
      params[key] =
        value.length > PARAM_TEXT_MAX ? Array.from(value).slice(0, PARAM_TEXT_MAX).join('') : value;
    else if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)))
      params[key] = value;
    else continue;
    count++;
  }
  return params;
}

/** `sales_order.confirmed` → `Sales order confirmed`, for events that carry no summary of their own. */
export function defaultSummary(type: string): string {
  const words = type.replace(/[._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The customer an event belongs to today: itself, or the survivor it was merged into. Null if unknown. */
async function survivorOf(tx: Tx, companyId: string, customerId: string): Promise<string | null> {
  let id = customerId;
  for (let hop = 0; hop <= MAX_MERGE_HOPS; hop++) {
    const row = await one<{ merged_into_id: string | null }>(
      tx,
      sql`select merged_into_id from crm_customer where company_id = ${companyId} and id = ${id}`,
    );
    if (!row) return null;
    if (!row.merged_into_id) return id;
    id = row.merged_into_id;
  }
  return id;
}

/**
 * The customer timeline is fed by the outbox: any module's event whose payload names a `customerId`
 * becomes one entry (type, the payload's `summary`, a reference to the aggregate with the payload's
 * scalar `params` for the screen's own sentence). That is how quotes,
 * orders, deliveries, invoices, payments and tickets reach the customer page without crm knowing them.
 * Idempotent: one entry per source event (unique index), so a redelivery inserts nothing.
 */
export async function addToTimeline(tx: Tx, event: DeliveredEvent): Promise<void> {
  const customerId = event.payload?.customerId;
  if (!isUuid(customerId)) return;
  const target = await survivorOf(tx, event.companyId, customerId);
  if (!target) return;
  const given = event.payload.summary;
  const summary =
    typeof given === 'string' && given.trim() !== ''
      ? given.trim().slice(0, SUMMARY_MAX)
      : defaultSummary(event.type);
  const ref = {
    aggregateType: event.aggregateType,
    aggregateId: event.aggregateId,
    params: timelineParams(event.payload),
  };
  await tx.execute(
    sql`insert into crm_timeline_entry (company_id, id, customer_id, occurred_at, type, summary, ref, source_event_id, actor_user_id)
        values (${event.companyId}, ${newId()}, ${target}, ${event.createdAt}, ${event.type}, ${summary},
                ${JSON.stringify(ref)}::jsonb,
                ${event.id}, ${event.actorUserId})
        on conflict (company_id, source_event_id) do nothing`,
  );
}

export const timelineSubscriber: Subscriber = {
  name: 'crm.timeline',
  types: ['*'],
  handle: addToTimeline,
};
