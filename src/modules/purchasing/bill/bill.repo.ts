import { type SQL, sql } from 'drizzle-orm';
import { iso, isoOrNull } from '../../../platform/db/time.ts';
import { type Executor, one, rows } from '../../../platform/db/tx.ts';
import { notFound, staleVersion } from '../../../platform/errors.ts';
import type { BillView } from './contract.ts';

export const BILL_ENTITY = 'purchasing.bill';

export const selectBill = sql`select b.*, o.number as order_number, c.name as supplier_name, s.party_id,
    to_char(b.bill_date, 'YYYY-MM-DD') as bill_date_t, b.tolerance_pct::text as tolerance_t,
    b.subtotal::text as subtotal_t, b.total::text as total_t
  from purchasing_bill b
  join purchasing_order o on o.company_id = b.company_id and o.id = b.order_id
  join purchasing_supplier s on s.company_id = b.company_id and s.id = b.supplier_id
  join crm_customer c on c.company_id = s.company_id and c.id = s.party_id`;

export type BillRow = Omit<BillView, 'lines'> & { partyId: string };

export function toBill(r: Record<string, any>): BillRow {
  return {
    id: r.id,
    orderId: r.order_id,
    orderNumber: r.order_number,
    supplierId: r.supplier_id,
    supplierName: r.supplier_name,
    partyId: r.party_id,
    state: r.state,
    reference: r.reference,
    billDate: r.bill_date_t,
    currency: r.currency,
    tolerancePct: r.tolerance_t,
    subtotal: r.subtotal_t,
    total: r.total_t,
    varianceApprovedAt: isoOrNull(r.variance_approved_at),
    varianceApprovedBy: r.variance_approved_by ?? null,
    varianceReason: r.variance_reason ?? null,
    invoiceId: r.invoice_id ?? null,
    invoiceNumber: r.invoice_number ?? null,
    version: Number(r.version),
    createdAt: iso(r.created_at),
  };
}

export async function findBill(ex: Executor, companyId: string, id: string, lock = false): Promise<BillRow> {
  const row = await one<Record<string, any>>(
    ex,
    sql`${selectBill} where b.company_id = ${companyId} and b.id = ${id} ${lock ? sql`for update of b` : sql``}`,
  );
  if (!row) throw notFound('supplier_bill', id);
  return toBill(row);
}

export function assertBillVersion(b: { version: number }, version: number) {
  if (b.version !== version) throw staleVersion('supplier_bill', version, b.version);
}

export async function billLines(ex: Executor, companyId: string, billId: string) {
  const list = await rows<Record<string, any>>(
    ex,
    sql`select l.*, p.sku, l.qty::text as qty_t, l.unit_price::text as price_t, l.order_price::text as order_price_t,
               l.qty_billable::text as billable_t, l.price_diff_pct::text as price_pct_t,
               l.qty_diff_pct::text as qty_pct_t
          from purchasing_bill_line l
          join catalog_product p on p.company_id = l.company_id and p.id = l.product_id
         where l.company_id = ${companyId} and l.bill_id = ${billId} order by l.line_no`,
  );
  return list.map((r) => ({
    id: r.id as string,
    lineNo: Number(r.line_no),
    orderLineId: r.order_line_id as string,
    productId: r.product_id as string,
    sku: r.sku as string,
    qty: r.qty_t as string,
    unitPrice: r.price_t as string,
    taxCode: (r.tax_code ?? null) as string | null,
    orderPrice: r.order_price_t as string,
    qtyBillable: r.billable_t as string,
    priceDiffPct: r.price_pct_t as string,
    qtyDiffPct: r.qty_pct_t as string,
    withinTolerance: Boolean(r.within_tolerance),
  }));
}

export async function loadBill(ex: Executor, companyId: string, id: string): Promise<BillView> {
  const { partyId: _p, ...bill } = await findBill(ex, companyId, id);
  return { ...bill, lines: await billLines(ex, companyId, id) };
}

export async function setBill(ex: Executor, companyId: string, id: string, set: SQL) {
  await ex.execute(
    sql`update purchasing_bill set ${set}, version = version + 1, updated_at = now()
         where company_id = ${companyId} and id = ${id}`,
  );
}
