import type { Tx } from '../../../platform/db/tx.ts';
import { conflict } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';

export interface MergeInfo {
  mergeId: string;
  /**
   * When the merge made its moves (the merge transaction's `now()`), as the database wrote it, to the
   * microsecond: compare with `> ${mergedAt}::timestamptz` to find what was attached afterwards.
   */
  mergedAt: string;
}

/**
 * What a module registers so that merging two customers moves its open records (drafts, open
 * orders, tickets …) from the merged customer to the survivor. Posted records are not moved: they
 * keep the party they were posted with and follow `merged_into_id`.
 *
 * The undo rule every handler applies: a merge can be undone while nothing new of the handler's
 * kind refers to the survivor since the merge — no record of that kind was created for the
 * survivor (or pointed at it) after the merge. Otherwise `undo` throws `mergeNotUndoable`, because
 * nobody could say whether the new record belongs to the survivor or to the customer that comes back.
 * Moved records go back even when edited since; moved records that left the survivor stay where they are.
 */
export interface MergeHandler {
  /** Stable and unique (`<module>.<entity>`): the key of the moved ids in `crm_customer_merge.moved`. */
  name: string;
  /** Moves the open records of `fromId` to `toId` in the caller's transaction; returns the ids moved. */
  move(tx: Tx, actor: Actor, fromId: string, toId: string): Promise<string[]>;
  /** Checks the undo rule (throwing `mergeNotUndoable`), then moves `movedIds` back from `toId` to `fromId`. */
  undo(
    tx: Tx,
    actor: Actor,
    fromId: string,
    toId: string,
    movedIds: string[],
    merge: MergeInfo,
  ): Promise<void>;
}

const handlers = new Map<string, MergeHandler>();

/** Called once per handler at start-up, from the registering module's index.ts. */
export function registerMergeHandler(handler: MergeHandler): void {
  if (handlers.has(handler.name)) throw new Error(`merge handler ${handler.name} registered twice`);
  handlers.set(handler.name, handler);
}

/** In registration order: crm's own first, then the modules above it. */
export function mergeHandlers(): MergeHandler[] {
  return [...handlers.values()];
}

export function findMergeHandler(name: string): MergeHandler | undefined {
  return handlers.get(name);
}

/** The refusal of an undo: something new refers to the survivor (409 `crm.merge_not_undoable`). */
export function mergeNotUndoable(reason: string, details: Record<string, unknown> = {}) {
  return conflict('crm.merge_not_undoable', `The merge cannot be undone: ${reason}`, details);
}
