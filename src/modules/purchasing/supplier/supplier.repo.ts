import { sql } from 'drizzle-orm';
import { iso } from '../../../platform/db/time.ts';
import { type Executor, one } from '../../../platform/db/tx.ts';
import { notFound, staleVersion } from '../../../platform/errors.ts';
import type { SupplierView } from './contract.ts';

export const SUPPLIER_ENTITY = 'purchasing.supplier';

export const selectSupplier = sql`select s.*, c.code as party_code, c.name as party_name, c.tax_id as party_tax_id
  from purchasing_supplier s
  join crm_customer c on c.company_id = s.company_id and c.id = s.party_id`;

export function toSupplier(r: Record<string, any>): SupplierView {
  return {
    id: r.id,
    partyId: r.party_id,
    partyCode: r.party_code,
    name: r.party_name,
    taxId: r.party_tax_id ?? null,
    code: r.code,
    paymentTermCode: r.payment_term_code ?? null,
    currency: r.currency,
    leadTimeDays: Number(r.lead_time_days),
    active: Boolean(r.active),
    notes: r.notes,
    version: Number(r.version),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** One supplier of the company (404 otherwise), optionally locked. */
export async function findSupplier(ex: Executor, companyId: string, id: string, lock = false) {
  const row = await one<Record<string, any>>(
    ex,
    sql`${selectSupplier} where s.company_id = ${companyId} and s.id = ${id} ${lock ? sql`for update of s` : sql``}`,
  );
  if (!row) throw notFound('supplier', id);
  return toSupplier(row);
}

export function assertVersion(s: { version: number }, version: number, entity = 'supplier'): void {
  if (s.version !== version) throw staleVersion(entity, version, s.version);
}
