import { sql } from 'drizzle-orm';
import { iso } from '../../../platform/db/time.ts';
import { type Executor, one } from '../../../platform/db/tx.ts';
import { notFound } from '../../../platform/errors.ts';
import type { RequisitionView } from './contract.ts';

export const selectRequisition = (locale: string) => sql`select r.*, r.qty::text as qty_t,
    to_char(r.needed_by, 'YYYY-MM-DD') as needed_by_t, p.sku,
    coalesce(p.name->>${locale}, p.name->>'zh-CN', p.name->>'en', p.sku) as product_name
  from purchasing_requisition r
  join catalog_product p on p.company_id = r.company_id and p.id = r.product_id`;

export function toRequisition(r: Record<string, any>): RequisitionView {
  return {
    id: r.id,
    number: r.number,
    state: r.state,
    productId: r.product_id,
    sku: r.sku,
    productName: r.product_name,
    warehouseId: r.warehouse_id,
    qty: r.qty_t,
    neededBy: r.needed_by_t ?? null,
    supplierId: r.supplier_id ?? null,
    originType: r.origin_type,
    originId: r.origin_id ?? null,
    originNumber: r.origin_number ?? null,
    needId: r.need_id ?? null,
    orderId: r.order_id ?? null,
    orderLineId: r.order_line_id ?? null,
    notes: r.notes,
    version: Number(r.version),
    createdAt: iso(r.created_at),
  };
}

export async function findRequisition(
  ex: Executor,
  companyId: string,
  id: string,
  locale: string,
  lock = false,
) {
  const row = await one<Record<string, any>>(
    ex,
    sql`${selectRequisition(locale)} where r.company_id = ${companyId} and r.id = ${id}
        ${lock ? sql`for update of r` : sql``}`,
  );
  if (!row) throw notFound('requisition', id);
  return toRequisition(row);
}
