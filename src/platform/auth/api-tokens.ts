import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import { iso, isoOrNull } from '../db/time.ts';
import { type Executor, one, rows, type Tx, textArray } from '../db/tx.ts';
import { badRequest, notFound } from '../errors.ts';
import { newId, newSecret, sha256 } from '../ids.ts';
import type { Actor } from '../permissions/actor.ts';
import { isValidPattern } from '../permissions/registry.ts';
import { TOKEN_PREFIX } from './authenticate.ts';

export const ApiToken = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    roleId: z.uuid(),
    scopes: z.array(z.string()).nullable(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const CreateApiTokenInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  roleId: z.uuid().optional(),
  scopes: z.array(z.string().max(100)).max(50).optional(),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

function view(r: Record<string, any>): z.infer<typeof ApiToken> {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    roleId: r.role_id,
    scopes: r.scopes,
    createdAt: iso(r.created_at),
    lastUsedAt: isoOrNull(r.last_used_at),
    expiresAt: isoOrNull(r.expires_at),
    revokedAt: isoOrNull(r.revoked_at),
  };
}

/** Creates a token for the actor's own user; its role must be one the user holds. The secret is returned once. */
export async function createApiToken(tx: Tx, actor: Actor, input: z.infer<typeof CreateApiTokenInput>) {
  if (actor.tokenId)
    throw badRequest('auth.token_cannot_mint', 'An API token cannot create API tokens; sign in');
  const roles = await rows<{ role_id: string }>(
    tx,
    sql`select role_id from platform_user_role where company_id = ${actor.companyId} and user_id = ${actor.userId}
         order by created_at`,
  );
  const roleId = input.roleId ?? roles[0]?.role_id;
  if (!roleId || !roles.some((r) => r.role_id === roleId))
    throw badRequest('auth.token_role', 'The token role must be one of your roles in this company');
  for (const scope of input.scopes ?? [])
    if (!isValidPattern(scope))
      throw badRequest('auth.token_scope', `Unknown scope pattern ${scope}`, { scope });
  const secret = `${TOKEN_PREFIX}${newSecret(32)}`;
  const id = newId();
  const [row] = await rows(
    tx,
    sql`insert into platform_api_token (id, user_id, company_id, name, token_hash, prefix, role_id, scopes, expires_at)
        values (${id}, ${actor.userId}, ${actor.companyId}, ${input.name}, ${sha256(secret)}, ${secret.slice(0, 10)},
                ${roleId}, ${input.scopes && input.scopes.length > 0 ? textArray(input.scopes) : null},
                ${input.expiresInDays ? sql`now() + make_interval(days => ${input.expiresInDays})` : null})
        returning *`,
  );
  await recordAudit(tx, actor, {
    entity: 'platform.api_token',
    entityId: id,
    action: 'create',
    after: { name: input.name, roleId, scopes: input.scopes ?? null },
  });
  return { ...view(row), token: secret };
}

export async function listApiTokens(ex: Executor, actor: Actor) {
  const list = await rows(
    ex,
    sql`select * from platform_api_token where user_id = ${actor.userId} and company_id = ${actor.companyId}
         order by created_at desc`,
  );
  return list.map(view);
}

export async function revokeApiToken(tx: Tx, actor: Actor, id: string): Promise<void> {
  const row = await one(
    tx,
    sql`update platform_api_token set revoked_at = coalesce(revoked_at, now())
         where id = ${id} and user_id = ${actor.userId} and company_id = ${actor.companyId} returning id`,
  );
  if (!row) throw notFound('api_token', id);
  await recordAudit(tx, actor, { entity: 'platform.api_token', entityId: id, action: 'revoke' });
}
