import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { conflict, staleVersion, unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { getCustomerTerms } from '../../crm/index.ts';
import { findPlan, loadPlan, PLAN_ENTITY } from './collection.repo.ts';
import type { CollectionPlanInput, CollectionPlanPatch } from './contract.ts';

type Lines = CollectionPlanInput['lines'];

async function assertMember(tx: Tx, companyId: string, userId: string) {
  const m = await one(
    tx,
    sql`select 1 as ok from platform_membership where company_id = ${companyId} and user_id = ${userId} and active`,
  );
  if (!m)
    throw unprocessable('reference_invalid', 'The owner is not an active member of this company', {
      ownerUserId: userId,
    });
}

async function writeLines(tx: Tx, companyId: string, planId: string, lines: Lines) {
  await tx.execute(
    sql`delete from accounting_collection_plan_line where company_id = ${companyId} and plan_id = ${planId}`,
  );
  const values = lines.map(
    (l, i) =>
      sql`(${companyId}, ${newId()}, ${planId}, ${i + 1}, ${l.dueDate}::date, ${new Decimal(l.amount).toFixed(2)}, ${l.note ?? ''})`,
  );
  await tx.execute(
    sql`insert into accounting_collection_plan_line (company_id, id, plan_id, position, due_date, amount, note)
        values ${sql.join(values, sql`, `)}`,
  );
}

const summary = (lines: Lines) =>
  lines.map((l) => ({ dueDate: l.dueDate, amount: new Decimal(l.amount).toFixed(2), note: l.note ?? '' }));

/**
 * A collection plan (回款计划) for a customer the actor can see: instalments with due dates and amounts,
 * owned by the person who will chase them (the customer's owner unless named). The currency is the
 * customer's unless given.
 */
export async function createCollectionPlan(tx: Tx, actor: Actor, input: CollectionPlanInput) {
  requirePermission(actor, 'accounting.collection.manage');
  const customer = await getCustomerTerms(tx, actor, input.customerId);
  if (customer.mergedIntoId)
    throw conflict('crm.customer_merged', 'This customer was merged into another; use the survivor', {
      mergedIntoId: customer.mergedIntoId,
    });
  if (input.originType === 'sales_order' && !input.originId)
    throw unprocessable('accounting.origin_required', 'A plan for a sales order names the order', {});
  const owner = input.ownerUserId ?? customer.ownerUserId ?? actor.userId;
  await assertMember(tx, actor.companyId, owner);
  const id = newId();
  await tx.execute(
    sql`insert into accounting_collection_plan (company_id, id, customer_id, origin_type, origin_id, origin_number,
          owner_user_id, currency, notes, created_by)
        values (${actor.companyId}, ${id}, ${customer.id}, ${input.originType ?? null}, ${input.originId ?? null},
          ${input.originNumber ?? null}, ${owner}, ${input.currency ?? customer.currency}, ${input.notes ?? ''}, ${actor.userId})`,
  );
  await writeLines(tx, actor.companyId, id, input.lines);
  await recordAudit(tx, actor, {
    entity: PLAN_ENTITY,
    entityId: id,
    action: 'create',
    after: {
      customerId: customer.id,
      originNumber: input.originNumber ?? null,
      owner,
      lines: summary(input.lines),
    },
  });
  return loadPlan(tx, actor, id);
}

/** Changes the owner, notes or the instalments of an open plan (the lines are replaced as a whole). */
export async function updateCollectionPlan(tx: Tx, actor: Actor, id: string, patch: CollectionPlanPatch) {
  requirePermission(actor, 'accounting.collection.manage');
  const row = await findPlan(tx, actor, id, true);
  if (row.version !== patch.version) throw staleVersion('collection plan', patch.version, row.version);
  if (row.state !== 'open')
    throw unprocessable('accounting.plan_not_open', 'Only an open collection plan can change', {
      state: row.state,
    });
  if (patch.ownerUserId) await assertMember(tx, actor.companyId, patch.ownerUserId);
  const before = await loadPlan(tx, actor, id);
  await tx.execute(
    sql`update accounting_collection_plan set owner_user_id = ${patch.ownerUserId ?? row.owner_user_id},
           notes = ${patch.notes ?? row.notes}, version = version + 1, updated_at = now()
         where company_id = ${actor.companyId} and id = ${id}`,
  );
  if (patch.lines) await writeLines(tx, actor.companyId, id, patch.lines);
  await recordAudit(tx, actor, {
    entity: PLAN_ENTITY,
    entityId: id,
    action: 'update',
    before: { owner: before.ownerUserId, notes: before.notes, lines: summary(before.lines) },
    after: {
      owner: patch.ownerUserId ?? before.ownerUserId,
      notes: patch.notes ?? before.notes,
      lines: patch.lines ? summary(patch.lines) : summary(before.lines),
    },
  });
  return loadPlan(tx, actor, id);
}

export async function cancelCollectionPlan(
  tx: Tx,
  actor: Actor,
  id: string,
  input: { version: number; reason?: string },
) {
  requirePermission(actor, 'accounting.collection.manage');
  const row = await findPlan(tx, actor, id, true);
  if (row.version !== input.version) throw staleVersion('collection plan', input.version, row.version);
  if (row.state !== 'open')
    throw unprocessable('accounting.plan_not_open', 'Only an open collection plan can change', {
      state: row.state,
    });
  await tx.execute(
    sql`update accounting_collection_plan set state = 'cancelled', version = version + 1, updated_at = now()
         where company_id = ${actor.companyId} and id = ${id}`,
  );
  await recordAudit(tx, actor, {
    entity: PLAN_ENTITY,
    entityId: id,
    action: 'cancel',
    before: { state: 'open' },
    after: { state: 'cancelled' },
    reason: input.reason,
  });
  return loadPlan(tx, actor, id);
}
