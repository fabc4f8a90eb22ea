import { afterCommit, type Tx } from '../db/tx.ts';
import { newId } from '../ids.ts';
import type { Actor } from '../permissions/actor.ts';
import { event } from './schema.ts';

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

/** Writes the event in the caller's transaction; it is dispatched only if that transaction commits. */
export async function publish(tx: Tx, actor: Actor, input: EventInput): Promise<string> {
  const id = newId();
  await tx.insert(event).values({
    companyId: actor.companyId,
    id,
    type: input.type,
    aggregateType: input.aggregateType,
    aggregateId: input.aggregateId,
    payloadVersion: input.payloadVersion ?? 1,
    payload: input.payload,
    actorUserId: actor.name === 'system' ? null : actor.userId,
    requestId: actor.requestId ?? null,
  });
  afterCommit(tx, () => {
    for (const wake of wakers) wake();
  });
  return id;
}
