import { sql } from 'drizzle-orm';
import { afterCommit, type DeferredInsert, deferInsert, type Tx } from '../db/tx.ts';
import { newId } from '../ids.ts';
import type { Actor } from '../permissions/actor.ts';

export interface EventInput {
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  payloadVersion?: number;
}

type Waker = () => void;
const wakers = new Set<Waker>();

/** Dispatchers in this process register here so a commit wakes them at once. */
export function onEventCommitted(fn: Waker): () => void {
  wakers.add(fn);
  return () => wakers.delete(fn);
}

function eventRow(actor: Actor, input: EventInput) {
  return {
    companyId: actor.companyId,
    id: newId(),
    type: input.type,
    aggregateType: input.aggregateType,
    aggregateId: input.aggregateId,
    payloadVersion: input.payloadVersion ?? 1,
    payload: input.payload,
    actorUserId: actor.name === 'system' ? null : actor.userId,
    requestId: actor.requestId ?? null,
  };
}

function wakeAfterCommit(tx: Tx): void {
  afterCommit(tx, () => {
    for (const wake of wakers) wake();
  });
}

const insertEvents: DeferredInsert = (list) =>
  // One JSON document rather than hundreds of bound tuples: the statement stays small.
  sql`insert into platform_event (company_id, id, type, aggregate_type, aggregate_id, payload_version, payload,
        actor_user_id, request_id)
      select r."companyId", r.id, r.type, r."aggregateType", r."aggregateId", r."payloadVersion", r.payload,
             r."actorUserId", r."requestId"
        from jsonb_to_recordset(${JSON.stringify(list)}::jsonb) as r("companyId" uuid, id uuid,
          type text, "aggregateType" text, "aggregateId" text, "payloadVersion" int, payload jsonb, "actorUserId" uuid,
          "requestId" text)`;

/**
 * Writes the event in the caller's transaction; it is dispatched only if that transaction commits.
 * Inside `withTransaction` the row is written just before commit, with the other queued rows.
 */
export async function publish(tx: Tx, actor: Actor, input: EventInput): Promise<string> {
  const row = eventRow(actor, input);
  if (!deferInsert(tx, insertEvents, row)) await tx.execute(insertEvents([row]));
  wakeAfterCommit(tx);
  return row.id;
}

/** Like `publish`, many events in one statement, in the given order (bulk imports). */
export async function publishMany(tx: Tx, actor: Actor, inputs: EventInput[]): Promise<string[]> {
  if (inputs.length === 0) return [];
  const list = inputs.map((input) => eventRow(actor, input));
  await tx.execute(insertEvents(list));
  wakeAfterCommit(tx);
  return list.map((r) => r.id);
}
