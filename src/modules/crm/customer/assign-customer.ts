import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { staleVersion } from '../../../platform/errors.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { customerView, findVisibleCustomer } from './customer.repo.ts';
import { assertOwnerAssignable } from './owner.ts';

/** Reassigns the owner; audited with the reason, and both people hear of it (through the event). */
export async function assignCustomer(
  tx: Tx,
  actor: Actor,
  id: string,
  input: { version: number; ownerUserId: string | null; reason?: string },
) {
  await assertOwnerAssignable(tx, actor, input.ownerUserId);
  const row = await findVisibleCustomer(tx, actor, id, true);
  if (row.version !== input.version) throw staleVersion('customer', input.version, row.version);
  await tx.execute(
    sql`update crm_customer set owner_user_id = ${input.ownerUserId}, in_pool = false, pool_since = null, pool_warned_at = null,
           last_activity_at = now(), -- a new owner gets a full follow-up period before the pool rule applies
           version = version + 1, updated_at = now()
         where company_id = ${actor.companyId} and id = ${id}`,
  );
  await recordAudit(tx, actor, {
    entity: 'crm.customer',
    entityId: id,
    action: 'assign',
    before: { ownerUserId: row.owner_user_id, inPool: row.in_pool },
    after: { ownerUserId: input.ownerUserId, inPool: false },
    reason: input.reason,
  });
  await publish(tx, actor, {
    type: 'customer.owner_changed',
    aggregateType: 'customer',
    aggregateId: id,
    payload: {
      customerId: id,
      code: row.code,
      name: row.name,
      fromUserId: row.owner_user_id,
      toUserId: input.ownerUserId,
      summary: `Owner changed`,
    },
  });
  return customerView(
    tx,
    { ...actor, recordScope: 'company' },
    await findVisibleCustomer(tx, { ...actor, recordScope: 'company' }, id),
  );
}
