import type { Tx } from '../db/tx.ts';

export interface DeliveredEvent {
  companyId: string;
  id: string;
  seq: number;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payloadVersion: number;
  payload: Record<string, unknown>;
  actorUserId: string | null;
  createdAt: string;
}

/** An idempotent reaction to an event, run in its own transaction. `types` may contain `*`. */
export interface Subscriber {
  name: string;
  types: string[];
  handle(tx: Tx, event: DeliveredEvent): Promise<void>;
}

const subscribers = new Map<string, Subscriber>();

export function subscribe(subscriber: Subscriber): void {
  if (subscribers.has(subscriber.name)) throw new Error(`subscriber ${subscriber.name} registered twice`);
  subscribers.set(subscriber.name, subscriber);
}

export function unsubscribe(name: string): void {
  subscribers.delete(name);
}

export function subscribersFor(type: string): Subscriber[] {
  return [...subscribers.values()].filter((s) => s.types.includes('*') || s.types.includes(type));
}
