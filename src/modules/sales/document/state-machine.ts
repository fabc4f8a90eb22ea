import { unprocessable } from '../../../platform/errors.ts';

/**
 * A document's states as data: `table[from]` lists the states it may move to. `transition()` is the
 * one guard every state change passes (422 `sales.invalid_transition` otherwise).
 */
export function stateMachine<S extends string>(entity: string, table: Record<S, readonly S[]>) {
  const can = (from: S, to: S) => (table[from] ?? []).includes(to);
  return {
    table,
    can,
    transition(from: S, to: S): S {
      if (!can(from, to))
        throw unprocessable('sales.invalid_transition', `A ${entity} cannot go from ${from} to ${to}`, {
          entity,
          from,
          to,
        });
      return to;
    },
  };
}
