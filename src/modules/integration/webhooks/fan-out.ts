import { sql } from 'drizzle-orm';
import { afterCommit, rows, type Tx } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { subscribe } from '../../../platform/outbox/subscribers.ts';

/** The outbox event a delivery carries. */
export interface WebhookEvent {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  createdAt: string;
}

type Waker = () => void;
const wakers = new Set<Waker>();

/** The delivery worker registers here so new deliveries are sent without waiting for the poll. */
export function onDeliveryQueued(fn: Waker): () => void {
  wakers.add(fn);
  return () => wakers.delete(fn);
}

/** The Standard Webhooks payload: `{type, timestamp, data}`; the same bytes on every attempt. */
export function deliveryBody(event: WebhookEvent): string {
  return JSON.stringify({ type: event.type, timestamp: event.createdAt, data: event.payload });
}

/**
 * Queues one event for one webhook of the company in the caller's transaction (trigger rules call this
 * for their "call a webhook" action). Once per (webhook, event): a second call changes nothing.
 * Returns the delivery id, or null when the webhook is not an active one of the company.
 */
export async function enqueueWebhookDelivery(
  tx: Tx,
  input: { companyId: string; webhookId: string; event: WebhookEvent },
): Promise<string | null> {
  const { companyId, webhookId, event } = input;
  const made = await rows<{ id: string }>(
    tx,
    sql`insert into integration_webhook_delivery (company_id, id, webhook_id, event_id, event_type, body)
        select ${companyId}, ${newId()}, w.id, ${event.id}, ${event.type}, ${deliveryBody(event)}
          from integration_webhook w
         where w.company_id = ${companyId} and w.id = ${webhookId} and w.state = 'active'
        on conflict (company_id, webhook_id, event_id) do nothing
        returning id`,
  );
  if (made.length > 0) afterCommit(tx, () => wakeWorkers());
  return made[0]?.id ?? null;
}

export function wakeWorkers(): void {
  for (const wake of wakers) wake();
}

/** A payload value at a dot path (`customer.id`); arrays and prototypes are not walked. */
function valueAt(payload: Record<string, unknown>, path: string): unknown {
  let here: unknown = payload;
  for (const key of path.split('.')) {
    if (!here || typeof here !== 'object' || Array.isArray(here) || !Object.hasOwn(here, key))
      return undefined;
    here = (here as Record<string, unknown>)[key];
  }
  return here;
}

export function matchesFilter(
  filter: { field: string; equals: unknown } | null,
  payload: Record<string, unknown>,
): boolean {
  if (!filter) return true;
  return valueAt(payload, filter.field) === filter.equals;
}

// Every committed event is fanned out to the company's matching active webhooks, in the subscriber's
// transaction: the outbox records (subscriber, event) with it, so a crash fans out again or not at all.
subscribe({
  name: 'integration.webhooks.fan-out',
  types: ['*'],
  async handle(tx, event) {
    const hooks = await rows<{ id: string; filter: { field: string; equals: unknown } | null }>(
      tx,
      sql`select id, filter from integration_webhook
           where company_id = ${event.companyId} and state = 'active'
             and (${event.type} = any(event_types) or '*' = any(event_types))`,
    );
    for (const hook of hooks)
      if (matchesFilter(hook.filter, event.payload))
        await enqueueWebhookDelivery(tx, { companyId: event.companyId, webhookId: hook.id, event });
  },
});
