import { sql } from 'drizzle-orm';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';

/** Giving a record to someone else needs the assign permission, and the new owner must be an active member. */
export async function assertOwnerAssignable(
  tx: Tx,
  actor: Actor,
  ownerUserId: string | null | undefined,
): Promise<void> {
  requirePermission(actor, 'crm.customer.assign');
  if (!ownerUserId) return;
  const member = await one(
    tx,
    sql`select 1 from platform_membership where company_id = ${actor.companyId} and user_id = ${ownerUserId} and active`,
  );
  if (!member)
    throw unprocessable('reference_invalid', 'The owner must be an active user of the company', {
      ownerUserId,
    });
}
