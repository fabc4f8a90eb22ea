import { sql } from 'drizzle-orm';
import { type Executor, one } from '../db/tx.ts';
import { isUuid } from '../ids.ts';
import { type Actor, can } from '../permissions/actor.ts';
import { registerAttachable } from './registry.ts';

// Files on a user (a contract, an ID scan): as visible as the user's record in this company.

async function isMember(ex: Executor, actor: Actor, userId: string): Promise<boolean> {
  if (!isUuid(userId)) return false;
  const row = await one(
    ex,
    sql`select 1 from platform_membership where company_id = ${actor.companyId} and user_id = ${userId}`,
  );
  return row !== undefined;
}

registerAttachable('platform.user', {
  canRead: async (ex, actor, id) => can(actor, 'platform.user.read') && isMember(ex, actor, id),
  canWrite: async (ex, actor, id) => can(actor, 'platform.user.update') && isMember(ex, actor, id),
});
