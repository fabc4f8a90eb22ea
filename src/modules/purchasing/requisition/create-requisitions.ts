import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { recordAudits } from '../../../platform/audit/record.ts';
import { rows, type Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { nextNumbers } from '../../../platform/sequences/next-number.ts';
import { purchasingSettings } from '../settings.ts';

export const REQUISITION_ENTITY = 'purchasing.requisition';

export interface NewRequisition {
  productId: string;
  warehouseId: string;
  qty: string;
  neededBy: string | null;
  originType: string;
  originId: string | null;
  originNumber: string | null;
  needId?: string | null;
  supplierId?: string | null;
  notes?: string;
}

export interface CreatedRequisition {
  id: string;
  number: string;
  productId: string;
  qty: string;
}

const QTY = /^\d{1,14}(\.\d{1,4})?$/;

/** `PR-2026-00001`: the company's yearly requisition counter. */
export const requisitionNumber = (year: string, seq: number) => `PR-${year}-${String(seq).padStart(5, '0')}`;

/**
 * Service API: draft requisitions in one statement (numbers from one counter step). A line whose
 * `needId` already has a requisition is skipped, so a need becomes one requisition however often it is
 * offered. No permission check: the calling use case or subscriber has authorised the work.
 */
export async function createRequisitions(
  tx: Tx,
  actor: Actor,
  lines: NewRequisition[],
): Promise<CreatedRequisition[]> {
  if (lines.length === 0) return [];
  for (const l of lines)
    if (!QTY.test(l.qty) || !new Decimal(l.qty).gt(0))
      throw unprocessable('purchasing.qty_invalid', 'A requisition quantity must be a decimal > 0', {
        qty: l.qty,
        productId: l.productId,
      });
  const { today } = await purchasingSettings(tx, actor.companyId);
  const year = today.slice(0, 4);
  const first = await nextNumbers(tx, actor.companyId, `purchasing.requisition.${year}`, lines.length);
  const data = lines.map((l, i) => ({
    id: newId(),
    number: requisitionNumber(year, first + i),
    productId: l.productId,
    warehouseId: l.warehouseId,
    qty: new Decimal(l.qty).toFixed(4),
    neededBy: l.neededBy,
    originType: l.originType,
    originId: l.originId,
    originNumber: l.originNumber,
    needId: l.needId ?? null,
    supplierId: l.supplierId ?? null,
    notes: l.notes ?? '',
  }));
  const created = await rows<{ id: string; number: string; product_id: string; qty: string }>(
    tx,
    sql`insert into purchasing_requisition (company_id, id, number, product_id, warehouse_id, qty, needed_by,
          origin_type, origin_id, origin_number, need_id, supplier_id, notes, created_by)
        select ${actor.companyId}, r.id, r.number, r."productId", r."warehouseId", r.qty, r."neededBy",
               r."originType", r."originId", r."originNumber", r."needId", r."supplierId", r.notes,
               ${actor.name === 'system' ? null : actor.userId}::uuid
          from jsonb_to_recordset(${JSON.stringify(data)}::jsonb) as r(id uuid, number text, "productId" uuid,
            "warehouseId" uuid, qty numeric, "neededBy" date, "originType" text, "originId" uuid,
            "originNumber" text, "needId" uuid, "supplierId" uuid, notes text)
        on conflict (company_id, need_id) where need_id is not null do nothing
        returning id, number, product_id, qty::text as qty`,
  );
  const byId = new Map(data.map((d) => [d.id, d]));
  await recordAudits(
    tx,
    actor,
    created.map((c) => {
      const d = byId.get(c.id)!;
      return {
        entity: REQUISITION_ENTITY,
        entityId: c.id,
        action: 'create',
        after: { ...d, id: undefined, state: 'draft' },
      };
    }),
  );
  return created.map((c) => ({ id: c.id, number: c.number, productId: c.product_id, qty: c.qty }));
}
