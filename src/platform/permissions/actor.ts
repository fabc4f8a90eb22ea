import { type SQL, sql } from 'drizzle-orm';
import { forbidden } from '../errors.ts';
import type { RecordScope } from './builtin-roles.ts';
import { patternMatches } from './registry.ts';

/** Who is acting: a signed-in user, or a user's API token, always inside one company. */
export interface Actor {
  userId: string;
  companyId: string;
  name: string;
  locale: string;
  tokenId?: string;
  sessionId?: string;
  /** Every list must grant the permission (user roles; for a token also its role and scopes). */
  grants: string[][];
  recordScope: RecordScope;
  /** resource → fields the actor may not see (or filter and sort by). */
  fieldMasks: Record<string, string[]>;
  requestId?: string;
  /** Why the change happens, when a machine acts (rule, import batch) or a user gave a reason. */
  reason?: string;
}

export function can(actor: Actor, permission: string): boolean {
  return actor.grants.every((patterns) => patterns.some((p) => patternMatches(p, permission)));
}

/** The first line of every use case: deny unless the actor holds the permission (403). */
export function requirePermission(actor: Actor, permission: string): void {
  if (!can(actor, permission)) throw forbidden(permission);
}

export function maskedFields(actor: Actor, resource: string): string[] {
  return actor.fieldMasks[resource] ?? [];
}

/** Removes masked fields from a response object (the field is absent, not null). */
export function applyMask<T extends Record<string, unknown>>(actor: Actor, resource: string, obj: T): T {
  const masked = maskedFields(actor, resource);
  if (masked.length === 0) return obj;
  const copy: Record<string, unknown> = { ...obj };
  for (const field of masked) delete copy[field];
  return copy as T;
}

/**
 * The record rule as SQL over a row's owner column: own → the actor's rows, team → rows owned by
 * anyone in a department the actor belongs to or manages (and their sub-departments), company → all.
 */
export function recordScopeSql(actor: Actor, ownerColumn: SQL): SQL {
  if (actor.recordScope === 'company') return sql`true`;
  if (actor.recordScope === 'own') return sql`${ownerColumn} = ${actor.userId}`;
  return sql`(${ownerColumn} = ${actor.userId} or ${ownerColumn} in (
    with recursive dept(id) as (
      select d.id from platform_department d
       where d.company_id = ${actor.companyId}
         and (d.manager_user_id = ${actor.userId}
              or d.id in (select m.department_id from platform_membership m
                           where m.company_id = ${actor.companyId} and m.user_id = ${actor.userId}))
      union
      select c.id from platform_department c join dept on c.parent_id = dept.id
       where c.company_id = ${actor.companyId}
    )
    select m.user_id from platform_membership m
     where m.company_id = ${actor.companyId} and m.department_id in (select id from dept)))`;
}

/** A system actor for jobs and subscribers acting inside one company. */
export function systemActor(companyId: string, reason: string): Actor {
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    companyId,
    name: 'system',
    locale: 'en',
    grants: [['*']],
    recordScope: 'company',
    fieldMasks: {},
    reason,
  };
}
