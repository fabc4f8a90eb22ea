import { forbidden } from '../errors.ts';
import { type Actor, can } from './actor.ts';
import { allPermissions, patternMatches } from './registry.ts';

/** No one grants what they do not hold: every known permission a pattern list covers must be the actor's too. */
export function assertCanGrant(actor: Actor, patterns: string[]): void {
  for (const { key } of allPermissions()) {
    if (patterns.some((p) => patternMatches(p, key)) && !can(actor, key)) throw forbidden(key);
  }
}
