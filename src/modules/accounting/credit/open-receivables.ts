import { type SQL, sql } from 'drizzle-orm';
import { type Executor, one } from '../../../platform/db/tx.ts';

/** The customer and every customer merged into it (merges chain): what it owes includes theirs. */
export function partyAndMerged(companyId: string | SQL, customerId: string | SQL): SQL {
  return sql`(with recursive party(id) as (
      select ${customerId}::uuid
      union
      select c.id from crm_customer c join party on c.merged_into_id = party.id where c.company_id = ${companyId}
    ) select id from party)`;
}

/**
 * What a customer owes now, in company currency (decimal text): the open residual of posted customer
 * invoices, less open customer credit notes and less what it paid without an invoice to settle yet
 * (unallocated receipts, its advance). Follows merged customers.
 */
export async function openReceivables(ex: Executor, companyId: string, customerId: string): Promise<string> {
  const row = await one<{ open: string }>(
    ex,
    sql`select (
          coalesce((select sum(case when i.kind = 'customer_invoice' then i.residual_company else -i.residual_company end)
                      from accounting_invoice i
                     where i.company_id = ${companyId} and i.partner_id in ${partyAndMerged(companyId, customerId)}
                       and i.state = 'posted' and i.kind in ('customer_invoice', 'customer_credit_note')), 0)
        - coalesce((select sum(p.unallocated_company) from accounting_payment p
                     where p.company_id = ${companyId} and p.partner_id in ${partyAndMerged(companyId, customerId)}
                       and p.direction = 'inbound'), 0)
        )::numeric(18, 2)::text as open`,
  );
  return row?.open ?? '0.00';
}

/** Past-due part of the open customer invoices on `asOf` (company currency). */
export async function overdueReceivables(
  ex: Executor,
  companyId: string,
  customerId: string,
  asOf: string,
): Promise<string> {
  const row = await one<{ overdue: string }>(
    ex,
    sql`select coalesce(sum(i.residual_company), 0)::numeric(18, 2)::text as overdue from accounting_invoice i
         where i.company_id = ${companyId} and i.partner_id in ${partyAndMerged(companyId, customerId)}
           and i.state = 'posted' and i.kind = 'customer_invoice' and i.residual_company > 0
           and i.due_date < ${asOf}::date`,
  );
  return row?.overdue ?? '0.00';
}

/**
 * The customer invoices still open more than `days` days after their due date on `asOf` (company
 * currency): what the "overdue invoices block new orders" setting looks at. Null when there are none.
 */
export async function overdueBeyond(
  ex: Executor,
  companyId: string,
  customerId: string,
  asOf: string,
  days: number,
): Promise<{ amount: string; invoices: number; oldestDueDate: string } | null> {
  const row = await one<{ amount: string; invoices: number; oldest: string | null }>(
    ex,
    sql`select coalesce(sum(i.residual_company), 0)::numeric(18, 2)::text as amount, count(*)::int as invoices,
               to_char(min(i.due_date), 'YYYY-MM-DD') as oldest
          from accounting_invoice i
         where i.company_id = ${companyId} and i.partner_id in ${partyAndMerged(companyId, customerId)}
           and i.state = 'posted' and i.kind = 'customer_invoice' and i.residual_company > 0
           and i.due_date < ${asOf}::date - ${days}::int`,
  );
  if (!row || row.invoices === 0 || row.oldest === null) return null;
  return { amount: row.amount, invoices: row.invoices, oldestDueDate: row.oldest };
}
