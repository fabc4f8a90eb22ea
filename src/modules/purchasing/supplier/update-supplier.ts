import { type SQL, sql } from 'drizzle-orm';
import { diff, recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import type { SupplierPatch, SupplierView } from './contract.ts';
import { assertVersion, findSupplier, SUPPLIER_ENTITY } from './supplier.repo.ts';

const COLUMNS: Record<string, string> = {
  code: 'code',
  paymentTermCode: 'payment_term_code',
  currency: 'currency',
  leadTimeDays: 'lead_time_days',
  active: 'active',
  notes: 'notes',
};

/** Edits a supplier's purchasing terms (the party's name and addresses are edited in crm). */
export async function updateSupplier(
  tx: Tx,
  actor: Actor,
  id: string,
  patch: SupplierPatch,
): Promise<SupplierView> {
  requirePermission(actor, 'purchasing.supplier.manage');
  const before = await findSupplier(tx, actor.companyId, id, true);
  assertVersion(before, patch.version);
  const sets: SQL[] = [];
  for (const [key, column] of Object.entries(COLUMNS)) {
    const value = (patch as Record<string, unknown>)[key];
    if (value !== undefined) sets.push(sql`${sql.raw(column)} = ${value}`);
  }
  if (sets.length > 0)
    await tx.execute(
      sql`update purchasing_supplier set ${sql.join(sets, sql`, `)}, version = version + 1, updated_at = now()
           where company_id = ${actor.companyId} and id = ${id}`,
    );
  const after = await findSupplier(tx, actor.companyId, id);
  if (Object.keys(diff(before, after)).length > 0)
    await recordAudit(tx, actor, { entity: SUPPLIER_ENTITY, entityId: id, action: 'update', before, after });
  return after;
}
