import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { conflict, notFound, staleVersion } from '../../../platform/errors.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';

/**
 * Sets a customer's credit limit (customer currency) on finance's decision — accounting's credit
 * profile calls it after checking its own permission (`accounting.credit.manage`), so a salesperson
 * who may edit the customer is not needed and the reason lands in the audit row.
 */
export async function setCreditLimit(
  tx: Tx,
  actor: Actor,
  input: { customerId: string; version: number; creditLimit: string; reason: string },
): Promise<{ version: number; creditLimit: string }> {
  const row = await one<{ version: number; credit_limit: string | null; merged_into_id: string | null }>(
    tx,
    sql`select version, credit_limit::text as credit_limit, merged_into_id from crm_customer
         where company_id = ${actor.companyId} and id = ${input.customerId} for update`,
  );
  if (!row) throw notFound('customer', input.customerId);
  if (row.version !== input.version) throw staleVersion('customer', input.version, row.version);
  if (row.merged_into_id)
    throw conflict('crm.customer_merged', 'This customer was merged into another; edit the survivor', {
      mergedIntoId: row.merged_into_id,
    });
  const after = await one<{ version: number; credit_limit: string }>(
    tx,
    sql`update crm_customer set credit_limit = ${input.creditLimit}, version = version + 1, updated_at = now()
         where company_id = ${actor.companyId} and id = ${input.customerId}
         returning version, credit_limit::text as credit_limit`,
  );
  await recordAudit(tx, actor, {
    entity: 'crm.customer',
    entityId: input.customerId,
    action: 'set_credit_limit',
    before: { creditLimit: row.credit_limit },
    after: { creditLimit: after!.credit_limit },
    reason: input.reason,
  });
  await publish(tx, actor, {
    type: 'customer.updated',
    aggregateType: 'customer',
    aggregateId: input.customerId,
    payload: { customerId: input.customerId, changed: ['creditLimit'] },
  });
  return { version: after!.version, creditLimit: after!.credit_limit };
}
