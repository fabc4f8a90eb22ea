import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { type Executor, one, rows } from '../../../platform/db/tx.ts';
import { badRequest } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { getCustomerTerms } from '../../crm/index.ts';
import { accountForRole } from '../chart/account-for-role.ts';
import { partyAndMerged } from '../credit/open-receivables.ts';
import { accountingSettings } from '../settings.ts';

/**
 * A customer's statement (对账单) for a date range, in company currency, read from the ledger: every posted
 * movement on its receivable and advance accounts (invoices, credit notes, receipts, refunds, allocations)
 * with a running balance from the opening balance the day before `from`. The closing balance equals the
 * customer's open receivables (exchange differences sit on their own accounts, not here).
 */
export async function customerStatement(
  ex: Executor,
  actor: Actor,
  query: { customerId: string; from?: string; to?: string },
) {
  requirePermission(actor, 'accounting.invoice.read');
  const customer = await getCustomerTerms(ex, actor, query.customerId);
  const { currency, today } = await accountingSettings(ex, actor.companyId);
  const to = query.to ?? today;
  const from = query.from ?? `${to.slice(0, 7)}-01`;
  if (from > to) throw badRequest('bad_range', 'from must not be after to', { from, to });
  const accounts = [
    await accountForRole(ex, actor.companyId, 'receivable'),
    await accountForRole(ex, actor.companyId, 'customer_advance'),
  ];
  const scope = sql`l.company_id = ${actor.companyId} and l.partner_id in ${partyAndMerged(actor.companyId, customer.id)}
    and l.account_id in (${accounts[0]}::uuid, ${accounts[1]}::uuid) and e.state = 'posted'`;
  const opening = await one<{ balance: string }>(
    ex,
    sql`select coalesce(sum(l.debit - l.credit), 0)::numeric(18, 2)::text as balance
          from accounting_entry_line l join accounting_entry e on e.company_id = l.company_id and e.id = l.entry_id
         where ${scope} and l.entry_date < ${from}::date`,
  );
  const lines = await rows<Record<string, any>>(
    ex,
    sql`select l.entry_date::text as date, e.memo, l.description, e.source_type, e.source_id,
               l.debit::text as debit, l.credit::text as credit, l.currency, l.amount_currency::text as amount_currency
          from accounting_entry_line l join accounting_entry e on e.company_id = l.company_id and e.id = l.entry_id
         where ${scope} and l.entry_date between ${from}::date and ${to}::date
         order by l.entry_date, e.posted_at, l.entry_id, l.line_no
         limit 5001`,
  );
  if (lines.length > 5000)
    throw badRequest('accounting.statement_too_long', 'More than 5000 movements: choose a shorter range');
  let balance = new Decimal(opening?.balance ?? '0');
  const items = lines.map((l) => {
    balance = balance.plus(l.debit).minus(l.credit);
    return {
      date: l.date as string,
      description: (l.description || l.memo) as string,
      sourceType: (l.source_type ?? null) as string | null,
      sourceId: (l.source_id ?? null) as string | null,
      debit: l.debit as string,
      credit: l.credit as string,
      currency: l.currency as string,
      amountCurrency: l.amount_currency as string,
      balance: balance.toFixed(2),
    };
  });
  return {
    customerId: customer.id,
    customerName: customer.name,
    currency,
    from,
    to,
    openingBalance: new Decimal(opening?.balance ?? '0').toFixed(2),
    closingBalance: balance.toFixed(2),
    items,
  };
}
