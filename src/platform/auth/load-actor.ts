import { type SQL, sql } from 'drizzle-orm';
import { type Executor, one } from '../db/tx.ts';
import type { Actor } from '../permissions/actor.ts';
import type { RecordScope } from '../permissions/builtin-roles.ts';

const SCOPE_RANK: Record<RecordScope, number> = { own: 0, team: 1, company: 2 };

interface RoleRow {
  permissions: string[];
  record_scope: RecordScope;
  field_masks: Record<string, string[]>;
}

/** Combines several roles: permissions and record scope add up; a field stays masked only if every role masks it. */
export function combineRoles(
  roles: RoleRow[],
): Pick<Actor, 'recordScope' | 'fieldMasks'> & { permissions: string[] } {
  const permissions = [...new Set(roles.flatMap((r) => r.permissions))];
  let recordScope: RecordScope = 'own';
  for (const r of roles)
    if (SCOPE_RANK[r.record_scope] > SCOPE_RANK[recordScope]) recordScope = r.record_scope;
  const fieldMasks: Record<string, string[]> = {};
  if (roles.length > 0) {
    const resources = new Set(roles.flatMap((r) => Object.keys(r.field_masks ?? {})));
    for (const resource of resources) {
      const sets = roles.map((r) => new Set(r.field_masks?.[resource] ?? []));
      const common = [...sets[0]].filter((f) => sets.every((set) => set.has(f)));
      if (common.length > 0) fieldMasks[resource] = common;
    }
  }
  return { permissions, recordScope, fieldMasks };
}

export interface ActorSource {
  userId: string;
  companyId: string;
  sessionId?: string;
  token?: { id: string; roleId: string; scopes: string[] | null };
}

/**
 * The columns an actor is built from, for one user in one company, as a SQL fragment: `actor_name`,
 * `actor_locale` (null when the user is disabled or not an active member), `actor_roles` (json array of
 * the user's roles) and `token_role` (the token's role, null without one). Callers select it beside
 * their own columns, so a request authenticates in one statement.
 */
export function actorColumns(userId: SQL, companyId: SQL, tokenRoleId: SQL | null): SQL {
  const role = sql`json_build_object('id', r.id, 'permissions', r.permissions, 'record_scope', r.record_scope,
                                     'field_masks', r.field_masks)`;
  return sql`(select u.name from platform_user u
               join platform_membership m on m.user_id = u.id and m.company_id = ${companyId} and m.active
              where u.id = ${userId} and u.disabled_at is null) as actor_name,
             (select u.locale from platform_user u where u.id = ${userId}) as actor_locale,
             coalesce((select json_agg(${role}) from platform_user_role ur
                         join platform_role r on r.company_id = ur.company_id and r.id = ur.role_id
                        where ur.company_id = ${companyId} and ur.user_id = ${userId}), '[]'::json) as actor_roles,
             ${
               tokenRoleId === null
                 ? sql`null::json`
                 : sql`(select ${role} from platform_role r where r.company_id = ${companyId} and r.id = ${tokenRoleId})`
             } as token_role`;
}

export interface ActorColumns {
  actor_name: string | null;
  actor_locale: string | null;
  actor_roles: (RoleRow & { id: string })[];
  token_role: RoleRow | null;
}

/** The actor from the columns of `actorColumns`, or null when the user may no longer act in the company. */
export function actorFromColumns(row: ActorColumns, src: ActorSource): Actor | null {
  if (row.actor_name === null) return null;
  const userRoles = combineRoles(row.actor_roles);
  const actor: Actor = {
    userId: src.userId,
    companyId: src.companyId,
    name: row.actor_name,
    locale: row.actor_locale ?? 'en',
    sessionId: src.sessionId,
    grants: [userRoles.permissions],
    recordScope: userRoles.recordScope,
    fieldMasks: userRoles.fieldMasks,
  };
  if (src.token) {
    const tokenRole = row.token_role;
    if (!tokenRole) return null;
    // A token never exceeds its user: both grant lists must allow, and its scopes narrow further.
    actor.tokenId = src.token.id;
    actor.grants.push(tokenRole.permissions);
    if (src.token.scopes && src.token.scopes.length > 0) actor.grants.push(src.token.scopes);
    const both = combineRoles([tokenRole]);
    if (SCOPE_RANK[both.recordScope] < SCOPE_RANK[actor.recordScope]) actor.recordScope = both.recordScope;
    for (const [resource, fields] of Object.entries(both.fieldMasks))
      actor.fieldMasks[resource] = [...new Set([...(actor.fieldMasks[resource] ?? []), ...fields])];
  }
  return actor;
}

/**
 * Builds the actor from the database on every request (no cache can outlive a revocation), in one
 * statement. Returns null when the user is disabled or no longer an active member of the company.
 */
export async function loadActor(ex: Executor, src: ActorSource): Promise<Actor | null> {
  const row = await one<ActorColumns>(
    ex,
    sql`select ${actorColumns(sql`${src.userId}::uuid`, sql`${src.companyId}::uuid`, src.token ? sql`${src.token.roleId}::uuid` : null)}`,
  );
  return row ? actorFromColumns(row, src) : null;
}
