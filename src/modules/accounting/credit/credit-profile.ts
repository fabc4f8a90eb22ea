import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../../platform/db/tx.ts';
import { one } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { getCustomerTerms, setCreditLimit } from '../../crm/index.ts';
import { rateFor } from '../invoice/header.ts';
import { accountingSettings } from '../settings.ts';
import { assessCredit, type PaymentBehaviour } from './credit-risk.ts';
import { partyAndMerged } from './open-receivables.ts';

/**
 * The customer's payment behaviour over the twelve months before today, in one statement over its
 * posted invoices and credit notes (and customers merged into it). An invoice counts as settled on the
 * day of its last allocation (payment or credit note) once nothing is left to pay.
 */
async function paymentBehaviour(ex: Executor, companyId: string, customerId: string, today: string) {
  const r = await one<Record<string, string | null>>(
    ex,
    sql`with docs as (
          select i.id, i.kind, i.invoice_date, i.due_date, i.total_company, i.residual_company,
                 (select max(a.allocation_date) from accounting_payment_allocation a
                   where a.company_id = i.company_id and a.invoice_id = i.id) as settled_on
            from accounting_invoice i
           where i.company_id = ${companyId} and i.partner_id in ${partyAndMerged(companyId, customerId)}
             and i.state = 'posted' and i.kind in ('customer_invoice', 'customer_credit_note')
             and (i.invoice_date > ${today}::date - 365 or i.residual_company <> 0))
        select
          coalesce(sum(total_company) filter (where kind = 'customer_invoice' and residual_company = 0
                     and settled_on is not null and invoice_date > ${today}::date - 365), 0)::text as paid_total,
          coalesce(sum(total_company * greatest(settled_on - due_date, 0)) filter (where kind = 'customer_invoice'
                     and residual_company = 0 and settled_on is not null and invoice_date > ${today}::date - 365), 0)::text
            as paid_late_weight,
          coalesce(sum(case when kind = 'customer_invoice' then residual_company else -residual_company end), 0)::text as open,
          coalesce(sum(residual_company) filter (where kind = 'customer_invoice' and due_date < ${today}::date), 0)::text
            as overdue,
          coalesce(sum(total_company) filter (where kind = 'customer_invoice' and invoice_date > ${today}::date - 90), 0)::text
            as recent,
          coalesce(sum(total_company) filter (where kind = 'customer_invoice' and invoice_date <= ${today}::date - 90
                     and invoice_date > ${today}::date - 180), 0)::text as before,
          coalesce(sum(total_company) filter (where kind = 'customer_invoice' and invoice_date > ${today}::date - 365), 0)::text
            as year_invoiced,
          coalesce(sum(total_company) filter (where kind = 'customer_credit_note' and invoice_date > ${today}::date - 365), 0)::text
            as year_credited,
          coalesce(sum(total_company) filter (where kind = 'customer_invoice' and invoice_date > ${today}::date - 180), 0)::text
            as half_year,
          round(avg(due_date - invoice_date) filter (where kind = 'customer_invoice'))::text as term_days
        from docs`,
  );
  const behaviour: PaymentBehaviour = {
    paidTotal: r?.paid_total ?? '0',
    paidLateDayWeight: r?.paid_late_weight ?? '0',
    open: r?.open ?? '0',
    overdue: r?.overdue ?? '0',
    invoicedRecent: r?.recent ?? '0',
    invoicedBefore: r?.before ?? '0',
    invoicedYear: r?.year_invoiced ?? '0',
    creditedYear: r?.year_credited ?? '0',
    invoicedHalfYear: r?.half_year ?? '0',
    termDays: r?.term_days ? Number(r.term_days) : 30,
  };
  return behaviour;
}

/**
 * Band, score, reasons and a suggested credit limit from how the customer paid (credit-risk.ts has the
 * rules). The suggestion is in company currency and, when the customer is billed in another currency,
 * also converted at today's rate into the customer's currency (what accepting it stores).
 */
export async function customerCreditProfile(ex: Executor, actor: Actor, customerId: string) {
  requirePermission(actor, 'accounting.invoice.read');
  const customer = await getCustomerTerms(ex, actor, customerId);
  const { currency, today } = await accountingSettings(ex, actor.companyId);
  const behaviour = await paymentBehaviour(ex, actor.companyId, customer.id, today);
  const assessment = assessCredit(behaviour);
  let inCustomerCurrency = assessment.suggestedLimit;
  if (assessment.suggestedLimit !== null && customer.currency !== currency) {
    const rate = await rateFor(ex, actor.companyId, customer.currency, today);
    inCustomerCurrency = new Decimal(assessment.suggestedLimit)
      .div(rate)
      .toDecimalPlaces(2, Decimal.ROUND_DOWN)
      .toFixed(2);
  }
  return {
    customerId: customer.id,
    asOf: today,
    currency,
    customerCurrency: customer.currency,
    creditLimit: customer.creditLimit,
    ...assessment,
    suggestedLimitCustomerCurrency: inCustomerCurrency,
    behaviour,
  };
}

/**
 * Finance accepts the suggestion in one click: the customer's credit limit becomes the suggested one
 * (in the customer's currency), audited with the band as the reason. 422 when there is none to accept
 * or the suggestion changed since the screen showed it (`expected`).
 */
export async function acceptSuggestedLimit(
  tx: Tx,
  actor: Actor,
  customerId: string,
  input: { version: number; expected: string },
) {
  requirePermission(actor, 'accounting.credit.manage');
  const profile = await customerCreditProfile(tx, actor, customerId);
  const suggested = profile.suggestedLimitCustomerCurrency;
  if (suggested === null)
    throw unprocessable(
      'accounting.no_suggested_limit',
      'There is no payment history to suggest a limit from',
      {},
    );
  if (!new Decimal(suggested).eq(input.expected))
    throw unprocessable('accounting.suggestion_changed', 'The suggested limit changed; look at it again', {
      suggested,
    });
  const saved = await setCreditLimit(tx, actor, {
    customerId: profile.customerId,
    version: input.version,
    creditLimit: suggested,
    reason: `suggested limit accepted: band ${profile.band}, score ${profile.score}`,
  });
  return { ...profile, creditLimit: saved.creditLimit, customerVersion: saved.version };
}
