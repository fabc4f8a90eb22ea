import { iso } from '../../../platform/db/time.ts';

/** Columns both headers select beside `x.*` (alias x): numerics as text, names of customer and owner. */
export const HEADER_COLUMNS = `x.exchange_rate::text as rate_t, x.subtotal::text as subtotal_t, x.tax_total::text as tax_total_t,
  x.total::text as total_t, x.total_company::text as total_company_t, x.created_at::text as created_at_text,
  c.name as customer_name, u.name as owner_name`;

export const HEADER_JOINS = `left join crm_customer c on c.company_id = x.company_id and c.id = x.customer_id
  left join platform_user u on u.id = x.owner_user_id`;

export function headerView(r: Record<string, any>) {
  return {
    id: r.id as string,
    number: r.number as string,
    customerId: r.customer_id as string,
    customerName: (r.customer_name ?? null) as string | null,
    contactId: r.contact_id as string | null,
    opportunityId: r.opportunity_id as string | null,
    priceListId: r.price_list_id as string | null,
    warehouseId: r.warehouse_id as string,
    currency: r.currency as string,
    exchangeRate: r.rate_t as string,
    ownerUserId: r.owner_user_id as string | null,
    ownerName: (r.owner_name ?? null) as string | null,
    teamId: r.team_id as string | null,
    shipTo: (r.ship_to ?? null) as Record<string, string> | null,
    notes: r.notes as string,
    subtotal: r.subtotal_t as string,
    taxTotal: r.tax_total_t as string,
    total: r.total_t as string,
    totalCompany: r.total_company_t as string,
    version: r.version as number,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}
