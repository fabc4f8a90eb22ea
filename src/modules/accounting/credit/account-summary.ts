import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { type Actor, can, requirePermission } from '../../../platform/permissions/actor.ts';
import { getCustomerTerms, registerCreditProvider } from '../../crm/index.ts';
import { rateFor } from '../invoice/header.ts';
import { accountingSettings } from '../settings.ts';
import { openReceivables, overdueReceivables, partyAndMerged } from './open-receivables.ts';

/** What a customer will owe beyond its invoices (sales: confirmed orders not invoiced yet), company currency. */
export type CommittedExposure = (ex: Executor, companyId: string, customerId: string) => Promise<string>;

const committedSources: CommittedExposure[] = [];

/**
 * Sales sits above accounting: it registers its not-yet-invoiced orders here at start-up, so the credit
 * left shown with the account summary is the one the confirm step checks (DESIGN.md 'Decisions').
 */
export function registerCommittedExposure(fn: CommittedExposure): void {
  committedSources.push(fn);
}

async function committed(ex: Executor, companyId: string, customerId: string): Promise<Decimal> {
  let sum = new Decimal(0);
  for (const source of committedSources) sum = sum.plus(await source(ex, companyId, customerId));
  return sum;
}

/**
 * The customer's account for the customer page, in company currency: open receivables, the overdue part,
 * the credit limit (converted from the customer's currency at today's rate) and what is left of it after
 * open receivables and committed orders, unapplied payments and the latest receipts.
 */
export async function customerAccountSummary(ex: Executor, actor: Actor, customerId: string) {
  requirePermission(actor, 'accounting.invoice.read');
  const customer = await getCustomerTerms(ex, actor, customerId);
  const { currency, today } = await accountingSettings(ex, actor.companyId);
  const open = await openReceivables(ex, actor.companyId, customer.id);
  const exposure = new Decimal(open).plus(await committed(ex, actor.companyId, customer.id));
  let limit: Decimal | null = customer.creditLimit === null ? null : new Decimal(customer.creditLimit);
  if (limit && customer.currency !== currency)
    limit = limit
      .mul(await rateFor(ex, actor.companyId, customer.currency, today))
      .toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const recent = await rows<Record<string, any>>(
    ex,
    sql`select p.id, p.number, p.payment_date::text as date, p.amount::text as amount, p.currency,
               p.amount_company::text as amount_company, p.unallocated::text as unallocated
          from accounting_payment p
         where p.company_id = ${actor.companyId} and p.partner_id in ${partyAndMerged(actor.companyId, customer.id)}
           and p.direction = 'inbound'
         order by p.payment_date desc, p.id desc limit 5`,
  );
  const counts = await rows<{ open_invoices: number; unapplied: string }>(
    ex,
    sql`select (select count(*)::int from accounting_invoice i
                 where i.company_id = ${actor.companyId} and i.partner_id in ${partyAndMerged(actor.companyId, customer.id)}
                   and i.state = 'posted' and i.kind = 'customer_invoice' and i.residual > 0) as open_invoices,
               (select coalesce(sum(p.unallocated_company), 0)::numeric(18, 2)::text from accounting_payment p
                 where p.company_id = ${actor.companyId} and p.partner_id in ${partyAndMerged(actor.companyId, customer.id)}
                   and p.direction = 'inbound') as unapplied`,
  );
  return {
    customerId: customer.id,
    currency,
    asOf: today,
    openReceivables: open,
    overdue: await overdueReceivables(ex, actor.companyId, customer.id, today),
    openInvoices: counts[0]?.open_invoices ?? 0,
    unappliedPayments: counts[0]?.unapplied ?? '0.00',
    committedOrders: exposure.minus(open).toFixed(2),
    creditLimit: limit?.toFixed(2) ?? null,
    creditLeft: limit ? limit.minus(exposure).toFixed(2) : null,
    recentPayments: recent.map((p) => ({
      id: p.id as string,
      number: p.number as string,
      date: p.date as string,
      amount: p.amount as string,
      currency: p.currency as string,
      amountCompany: p.amount_company as string,
      unallocated: p.unallocated as string,
    })),
  };
}

// The customer page's credit slot (crm cannot import accounting): open receivables in the customer's
// currency and the credit left, for whoever may read invoices; others see nulls.
registerCreditProvider(async (ex, actor, customer) => {
  if (!can(actor, 'accounting.invoice.read')) return { openReceivables: null, creditLeft: null };
  try {
    const summary = await customerAccountSummary(ex, actor, customer.id);
    const { currency } = summary;
    const rate =
      customer.currency === currency
        ? '1'
        : await rateFor(ex, actor.companyId, customer.currency, summary.asOf);
    const inCustomerCurrency = (v: string) =>
      new Decimal(v).div(rate).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
    return {
      openReceivables: inCustomerCurrency(summary.openReceivables),
      creditLeft: summary.creditLeft === null ? null : inCustomerCurrency(summary.creditLeft),
    };
  } catch (error) {
    // No exchange rate for the customer's currency today: the page shows the slot empty, not an error.
    if (error instanceof AppError && error.status === 422) return { openReceivables: null, creditLeft: null };
    throw error;
  }
});
