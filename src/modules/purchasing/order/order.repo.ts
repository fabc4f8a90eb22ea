import { type SQL, sql } from 'drizzle-orm';
import { iso, isoOrNull } from '../../../platform/db/time.ts';
import { type Executor, one, rows } from '../../../platform/db/tx.ts';
import { notFound, staleVersion } from '../../../platform/errors.ts';
import type { OrderSummary, OrderView } from './contract.ts';
import type { OrderState } from './order.ts';

export const ORDER_ENTITY = 'purchasing.order';
/** The origin type purchase orders give the inventory receipts they make. */
export const ORDER_ORIGIN = 'purchase_order';

export const selectOrder = sql`select o.*, s.code as supplier_code, s.party_id, c.name as supplier_name,
    to_char(o.order_date, 'YYYY-MM-DD') as order_date_t, to_char(o.expected_date, 'YYYY-MM-DD') as expected_date_t,
    o.exchange_rate::text as rate_t, o.subtotal::text as subtotal_t, o.tax_total::text as tax_total_t,
    o.total::text as total_t, o.total_company::text as total_company_t
  from purchasing_order o
  join purchasing_supplier s on s.company_id = o.company_id and s.id = o.supplier_id
  join crm_customer c on c.company_id = s.company_id and c.id = s.party_id`;

export interface OrderRow extends OrderSummary {
  state: OrderState;
}

export function toOrder(r: Record<string, any>): OrderRow {
  return {
    id: r.id,
    number: r.number,
    state: r.state,
    supplierId: r.supplier_id,
    supplierCode: r.supplier_code,
    supplierName: r.supplier_name,
    partyId: r.party_id,
    warehouseId: r.warehouse_id,
    orderDate: r.order_date_t,
    expectedDate: r.expected_date_t ?? null,
    currency: r.currency,
    exchangeRate: r.rate_t,
    paymentTermCode: r.payment_term_code ?? null,
    notes: r.notes,
    subtotal: r.subtotal_t,
    taxTotal: r.tax_total_t,
    total: r.total_t,
    totalCompany: r.total_company_t,
    approvalId: r.approval_id ?? null,
    approvedAt: isoOrNull(r.approved_at),
    sentAt: isoOrNull(r.sent_at),
    confirmedAt: isoOrNull(r.confirmed_at),
    receiptId: r.receipt_id ?? null,
    version: Number(r.version),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** One purchase order of the company (404 otherwise), optionally locked for a change. */
export async function findOrder(
  ex: Executor,
  companyId: string,
  id: string,
  lock = false,
): Promise<OrderRow> {
  const row = await one<Record<string, any>>(
    ex,
    sql`${selectOrder} where o.company_id = ${companyId} and o.id = ${id} ${lock ? sql`for update of o` : sql``}`,
  );
  if (!row) throw notFound('purchase_order', id);
  return toOrder(row);
}

export function assertVersion(o: { version: number }, version: number): void {
  if (o.version !== version) throw staleVersion('purchase_order', version, o.version);
}

export interface OrderLineRow {
  id: string;
  lineNo: number;
  productId: string;
  sku: string;
  productName: string;
  uomCode: string;
  description: string;
  qty: string;
  unitPrice: string;
  taxCode: string | null;
  taxRate: string;
  subtotal: string;
  tax: string;
  total: string;
  qtyReceived: string;
  qtyBilled: string;
  qtyReturned: string;
  requisitionIds: string[];
}

export async function orderLines(
  ex: Executor,
  companyId: string,
  orderId: string,
  locale: string,
): Promise<OrderLineRow[]> {
  const list = await rows<Record<string, any>>(
    ex,
    sql`select l.id, l.line_no, l.product_id, p.sku, p.uom_code, l.description,
               coalesce(p.name->>${locale}, p.name->>'zh-CN', p.name->>'en', p.sku) as product_name,
               l.qty::text as qty, l.unit_price::text as unit_price, l.tax_code, l.tax_rate::text as tax_rate,
               l.subtotal::text as subtotal, l.tax::text as tax, l.total::text as total,
               l.qty_received::text as qty_received, l.qty_billed::text as qty_billed,
               l.qty_returned::text as qty_returned,
               coalesce((select array_agg(r.id order by r.id) from purchasing_requisition r
                          where r.company_id = l.company_id and r.order_line_id = l.id), '{}') as requisition_ids
          from purchasing_order_line l
          join catalog_product p on p.company_id = l.company_id and p.id = l.product_id
         where l.company_id = ${companyId} and l.order_id = ${orderId}
         order by l.line_no`,
  );
  return list.map((r) => ({
    id: r.id,
    lineNo: Number(r.line_no),
    productId: r.product_id,
    sku: r.sku,
    productName: r.product_name,
    uomCode: r.uom_code,
    description: r.description,
    qty: r.qty,
    unitPrice: r.unit_price,
    taxCode: r.tax_code ?? null,
    taxRate: r.tax_rate,
    subtotal: r.subtotal,
    tax: r.tax,
    total: r.total,
    qtyReceived: r.qty_received,
    qtyBilled: r.qty_billed,
    qtyReturned: r.qty_returned,
    requisitionIds:
      typeof r.requisition_ids === 'string' ? parseUuidArray(r.requisition_ids) : r.requisition_ids,
  }));
}

/** PGlite and node-postgres both parse uuid[]; a text form is tolerated for safety. */
function parseUuidArray(text: string): string[] {
  return text.replace(/[{}]/g, '').split(',').filter(Boolean);
}

export async function loadOrder(
  ex: Executor,
  companyId: string,
  id: string,
  locale: string,
): Promise<OrderView> {
  const order = await findOrder(ex, companyId, id);
  return { ...order, lines: await orderLines(ex, companyId, id, locale) };
}

export async function setOrder(ex: Executor, companyId: string, id: string, set: SQL): Promise<void> {
  await ex.execute(
    sql`update purchasing_order set ${set}, version = version + 1, updated_at = now()
         where company_id = ${companyId} and id = ${id}`,
  );
}

/** What the audit log keeps of an order. */
export function auditableOrder(o: OrderSummary) {
  return {
    number: o.number,
    state: o.state,
    supplierId: o.supplierId,
    warehouseId: o.warehouseId,
    orderDate: o.orderDate,
    expectedDate: o.expectedDate,
    currency: o.currency,
    total: o.total,
    totalCompany: o.totalCompany,
  };
}
