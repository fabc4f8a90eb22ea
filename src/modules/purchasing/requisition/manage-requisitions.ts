import { type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { type Executor, rows, type Tx } from '../../../platform/db/tx.ts';
import { staleVersion, unprocessable } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { defaultWarehouse } from '../../inventory/index.ts';
import { idCursor, likePattern, page } from '../shared.ts';
import { findSupplier } from '../supplier/supplier.repo.ts';
import type {
  RequisitionInput,
  RequisitionListQuery,
  RequisitionPatch,
  RequisitionView,
} from './contract.ts';
import { createRequisitions, REQUISITION_ENTITY } from './create-requisitions.ts';
import { findRequisition, selectRequisition, toRequisition } from './requisition.repo.ts';

/** A requisition typed by a user (origin 'manual'). */
export async function createManualRequisition(
  tx: Tx,
  actor: Actor,
  input: RequisitionInput,
): Promise<RequisitionView> {
  requirePermission(actor, 'purchasing.requisition.create');
  if (input.supplierId) await findSupplier(tx, actor.companyId, input.supplierId);
  const [created] = await createRequisitions(tx, actor, [
    {
      productId: input.productId,
      warehouseId: input.warehouseId ?? (await defaultWarehouse(tx, actor.companyId)).id,
      qty: input.qty,
      neededBy: input.neededBy ?? null,
      originType: 'manual',
      originId: null,
      originNumber: null,
      supplierId: input.supplierId ?? null,
      notes: input.notes,
    },
  ]);
  return findRequisition(tx, actor.companyId, created.id, actor.locale);
}

const TRANSITIONS: Record<string, string[]> = {
  approve: ['draft'],
  cancel: ['draft', 'approved'],
  update: ['draft', 'approved'],
};

async function lockFor(tx: Tx, actor: Actor, id: string, version: number, action: string) {
  const r = await findRequisition(tx, actor.companyId, id, actor.locale, true);
  if (r.version !== version) throw staleVersion('requisition', version, r.version);
  if (!TRANSITIONS[action].includes(r.state))
    throw unprocessable(
      'purchasing.invalid_transition',
      `A ${r.state} requisition cannot be changed that way`,
      {
        state: r.state,
        action,
      },
    );
  return r;
}

export async function updateRequisition(tx: Tx, actor: Actor, id: string, patch: RequisitionPatch) {
  requirePermission(actor, 'purchasing.requisition.create');
  const before = await lockFor(tx, actor, id, patch.version, 'update');
  if (patch.supplierId) await findSupplier(tx, actor.companyId, patch.supplierId);
  const sets: SQL[] = [];
  if (patch.qty !== undefined) sets.push(sql`qty = ${patch.qty}`);
  if (patch.neededBy !== undefined) sets.push(sql`needed_by = ${patch.neededBy}`);
  if (patch.supplierId !== undefined) sets.push(sql`supplier_id = ${patch.supplierId}`);
  if (patch.notes !== undefined) sets.push(sql`notes = ${patch.notes}`);
  sets.push(sql`version = version + 1`, sql`updated_at = now()`);
  await tx.execute(
    sql`update purchasing_requisition set ${sql.join(sets, sql`, `)} where company_id = ${actor.companyId} and id = ${id}`,
  );
  const after = await findRequisition(tx, actor.companyId, id, actor.locale);
  await recordAudit(tx, actor, { entity: REQUISITION_ENTITY, entityId: id, action: 'update', before, after });
  return after;
}

/** approve: draft → approved; cancel: draft/approved → cancelled. */
export async function setRequisitionState(
  tx: Tx,
  actor: Actor,
  id: string,
  action: 'approve' | 'cancel',
  input: { version: number; reason?: string },
) {
  requirePermission(actor, 'purchasing.requisition.create');
  const before = await lockFor(tx, actor, id, input.version, action);
  const state = action === 'approve' ? 'approved' : 'cancelled';
  await tx.execute(
    sql`update purchasing_requisition set state = ${state}, version = version + 1, updated_at = now()
         where company_id = ${actor.companyId} and id = ${id}`,
  );
  await recordAudit(tx, actor, {
    entity: REQUISITION_ENTITY,
    entityId: id,
    action,
    before: { state: before.state },
    after: { state },
    reason: input.reason,
  });
  return findRequisition(tx, actor.companyId, id, actor.locale);
}

/** Requisitions, newest first; `q` matches the number, the origin's number and the SKU. */
export async function listRequisitions(ex: Executor, actor: Actor, query: RequisitionListQuery) {
  requirePermission(actor, 'purchasing.requisition.read');
  const where: SQL[] = [sql`r.company_id = ${actor.companyId}`];
  if (query.state) where.push(sql`r.state = ${query.state}`);
  if (query.productId) where.push(sql`r.product_id = ${query.productId}`);
  if (query.originId) where.push(sql`r.origin_id = ${query.originId}`);
  const like = likePattern(query.q);
  if (like)
    where.push(
      sql`(lower(r.number) like ${like} or lower(coalesce(r.origin_number, '')) like ${like} or lower(p.sku) like ${like})`,
    );
  const cursor = idCursor(query.cursor, sql`r.id`);
  if (cursor) where.push(cursor);
  const list = await rows<Record<string, any>>(
    ex,
    sql`${selectRequisition(actor.locale)} where ${sql.join(where, sql` and `)} order by r.id desc limit ${query.limit + 1}`,
  );
  return page(list.map(toRequisition), query.limit);
}
