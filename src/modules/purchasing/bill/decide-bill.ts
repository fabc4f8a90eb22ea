import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { assertBillVersion, BILL_ENTITY, findBill, loadBill, setBill } from './bill.repo.ts';
import type { BillView } from './contract.ts';

/** Releases a bill outside the tolerance (the difference was checked with the supplier): it may post. */
export async function approveBillVariance(
  tx: Tx,
  actor: Actor,
  id: string,
  input: { version: number; reason: string },
): Promise<BillView> {
  requirePermission(actor, 'purchasing.bill.approve_variance');
  const bill = await findBill(tx, actor.companyId, id, true);
  assertBillVersion(bill, input.version);
  if (bill.state !== 'match_blocked')
    throw unprocessable('purchasing.invalid_transition', 'Only a blocked bill needs a variance approval', {
      state: bill.state,
    });
  await setBill(
    tx,
    actor.companyId,
    id,
    sql`state = 'variance_approved', variance_approved_at = now(), variance_approved_by = ${actor.userId},
        variance_reason = ${input.reason}`,
  );
  await recordAudit(tx, actor, {
    entity: BILL_ENTITY,
    entityId: id,
    action: 'approve_variance',
    before: { state: bill.state },
    after: { state: 'variance_approved' },
    reason: input.reason,
  });
  return loadBill(tx, actor.companyId, id);
}

/** Discards a bill that is not posted (a posted one is cancelled in accounting with a credit note). */
export async function cancelSupplierBill(tx: Tx, actor: Actor, id: string, input: { version: number }) {
  requirePermission(actor, 'purchasing.bill.create');
  const bill = await findBill(tx, actor.companyId, id, true);
  assertBillVersion(bill, input.version);
  if (bill.state === 'posted' || bill.state === 'cancelled')
    throw unprocessable('purchasing.invalid_transition', `A ${bill.state} bill cannot be cancelled here`, {
      state: bill.state,
    });
  await setBill(tx, actor.companyId, id, sql`state = 'cancelled'`);
  await recordAudit(tx, actor, {
    entity: BILL_ENTITY,
    entityId: id,
    action: 'cancel',
    before: { state: bill.state },
    after: { state: 'cancelled' },
  });
  return loadBill(tx, actor.companyId, id);
}
