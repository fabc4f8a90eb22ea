import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../db/tx.ts';
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
 * Builds the actor from the database on every request (no cache can outlive a revocation).
 * Returns null when the user is disabled or no longer an active member of the company.
 */
export async function loadActor(ex: Executor, src: ActorSource): Promise<Actor | null> {
  const users = await rows<{ name: string; locale: string }>(
    ex,
    sql`select u.name, u.locale from platform_user u
          join platform_membership m on m.user_id = u.id and m.company_id = ${src.companyId} and m.active
         where u.id = ${src.userId} and u.disabled_at is null`,
  );
  if (users.length === 0) return null;
  const roleRows = await rows<RoleRow & { id: string }>(
    ex,
    sql`select r.id, r.permissions, r.record_scope, r.field_masks from platform_user_role ur
          join platform_role r on r.company_id = ur.company_id and r.id = ur.role_id
         where ur.company_id = ${src.companyId} and ur.user_id = ${src.userId}`,
  );
  const userRoles = combineRoles(roleRows);
  const actor: Actor = {
    userId: src.userId,
    companyId: src.companyId,
    name: users[0].name,
    locale: users[0].locale,
    sessionId: src.sessionId,
    grants: [userRoles.permissions],
    recordScope: userRoles.recordScope,
    fieldMasks: userRoles.fieldMasks,
  };
  if (src.token) {
    const tokenRole = await rows<RoleRow>(
      ex,
      sql`select permissions, record_scope, field_masks from platform_role
           where company_id = ${src.companyId} and id = ${src.token.roleId}`,
    );
    if (tokenRole.length === 0) return null;
    // A token never exceeds its user: both grant lists must allow, and its scopes narrow further.
    actor.tokenId = src.token.id;
    actor.grants.push(tokenRole[0].permissions);
    if (src.token.scopes && src.token.scopes.length > 0) actor.grants.push(src.token.scopes);
    const both = combineRoles([tokenRole[0]]);
    if (SCOPE_RANK[both.recordScope] < SCOPE_RANK[actor.recordScope]) actor.recordScope = both.recordScope;
    for (const [resource, fields] of Object.entries(both.fieldMasks))
      actor.fieldMasks[resource] = [...new Set([...(actor.fieldMasks[resource] ?? []), ...fields])];
  }
  return actor;
}
