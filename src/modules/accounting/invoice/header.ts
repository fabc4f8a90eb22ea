import { sql } from 'drizzle-orm';
import { type Executor, one } from '../../../platform/db/tx.ts';
import { AppError, conflict, unprocessable } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { systemActor } from '../../../platform/permissions/actor.ts';
import { effectiveRate } from '../../../platform/reference/exchange-rates.ts';
import { getCustomerTerms } from '../../crm/index.ts';
import { dueDateFor } from './invoice.ts';

/** Company-currency units per unit of `currency` on `date` (the rate of that day or the last before it). */
export async function rateFor(
  ex: Executor,
  companyId: string,
  currency: string,
  date: string,
): Promise<string> {
  try {
    return (await effectiveRate(ex, systemActor(companyId, 'exchange rate'), { currency, date })).rate;
  } catch (error) {
    if (error instanceof AppError && error.status === 404)
      throw unprocessable(
        'accounting.no_exchange_rate',
        'There is no exchange rate for this currency on this date',
        {
          currency,
          date,
        },
      );
    throw error;
  }
}

export interface HeaderChoice {
  partnerId: string;
  invoiceDate: string;
  dueDate?: string;
  paymentTermCode?: string | null;
  currency?: string;
}

/**
 * The partner under crm's record rule (404; a merged one is 409 `accounting.partner_merged`), the currency
 * (the partner's unless given) at the invoice date's rate, the payment term (the partner's unless given)
 * and the due date it gives unless one is named.
 */
export async function resolveHeader(ex: Executor, actor: Actor, h: HeaderChoice) {
  const partner = await getCustomerTerms(ex, actor, h.partnerId);
  if (partner.mergedIntoId)
    throw conflict('accounting.partner_merged', 'This partner was merged into another; use the survivor', {
      mergedIntoId: partner.mergedIntoId,
    });
  const currency = h.currency ?? partner.currency;
  const known = await one(
    ex,
    sql`select 1 from platform_currency where company_id = ${actor.companyId} and code = ${currency} and active`,
  );
  if (!known)
    throw unprocessable('accounting.currency_unknown', 'Unknown or inactive currency', { currency });
  const termCode = h.paymentTermCode === undefined ? partner.paymentTermCode : h.paymentTermCode;
  const term = termCode
    ? await one<{ due_days: number; end_of_month: boolean }>(
        ex,
        sql`select due_days, end_of_month from platform_payment_term
             where company_id = ${actor.companyId} and code = ${termCode}`,
      )
    : undefined;
  if (termCode && !term)
    throw unprocessable('accounting.payment_term_unknown', 'Unknown payment term', {
      paymentTermCode: termCode,
    });
  const dueDate =
    h.dueDate ??
    dueDateFor(h.invoiceDate, term ? { dueDays: term.due_days, endOfMonth: term.end_of_month } : null);
  if (dueDate < h.invoiceDate)
    throw unprocessable('accounting.due_before_invoice', 'The due date is before the invoice date', {
      invoiceDate: h.invoiceDate,
      dueDate,
    });
  return {
    partner,
    currency,
    rate: await rateFor(ex, actor.companyId, currency, h.invoiceDate),
    paymentTermCode: termCode ?? null,
    dueDate,
  };
}
