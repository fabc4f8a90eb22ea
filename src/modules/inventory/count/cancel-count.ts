import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { assertCounting, bumpCount, COUNT_ENTITY, findCount, loadCount } from './count.repo.ts';

/** Abandons a count that is not posted: nothing is booked. */
export async function cancelCount(tx: Tx, actor: Actor, id: string, input: { version: number }) {
  requirePermission(actor, 'inventory.count.manage');
  const count = await findCount(tx, actor.companyId, id, true);
  assertCounting(count, input.version);
  await bumpCount(tx, actor.companyId, id, sql`state = 'cancelled'`);
  await recordAudit(tx, actor, {
    entity: COUNT_ENTITY,
    entityId: id,
    action: 'cancel',
    before: { state: count.state },
    after: { state: 'cancelled' },
  });
  return loadCount(tx, actor.companyId, id, actor.locale);
}
