import { sql } from 'drizzle-orm';
import { type Executor, one } from '../../../platform/db/tx.ts';
import { notFound } from '../../../platform/errors.ts';
import type { SupplierPriceView } from './contract.ts';

export const PRICE_ENTITY = 'purchasing.supplier_price';

export const selectPrice = sql`select sp.*, sp.price::text as price_t, sp.min_qty::text as min_qty_t,
    to_char(sp.valid_from, 'YYYY-MM-DD') as valid_from_t, to_char(sp.valid_to, 'YYYY-MM-DD') as valid_to_t,
    s.code as supplier_code, c.name as supplier_name, s.lead_time_days as supplier_lead, p.sku
  from purchasing_supplier_price sp
  join purchasing_supplier s on s.company_id = sp.company_id and s.id = sp.supplier_id
  join crm_customer c on c.company_id = s.company_id and c.id = s.party_id
  join catalog_product p on p.company_id = sp.company_id and p.id = sp.product_id`;

export function toPrice(r: Record<string, any>): SupplierPriceView {
  return {
    id: r.id,
    supplierId: r.supplier_id,
    supplierCode: r.supplier_code,
    supplierName: r.supplier_name,
    productId: r.product_id,
    sku: r.sku,
    price: r.price_t,
    currency: r.currency,
    minQty: r.min_qty_t,
    leadTimeDays: r.lead_time_days === null ? null : Number(r.lead_time_days),
    effectiveLeadTimeDays: Number(r.lead_time_days ?? r.supplier_lead),
    validFrom: r.valid_from_t ?? null,
    validTo: r.valid_to_t ?? null,
    preferred: Boolean(r.preferred),
    version: Number(r.version),
  };
}

export async function findPrice(ex: Executor, companyId: string, id: string, lock = false) {
  const row = await one<Record<string, any>>(
    ex,
    sql`${selectPrice} where sp.company_id = ${companyId} and sp.id = ${id} ${lock ? sql`for update of sp` : sql``}`,
  );
  if (!row) throw notFound('supplier_price', id);
  return toPrice(row);
}
